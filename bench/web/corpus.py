"""The web bench's corpus: N articles in a few sections, the same text for congtin and vanilla Wagtail.

Text comes from the shared news corpus when it is present (``$CONGTIN_SHARED_DATA/news``, read at run
time, never stored in the repository) and from the project's own demo text otherwise. Past the number
of real records, articles are recombined from real sentences (seeded), so every run and both sites get
byte-for-byte the same articles. Pure Python: no Django import, so the bench process can build the
corpus once and hand it to each site's loader as JSON Lines.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import random
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from congtin.vietnamese import nfc, slugify

REPO = Path(__file__).resolve().parents[2]
NEWS_SOURCES = ("news/unc_dantri_2020.jsonl", "news/baomoi_2017_sample.jsonl")
# The demo journal's top-level sections (the project's own titles), one article in five to each.
SECTIONS = (
    ("tin-tuc-su-kien", "Tin tức - Sự kiện"),
    ("nghien-cuu-trao-doi", "Nghiên cứu - Trao đổi"),
    ("thong-cao-bao-chi", "Thông cáo báo chí"),
    ("chinh-quyen-dia-phuong", "Chính quyền địa phương"),
    ("cai-cach-hanh-chinh", "Cải cách hành chính"),
)
TOP_STORIES = 5
MAX_PARAGRAPHS = 12
SLUG_WORDS = 12
# 2020-01-01 00:00 in Vietnam; article i is published i × 7 minutes later (10,000 articles ≈ 7 weeks).
EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=7)))
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


@dataclass
class CorpusArticle:
    """One article as both sites store it: plain text paragraphs, one heading, a dateline and byline."""

    section: int  # index into SECTIONS
    title: str
    slug: str
    summary: str
    heading: str
    paragraphs: list[str]
    published_at: str  # ISO 8601 with offset
    dateline_place: str = "Hà Nội"
    byline: str = "PV"
    is_top_story: bool = False
    tags: list[str] = field(default_factory=list)

    def body_blocks(self, *, heading_block: bool = False) -> list[dict[str, object]]:
        """StreamField data: the first half of the paragraphs, the heading, the rest. The vanilla site's
        heading is a plain CharBlock; congtin's is a StructBlock of text and level (``heading_block``)."""
        half = max(1, len(self.paragraphs) // 2)
        paragraphs: list[dict[str, object]] = [
            {"type": "paragraph", "value": f"<p>{html.escape(p, quote=False)}</p>"} for p in self.paragraphs
        ]
        heading: object = {"text": self.heading, "level": "h2"} if heading_block else self.heading
        return [*paragraphs[:half], {"type": "heading", "value": heading}, *paragraphs[half:]]

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> CorpusArticle:
        return cls(**json.loads(line))


def shared_data_dir() -> Path:
    return Path(os.environ.get("CONGTIN_SHARED_DATA") or REPO.parent / "shared" / "data")


def _shared_records(data_dir: Path) -> list[tuple[str, str, list[str]]]:
    """(title, lead, paragraphs) of every usable shared news record, in file order."""
    records = []
    for source in NEWS_SOURCES:
        path = data_dir / source
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                row = json.loads(line)
                title = nfc((row.get("title") or "").strip())
                paragraphs = [nfc(p.strip()) for p in (row.get("body") or "").split("\n") if p.strip()]
                lead = nfc((row.get("sapo") or "").strip())
                if not lead and paragraphs:
                    lead = paragraphs.pop(0)
                if title and lead and paragraphs:
                    records.append((title, lead, paragraphs[:MAX_PARAGRAPHS]))
    return records


def demo_records() -> list[tuple[str, str, list[str]]]:
    """(title, summary, paragraphs) of the demo journal's articles: the project's own text."""
    from congtin.demo.content import ARTICLES

    records = []
    for article in ARTICLES:
        paragraphs = [
            re.sub(r"<[^>]+>", "", block["value"])
            for block in article["body"]
            if block["type"] == "paragraph"
        ]
        if paragraphs:
            records.append((nfc(article["title"]), nfc(article["summary"]), [nfc(p) for p in paragraphs]))
    return records


def source_records(data_dir: Path | None = None) -> tuple[str, list[tuple[str, str, list[str]]]]:
    """The text the corpus is made of, and where it came from (for the report)."""
    data_dir = data_dir or shared_data_dir()
    records = _shared_records(data_dir)
    if records:
        return f"shared news corpus ({data_dir / 'news'}, {len(records):,} records)", records
    return "the project's demo text (congtin/demo/content.py)", demo_records()


def articles(
    size: int, records: list[tuple[str, str, list[str]]], *, seed: int = 20261128
) -> Iterator[CorpusArticle]:
    """``size`` articles: the source records first, then recombinations of their sentences.

    Newest articles come last (article i is published i × 7 minutes after ``EPOCH``); the newest
    ``TOP_STORIES`` are top stories. Slugs end in the article's number, so they are unique.
    """
    rng = random.Random(seed)  # noqa: S311 - seeded so both sites and every run get the same text
    pool: list[str] = []
    for i in range(size):
        if i < len(records):
            title, summary, paragraphs = records[i]
        else:
            if not pool:
                pool = [
                    s
                    for _, lead, ps in records
                    for p in (lead, *ps)
                    for s in _SENTENCE_END.split(p)
                    if len(s.split()) >= 6
                ]
            title = " ".join(pool[rng.randrange(len(pool))].split()[: rng.randint(6, 14)]).rstrip(".,;:")
            summary = pool[rng.randrange(len(pool))]
            paragraphs = [
                " ".join(pool[rng.randrange(len(pool))] for _ in range(rng.randint(2, 4)))
                for _ in range(rng.randint(3, 8))
            ]
        heading_words = paragraphs[len(paragraphs) // 2].split()[:8]
        slug = "-".join(slugify(title).split("-")[:SLUG_WORDS]) or "bai"
        yield CorpusArticle(
            section=i % len(SECTIONS),
            title=title[:250],
            slug=f"{slug}-{i + 1}",
            summary=summary[:1000],
            heading=" ".join(heading_words).rstrip(".,;:") or title[:60],
            paragraphs=paragraphs,
            published_at=(EPOCH + dt.timedelta(minutes=7 * i)).isoformat(),
            is_top_story=i >= size - TOP_STORIES,
        )


def corpus_write(path: Path, size: int, records: list[tuple[str, str, list[str]]]) -> None:
    """Write ``size`` articles made of ``records`` to ``path`` (JSON Lines)."""
    with path.open("w", encoding="utf-8") as f:
        for article in articles(size, records):
            f.write(article.to_json() + "\n")


def corpus_read(path: Path) -> Iterator[CorpusArticle]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield CorpusArticle.from_json(line)


def search_queries(records: list[tuple[str, str, list[str]]], count: int = 20, *, seed: int = 7) -> list[str]:
    """Queries a reader might type: the first two or three words of real articles' titles, lower case."""
    rng = random.Random(seed)  # noqa: S311 - the same queries on every run
    queries: list[str] = []
    for title, _, _ in rng.sample(records, min(count, len(records))):
        words = re.findall(r"\w+", title)
        if len(words) >= 3:
            queries.append(" ".join(words[: rng.choice((2, 3))]).lower())
    return queries
