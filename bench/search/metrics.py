"""Ranking metrics at a cut-off, binary relevance."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence


def recall_at(ranked: Sequence[str], relevant: Collection[str], k: int = 10) -> float:
    return len(set(ranked[:k]) & set(relevant)) / len(relevant)


def reciprocal_rank_at(ranked: Sequence[str], relevant: Collection[str], k: int = 10) -> float:
    for rank, doc_id in enumerate(ranked[:k], 1):
        if doc_id in relevant:
            return 1 / rank
    return 0.0


def ndcg_at(ranked: Sequence[str], relevant: Collection[str], k: int = 10) -> float:
    gain = sum(1 / math.log2(rank + 1) for rank, d in enumerate(ranked[:k], 1) if d in relevant)
    ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(k, len(relevant)) + 1))
    return gain / ideal


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0–100) of a non-empty sequence."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]
