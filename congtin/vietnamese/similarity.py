"""How alike two citizens' letters are, for proposing likely duplicate cases (hồ sơ trùng).

People write about the same pothole, the same late allowance or the same noisy karaoke bar in
their own words, with or without accents, in capitals, with the phone number changed. What stays
is the run of syllables that names the matter. So a text becomes the set of its *shingles*: every
two consecutive folded syllables ("duong ngap", "ngap nuoc"), after dropping the most common
function syllables, whose pairs would make any two letters look alike ("toi de nghi", "cua", "va").

Two sets are compared with the Jaccard index (shared shingles over all shingles) and with
*containment* (shared shingles over the smaller set): a short repeat of a long letter ("Vẫn chưa
sửa đoạn đường ngập ở ngõ 12") is a duplicate even though the long letter has much more to say.
The score is the larger of Jaccard and a discounted containment, so a shared sentence alone does
not outrank two letters about the whole same thing.

For many candidates, :func:`minhash_signature` gives a fixed-length signature whose agreement
estimates Jaccard (:func:`minhash_similarity`); hashes are stable across processes (blake2b),
so signatures may be stored. Pure Python, no Django: the rules are about the language.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from congtin.vietnamese.text import fold, nfc

__all__ = [
    "STOP_SYLLABLES",
    "Match",
    "containment",
    "jaccard",
    "minhash_signature",
    "minhash_similarity",
    "rank_similar",
    "shingles",
    "similarity",
]

# Folded syllables so common in letters to an agency that their pairs say nothing about the
# matter: pronouns, the courtesy formulas ("kính gửi", "đề nghị", "xin"), particles and
# prepositions. Folding merges some words ("co" is có, cô and cỏ): acceptable, since these
# sets only thin the shingles and never decide alone.
STOP_SYLLABLES = frozenset(
    [
        "va",
        "voi",
        "cua",
        "la",
        "co",
        "cac",
        "nhung",
        "duoc",
        "cho",
        "da",
        "dang",
        "se",
        "nay",
        "do",
        "thi",
        "ma",
        "o",
        "tai",
        "tu",
        "den",
        "trong",
        "ngoai",
        "tren",
        "duoi",
        "ve",
        "khi",
        "neu",
        "nhu",
        "de",
        "bi",
        "rat",
        "cung",
        "con",
        "khong",
        "chua",
        "hay",
        "hoac",
        "nen",
        "vi",
        "boi",
        "toi",
        "em",
        "chung",
        "ta",
        "minh",
        "ong",
        "ba",
        "anh",
        "chi",
        "chau",
        "kinh",
        "gui",
        "xin",
        "kien",
        "phan",
        "viec",
        "the",
        "ai",
        "gi",
        "nao",
        "mot",
        "nhieu",
        "lam",
        "qua",
        "roi",
        "nua",
        "vay",
        "a",
        "nhe",
        "day",
        "kia",
        "ay",
    ]
)

SHINGLE_SIZE = 2
# Containment is worth this much of Jaccard: a shared passage is a strong hint, not proof.
CONTAINMENT_WEIGHT = 0.8
_MASK64 = (1 << 64) - 1


# Letters and digits, as ``congtin.vietnamese.tokens`` splits syllables; offsets are not needed here,
# so the words are folded straight from the split (a letter costs less than a Token).
_WORD_RE = re.compile(r"[^\W_]+")


@lru_cache(maxsize=50_000)
def _fold_word(word: str) -> str:
    return fold(word)


def _syllables(text: str) -> list[str]:
    words = (_fold_word(w) for w in _WORD_RE.findall(nfc(text)))
    return [w for w in words if w not in STOP_SYLLABLES]


def shingles(text: str, *, size: int = SHINGLE_SIZE) -> frozenset[str]:
    """The set of ``size`` consecutive folded content syllables of ``text``.

    A text shorter than ``size`` content syllables gives its syllables alone, so a one-word
    subject still compares.
    """
    words = _syllables(text)
    if len(words) < size:
        return frozenset(words)
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b|; 0 for two empty sets (nothing to say they are alike)."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / min(|a|, |b|): how much of the shorter text the longer one repeats."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """The duplicate score of two shingle sets, 0–1 (see the module docstring)."""
    return max(jaccard(a, b), CONTAINMENT_WEIGHT * containment(a, b))


@dataclass(frozen=True, slots=True)
class Match:
    key: object
    score: float


def rank_similar(
    text: str,
    candidates: Iterable[tuple[object, str]],
    *,
    threshold: float = 0.2,
    limit: int = 5,
    min_shingles: int = 3,
) -> list[Match]:
    """The candidates (``(key, text)`` pairs) most like ``text``, best first, scoring ≥ ``threshold``.

    Candidates with fewer than ``min_shingles`` shingles are skipped: two three-word notes
    sharing one phrase are not evidence of anything.
    """
    target = shingles(text)
    if len(target) < min_shingles:
        return []
    found = []
    for key, other_text in candidates:
        other = shingles(other_text)
        if len(other) < min_shingles:
            continue
        score = similarity(target, other)
        if score >= threshold:
            found.append(Match(key, score))
    found.sort(key=lambda m: -m.score)
    return found[:limit]


def _hash(shingle: str, seed: int) -> int:
    digest = hashlib.blake2b(shingle.encode(), digest_size=8, salt=seed.to_bytes(8, "little")).digest()
    return int.from_bytes(digest, "little") & _MASK64


def minhash_signature(items: frozenset[str], *, num_perm: int = 64) -> tuple[int, ...]:
    """One minimum hash per seed; equal positions of two signatures estimate their Jaccard index."""
    if not items:
        return ()
    return tuple(min(_hash(item, seed) for item in items) for seed in range(num_perm))


def minhash_similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """The share of positions where two signatures of the same length agree."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
