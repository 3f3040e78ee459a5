"""The known-item query set over the news corpus: a recipe in the repository, the text at run time.

The repository keeps only *where* each query comes from (record id, field, word or character range,
the kind of query and how it is typed) and the SHA-1 of that field.  The query text itself is rebuilt
from the shared news files on every run, so no third-party text is copied into the repository.

Rebuild the recipe (deterministic; only needed if the recipe rules change)::

    python -m bench.search.known_items --build

Kinds of query, each with exactly one right answer (the record it was cut from):

* ``title_toneless``: 3–6 consecutive words of the title, typed without tone marks (``fold``);
* ``title_partial``: 3–6 consecutive words of the title, with tone marks, lower case;
* ``doc_number``: an official-document number in the text, typed in one of three common ways:
  ``as_written`` (``12/CT-TTg``), ``folded`` (``09/2017/nd-cp``) or ``type_number`` (``nd 09/2017``);
* ``body_toneless``: 4–7 consecutive words from the body, typed without tone marks.

A candidate is kept only when its folded text occurs in no other record of the corpus, so the
target is the only correct answer.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.search.corpora import news, shared_data_dir
from congtin.vietnamese import fold

RECIPE = Path(__file__).resolve().parent / "data" / "known_items.jsonl"
SEED = 7
TARGETS = {"title_toneless": 120, "title_partial": 100, "doc_number": 80, "body_toneless": 100}

WORD = re.compile(r"\w+")
# An official-document number: 12/CT-TTg, 09/2017/NĐ-CP, 3370/BGTVT-ĐTCT.
SYMBOL = re.compile(
    r"(?<![\w/])(\d{1,5})/(?:(\d{4})/)?([A-ZĐ]{1,6}(?:-[A-ZĐ][A-Za-zĐđ]{0,6}){0,3})(?![\w/-])"
)


@dataclass(frozen=True)
class KnownItem:
    qid: str
    kind: str
    target: str
    query: str


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()  # noqa: S324 - a fingerprint, not security


def words(text: str) -> list[re.Match[str]]:
    return list(WORD.finditer(text))


def render(recipe: dict, text: str) -> str:
    """The query text a recipe line describes, cut from ``text`` (the record's field)."""
    kind = recipe["kind"]
    if kind == "doc_number":
        m = SYMBOL.fullmatch(text[recipe["start"] : recipe["end"]])
        if m is None:
            raise ValueError("no document number at the recorded offsets")
        number, year, code = m.groups()
        if recipe["variant"] == "as_written":
            return m.group(0)
        if recipe["variant"] == "folded":
            return fold(m.group(0))
        return f"{fold(code.split('-')[0])} {number}/{year}"  # type_number, e.g. "nd 09/2017"
    span = words(text)[recipe["start"] : recipe["start"] + recipe["length"]]
    phrase = " ".join(w.group() for w in span)
    return phrase.lower() if kind == "title_partial" else fold(phrase)


def load(data_dir: Path, recipe_path: Path = RECIPE) -> tuple[list[KnownItem], list[str]]:
    """Rebuild the queries from the shared data; a second list names the recipe lines that were skipped."""
    records = news(data_dir)
    items: list[KnownItem] = []
    skipped: list[str] = []
    with recipe_path.open(encoding="utf-8") as f:
        for line in f:
            recipe = json.loads(line)
            record = records.get(recipe["id"])
            if record is None:
                skipped.append(f"{recipe['qid']}: record {recipe['id']} not found")
                continue
            text = record[1][recipe["field"]]
            if sha1(text) != recipe["sha1"]:
                skipped.append(f"{recipe['qid']}: the {recipe['field']} of {recipe['id']} has changed")
                continue
            items.append(KnownItem(recipe["qid"], recipe["kind"], recipe["id"], render(recipe, text)))
    return interleave(items), skipped


def interleave(items: list[KnownItem]) -> list[KnownItem]:
    """One query of each kind in turn, so any prefix (a time budget, the latency sample, ``--quick``)
    holds every kind in proportion.  The recipe file lists kinds in the order they were found."""
    by_kind: dict[str, list[KnownItem]] = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    queues = sorted(by_kind.values(), key=len, reverse=True)
    # Spread each kind evenly over the whole run: item i of a kind with n items sits at (i + 0.5) / n.
    placed = sorted(
        ((i + 0.5) / len(queue), k, item) for k, queue in enumerate(queues) for i, item in enumerate(queue)
    )
    return [item for _, _, item in placed]


class _Corpus:
    """Folded text of every record in one string, to count how many records contain a phrase."""

    def __init__(self, records: dict[str, tuple[str, dict[str, str]]]) -> None:
        parts: list[str] = []
        self.starts: list[int] = []
        offset = 0
        for _, fields in records.values():
            text = " ".join(WORD.findall(fold(fields["title"] + "\n" + fields["body"]))) + " \x00 "
            self.starts.append(offset)
            parts.append(text)
            offset += len(text)
        self.text = "".join(parts)

    def records_containing(self, phrase: str, limit: int = 2) -> int:
        seen: set[int] = set()
        at = self.text.find(phrase)
        while at != -1 and len(seen) < limit:
            seen.add(bisect.bisect_right(self.starts, at))
            at = self.text.find(phrase, at + 1)
        return len(seen)


def build(data_dir: Path) -> list[dict]:
    records = news(data_dir)
    corpus = _Corpus(records)
    rng = random.Random(SEED)  # noqa: S311 - seeded so the recipe is reproducible
    ids = sorted(records)
    rng.shuffle(ids)
    used: set[str] = set()
    counts: Counter[str] = Counter()
    out: list[dict] = []

    def unique(phrase: str) -> bool:
        return len(phrase) >= 8 and corpus.records_containing(" " + phrase + " ") == 1

    for rid in ids:
        if all(counts[k] >= n for k, n in TARGETS.items()):
            break
        source, fields = records[rid]
        if rid in used:
            continue
        kinds = [k for k, n in TARGETS.items() if counts[k] < n]
        rng.shuffle(kinds)
        for kind in kinds:
            recipe = _candidate(kind, rid, source, fields, rng, unique)
            if recipe is not None:
                counts[kind] += 1
                used.add(rid)
                out.append(recipe)
                break
    for i, recipe in enumerate(out, 1):
        recipe["qid"] = f"ki-{i:04d}"
    return out


def _candidate(
    kind: str,
    rid: str,
    source: str,
    fields: dict[str, str],
    rng: random.Random,
    unique: Callable[[str], bool],
) -> dict | None:
    field = "body" if kind in ("doc_number", "body_toneless") else "title"
    text = fields[field]
    base = {"id": rid, "source": source, "field": field, "sha1": sha1(text), "kind": kind}
    if kind == "doc_number":
        matches = [m for m in SYMBOL.finditer(text) if len(m.group(3)) >= 2]
        rng.shuffle(matches)
        for m in matches:
            number, year, _ = m.groups()
            key = fold(f"{number} {year}" if year else m.group(0).replace("/", " ").replace("-", " "))
            if unique(" ".join(WORD.findall(key))):
                variants = ["as_written", "folded"] + (["type_number"] if year else [])
                return {**base, "start": m.start(), "end": m.end(), "variant": rng.choice(variants)}
        return None
    span = words(text)
    lo, hi = (3, 6) if field == "title" else (4, 7)
    if len(span) < lo + 1:
        return None
    length = rng.randint(lo, min(hi, len(span) - 1))
    for _ in range(4):
        start = rng.randrange(0, len(span) - length + 1)
        phrase = " ".join(fold(w.group()) for w in span[start : start + length])
        if sum(w.group().isdigit() for w in span[start : start + length]) > 1:
            continue
        if unique(phrase):
            return {**base, "start": start, "length": length}
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--build", action="store_true", help=f"rewrite {RECIPE.name} from the shared data")
    parser.add_argument("--show", type=int, default=0, help="print the first N rebuilt queries")
    args = parser.parse_args(argv)
    data_dir = shared_data_dir()
    if not (data_dir / "news").is_dir():
        sys.stdout.write(f"Shared data folder {data_dir} not found; set CONGTIN_SHARED_DATA.\n")
        return 0
    if args.build:
        recipes = build(data_dir)
        RECIPE.parent.mkdir(parents=True, exist_ok=True)
        with RECIPE.open("w", encoding="utf-8") as f:
            for recipe in recipes:
                f.write(json.dumps(recipe, ensure_ascii=False, sort_keys=True) + "\n")
        kinds = Counter(r["kind"] for r in recipes)
        sys.stdout.write(f"wrote {len(recipes)} recipes to {RECIPE}: {dict(kinds)}\n")
    items, skipped = load(data_dir)
    for message in skipped:
        sys.stderr.write(f"warning: {message}\n")
    for item in items[: args.show]:
        sys.stdout.write(f"{item.qid}\t{item.kind}\t{item.target}\t{item.query}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
