"""Read the header and signature block of a document pasted as plain text, best effort.

Decree 30/2020 fixes where things sit on the page: the issuing body top left, "Số: …" under it, the
place and date top right ("Hà Nội, ngày 12 tháng 5 năm 2021"), the signer's position, "(Đã ký)" and
the signer's name at the end. Copying from a PDF or a web page flattens that layout into lines in
no reliable order, so each item is looked for by its shape rather than by its position, and any of
them may come back empty. Pure Python: no Django.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from congtin.vietnamese.text import nfc

# "Số: 2761/BNV-TC", "Số 02-NQ/TW", "Số:09/2017/NĐ-CP"
_SYMBOL = re.compile(r"\bS[ốố]\s*[:.]?\s*([0-9][0-9A-Za-zĐđÐ/\-–—&.]*[0-9A-Za-zĐđÐ])", re.IGNORECASE)
_DATE_WORDS = re.compile(
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
    re.IGNORECASE,
)
_DATE_DIGITS = re.compile(r"ngày\s+(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", re.IGNORECASE)
_NATIONAL_MOTTO = re.compile(r"CỘNG\s+HÒA|CỘNG\s+HOÀ|ĐẢNG\s+CỘNG\s+SẢN", re.IGNORECASE)
_SIGNED = re.compile(r"^\(?\s*(đã\s+ký|ký\s+tên|đã\s+ký\s+và\s+đóng\s+dấu)\s*\)?\.?$", re.IGNORECASE)
_HEADER_LINES = 40
_FOOTER_LINES = 30


@dataclass(frozen=True)
class DocumentHeader:
    symbol: str = ""
    issued_on: dt.date | None = None
    place: str = ""
    issuer: str = ""
    signer: str = ""
    signer_position: str = ""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in nfc(text).replace("\r", "\n").split("\n") if line.strip()]


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _is_name(line: str) -> bool:
    """A person's name: two to six words, each starting with a capital and going on in lower case."""
    words = line.split()
    if not 2 <= len(words) <= 6 or any(ch.isdigit() or ch in ":;,/()" for ch in line):
        return False
    return all(w[0].isupper() and (len(w) == 1 or w[1:].islower()) and w.isalpha() for w in words)


def _date(match: re.Match[str]) -> dt.date | None:
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_header(text: str) -> DocumentHeader:
    """Find the symbol, issue date and place, issuing body and signer in ``text``."""
    lines = _lines(text)
    head = "\n".join(lines[:_HEADER_LINES])

    symbol = ""
    if match := _SYMBOL.search(head):
        symbol = match.group(1).rstrip(".-")

    issued_on, place = None, ""
    date_match = _DATE_WORDS.search(head) or _DATE_DIGITS.search(head)
    if date_match is not None:
        issued_on = _date(date_match)
        before = head[: date_match.start()].rsplit("\n", 1)[-1]
        place = before.strip().rstrip(",").strip()
        if _NATIONAL_MOTTO.search(place) or len(place) > 40:
            place = ""

    issuer = ""
    if lines:
        first = _NATIONAL_MOTTO.split(lines[0], maxsplit=1)[0].strip(" -–")
        if first and _is_upper(first):
            issuer = first
            # The body's name often runs onto a second upper-case line ("BỘ NỘI VỤ" under "CHÍNH PHỦ").
            if len(lines) > 1 and _is_upper(lines[1]) and not _NATIONAL_MOTTO.search(lines[1]):
                second = lines[1]
                if not second.startswith(("SỐ", "Số")) and not _SYMBOL.search(second):
                    issuer = f"{issuer} {second}"

    signer, position = "", ""
    tail = lines[-_FOOTER_LINES:]
    for index in range(len(tail) - 1, -1, -1):
        if _is_name(tail[index]):
            signer = tail[index]
            above: list[str] = []
            for line in reversed(tail[:index]):
                if _SIGNED.match(line):
                    continue
                if _is_upper(line) or line.upper().startswith(("KT.", "TM.", "TL.", "TUQ.", "Q.")):
                    above.insert(0, line)
                    continue
                break
            position = " ".join(above)
            break

    return DocumentHeader(
        symbol=symbol,
        issued_on=issued_on,
        place=place,
        issuer=_title_case_body(issuer),
        signer=signer,
        signer_position=position,
    )


def _title_case_body(name: str) -> str:
    """ "BỘ NỘI VỤ" → "Bộ Nội vụ": first letter capital, the rest lower case, as bodies are written."""
    name = " ".join(name.split())
    if not name:
        return ""
    lowered = unicodedata.normalize("NFC", name.lower())
    return lowered[0].upper() + lowered[1:]
