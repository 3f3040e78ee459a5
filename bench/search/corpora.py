"""The evaluation material: ALQAC 2023, the news corpus, and the synthetic corpus for latency.

Everything here is read from the shared data folder at run time; nothing third-party is stored in
the repository.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from congtin.vietnamese import nfc

REPO = Path(__file__).resolve().parents[2]
ALQAC_ARTICLES = "eval/alqac2023_law_articles.jsonl"
ALQAC_QUESTIONS = "eval/alqac2023_questions.jsonl"
# Two sources of different styles and years, so a title typed from one has distractors from the other.
NEWS_SOURCES = ("news/unc_dantri_2020.jsonl", "news/baomoi_2017_sample.jsonl")

Doc = tuple[str, str, str]  # (id, title, body)


def shared_data_dir() -> Path:
    return Path(os.environ.get("CONGTIN_SHARED_DATA") or REPO.parent / "shared" / "data")


def read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


@dataclass(frozen=True)
class Question:
    qid: str
    text: str
    relevant: frozenset[str]


def alqac(data_dir: Path) -> tuple[list[Doc], list[Question]]:
    """Law articles as (doc_id, law name + article number + article title, article body),
    and the 100 labelled ``train`` questions."""
    docs: list[Doc] = []
    for row in read_jsonl(data_dir / ALQAC_ARTICLES):
        heading, _, body = nfc(row["text"]).partition("\n\n")
        title = f"{row['law_id']} Điều {row['article_id']}. {heading}"
        docs.append((row["doc_id"], title, body))
    questions = [
        Question(row["qid"], nfc(row["question"]), frozenset(row["relevant_doc_ids"]))
        for row in read_jsonl(data_dir / ALQAC_QUESTIONS)
        if row["split"] == "train" and row["relevant_doc_ids"]
    ]
    return docs, questions


def news_fields(row: dict) -> dict[str, str]:
    """The searchable fields of one news record, NFC.  Báo mới's lead (``sapo``) starts the body."""
    body = "\n".join(part for part in (row.get("sapo"), row.get("body")) if part)
    return {"title": nfc(row.get("title") or ""), "body": nfc(body)}


def news(data_dir: Path) -> dict[str, tuple[str, dict[str, str]]]:
    """Every record of the known-item corpus: id -> (source file, fields)."""
    records: dict[str, tuple[str, dict[str, str]]] = {}
    for source in NEWS_SOURCES:
        for row in read_jsonl(data_dir / source):
            records[row["id"]] = (source, news_fields(row))
    return records


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def sentences(records: dict[str, tuple[str, dict[str, str]]]) -> list[str]:
    """Body sentences of 6–60 words, in corpus order (the raw material for synthetic documents)."""
    found: list[str] = []
    for _, fields in records.values():
        for sentence in _SENTENCE_END.split(fields["body"]):
            n = len(sentence.split())
            if 6 <= n <= 60:
                found.append(sentence.strip())
    return found


def synthetic(pool: list[str], size: int, *, seed: int = 20261128) -> Iterator[Doc]:
    """``size`` documents recombined from real news sentences (seeded, so every run indexes the same text).

    Title: the first 6–14 words of a random sentence; body: 2–6 random sentences.  About 120 syllables a
    document, so vocabulary and term frequencies stay those of real Vietnamese news.
    """
    rng = random.Random(seed)  # noqa: S311 - seeded so every run indexes the same text
    n = len(pool)
    for i in range(size):
        title_words = pool[rng.randrange(n)].split()
        title = " ".join(title_words[: rng.randint(6, 14)])
        body = " ".join(pool[rng.randrange(n)] for _ in range(rng.randint(2, 6)))
        yield (f"s{i}", title, body)
