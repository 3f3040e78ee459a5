"""Converting text in the pre-Unicode Vietnamese encodings TCVN3 and VNI, on import.

Older ``.doc`` files, HTML pages and database dumps were written for 8-bit fonts.  When
such bytes are read as Latin-1 / Windows-1252 -- which is how they reach us -- the
Vietnamese turns into look-alike Western letters:

* **TCVN3** (TCVN 5712:1993 VN3, the "ABC" fonts ``.VnTime``...): one byte per
  lower-case letter, so "Bộ Nội vụ" arrives as ``"Bé Néi vô"`` and "Độc lập" as
  ``"§éc lËp"``.  Only the capitals Ă Â Ê Ô Ơ Ư Đ have codes of their own; capitals with
  tone marks were drawn by switching to the upper-case font (``.VnTimeH``), which used
  the *same* codes as the lower-case letters.  That information is lost with the font,
  so they convert to lower case.
* **VNI** (VNI-Windows fonts): an ASCII base letter followed by a code for its marks,
  so "Bộ Nội vụ" arrives as ``"Boä Noäi vuï"``; ơ, ư, đ, and i or y with some tones
  are single codes (``ô`` = ơ, ``ö`` = ư, ``ñ`` = đ, ``ó`` = ĩ, ``î`` = ỵ).

The tables below are the published code charts of both encodings, written out as
character facts.  Detection (:func:`detect_legacy_encoding`) converts the words that
would change and checks that the results are Vietnamese syllables: genuine legacy text
turns into valid syllables almost everywhere, while French, German or Unicode
Vietnamese turns into nonsense ("café" → "cafộ").  Unicode Vietnamese is recognised
first by its own letters (ơ, ư, ă, đ, ạ, ế...), which neither legacy form can contain.
"""

from __future__ import annotations

import re
import unicodedata

from congtin.vietnamese.text import fold, nfc

__all__ = [
    "TCVN3",
    "VNI",
    "detect_legacy_encoding",
    "legacy_to_unicode",
    "to_unicode",
]

TCVN3 = "tcvn3"
VNI = "vni"

# --- TCVN3 -------------------------------------------------------------------------------

#: TCVN3 (ABC) code → Unicode letter, for the codes that differ from Latin-1.  Keys are
#: the Latin-1 characters the bytes are read as.
TCVN3_TABLE: dict[str, str] = {
    # The seven capitals with their own codes, and the same letters in lower case.
    "\u00a1": "Ă",
    "\u00a2": "Â",
    "\u00a3": "Ê",
    "\u00a4": "Ô",
    "\u00a5": "Ơ",
    "\u00a6": "Ư",
    "\u00a7": "Đ",
    "\u00a8": "ă",
    "\u00a9": "â",
    "\u00aa": "ê",
    "\u00ab": "ô",
    "\u00ac": "ơ",
    "\u00ad": "ư",
    "\u00ae": "đ",
    # a, ă, â with the five tones (huyền, hỏi, ngã, sắc, nặng in the charts' order).
    "\u00b5": "à",
    "\u00b6": "ả",
    "\u00b7": "ã",
    "\u00b8": "á",
    "\u00b9": "ạ",
    "\u00bb": "ằ",
    "\u00bc": "ẳ",
    "\u00bd": "ẵ",
    "\u00be": "ắ",
    "\u00c6": "ặ",
    "\u00c7": "ầ",
    "\u00c8": "ẩ",
    "\u00c9": "ẫ",
    "\u00ca": "ấ",
    "\u00cb": "ậ",
    # e, ê
    "\u00cc": "è",
    "\u00ce": "ẻ",
    "\u00cf": "ẽ",
    "\u00d0": "é",
    "\u00d1": "ẹ",
    "\u00d2": "ề",
    "\u00d3": "ể",
    "\u00d4": "ễ",
    "\u00d5": "ế",
    "\u00d6": "ệ",
    # i
    "\u00d7": "ì",
    "\u00d8": "ỉ",
    "\u00dc": "ĩ",
    "\u00dd": "í",
    "\u00de": "ị",
    # o, ô, ơ
    "\u00df": "ò",
    "\u00e1": "ỏ",
    "\u00e2": "õ",
    "\u00e3": "ó",
    "\u00e4": "ọ",
    "\u00e5": "ồ",
    "\u00e6": "ổ",
    "\u00e7": "ỗ",
    "\u00e8": "ố",
    "\u00e9": "ộ",
    "\u00ea": "ờ",
    "\u00eb": "ở",
    "\u00ec": "ỡ",
    "\u00ed": "ớ",
    "\u00ee": "ợ",
    # u, ư
    "\u00ef": "ù",
    "\u00f1": "ủ",
    "\u00f2": "ũ",
    "\u00f3": "ú",
    "\u00f4": "ụ",
    "\u00f5": "ừ",
    "\u00f6": "ử",
    "\u00f7": "ữ",
    "\u00f8": "ứ",
    "\u00f9": "ự",
    # y
    "\u00fa": "ỳ",
    "\u00fb": "ỷ",
    "\u00fc": "ỹ",
    "\u00fd": "ý",
    "\u00fe": "ỵ",
}
_TCVN3_TRANSLATION = str.maketrans(TCVN3_TABLE)

# --- VNI ---------------------------------------------------------------------------------

# Mark codes: what follows a base letter, as combining marks (vowel mark, then tone).
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_VNI_TONES = {"ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRCUMFLEX = {
    "â": "",
    "à": _GRAVE,
    "á": _ACUTE,
    "å": _HOOK,
    "ã": _TILDE,
    "ä": _DOT,
}
_VNI_BREVE = {"ê": "", "è": _GRAVE, "é": _ACUTE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
#: Single VNI codes that are whole letters (lower case; upper case is the same code in
#: upper case).
VNI_LETTERS: dict[str, str] = {
    "ô": "ơ",
    "ö": "ư",
    "ñ": "đ",
    "ì": "ì",
    "í": "í",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "î": "ỵ",
}


def _vni_pairs() -> dict[str, str]:
    """Every VNI base letter + mark code → its Unicode letter, in both cases."""
    pairs: dict[str, str] = {}

    def add(base: str, code: str, marks: str) -> None:
        for base_case in (base, base.upper()):
            for code_case in (code, code.upper()):
                letter = unicodedata.normalize("NFC", base_case + marks)
                if len(letter) == 1:
                    pairs[base_case + code_case] = letter

    for base in "aeiouy":
        for code, tone in _VNI_TONES.items():
            add(base, code, tone)
    for base in "aeo":
        for code, tone in _VNI_CIRCUMFLEX.items():
            add(base, code, _CIRCUMFLEX + tone)
    for code, tone in _VNI_BREVE.items():
        add("a", code, _BREVE + tone)
    # ơ and ư are single codes ("ô", "ö") that take the tone codes after them.
    for vni_base, base in (("ô", "ơ"), ("ö", "ư")):
        for code, tone in _VNI_TONES.items():
            for base_case, letter_case in ((vni_base, base), (vni_base.upper(), base.upper())):
                for code_case in (code, code.upper()):
                    pairs[base_case + code_case] = unicodedata.normalize("NFC", letter_case + tone)
    return pairs


VNI_PAIRS = _vni_pairs()
_VNI_SINGLES = {**VNI_LETTERS, **{code.upper(): letter.upper() for code, letter in VNI_LETTERS.items()}}
_VNI_RE = re.compile(
    "|".join(re.escape(pair) for pair in sorted(VNI_PAIRS, key=len, reverse=True))
    + "|["
    + re.escape("".join(_VNI_SINGLES))
    + "]"
)


def _vni_replace(match: re.Match[str]) -> str:
    code = match.group()
    return VNI_PAIRS.get(code) or _VNI_SINGLES[code]


# --- Conversion --------------------------------------------------------------------------


def legacy_to_unicode(s: str, encoding: str) -> str:
    """Convert text in ``encoding`` (``"tcvn3"`` or ``"vni"``, read as Latin-1) to NFC.

    Characters outside the encoding's table pass through unchanged.  Raises
    :class:`ValueError` for an unknown encoding name.
    """
    if encoding == TCVN3:
        return nfc(s.translate(_TCVN3_TRANSLATION))
    if encoding == VNI:
        return nfc(_VNI_RE.sub(_vni_replace, s))
    raise ValueError(f"unknown legacy encoding: {encoding!r}")


# --- Detection ---------------------------------------------------------------------------

# Letters only Unicode Vietnamese has (ă â... with tones are all in U+1EA0-U+1EF9).
_UNICODE_VIETNAMESE_RE = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")
_WORD_RE = re.compile(r"[^\W\d_]+")
# Words of legacy text: TCVN3 uses Latin-1 symbols (§ ¨ © ª « ¬ soft hyphen ® µ ¶ · ¸ ¹
# » ¼ ½ ¾ × ÷) for letters, so the whole Latin-1 upper half counts as letters here.
_LEGACY_WORD_RE = re.compile(r"(?:[^\W\d_]|[\u00a1-\u00fe])+")

_ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx]"
# Every rhyme of Vietnamese, folded (so "ươi" is "uoi" and "ăn", "ân" are "an").
_RHYMES = [
    "a",
    "ac",
    "ach",
    "ai",
    "am",
    "an",
    "ang",
    "anh",
    "ao",
    "ap",
    "at",
    "au",
    "ay",
    "e",
    "ec",
    "ech",
    "em",
    "en",
    "eng",
    "enh",
    "eo",
    "ep",
    "et",
    "eu",
    "i",
    "ia",
    "ich",
    "iec",
    "iem",
    "ien",
    "ieng",
    "iep",
    "iet",
    "ieu",
    "im",
    "in",
    "inh",
    "ip",
    "it",
    "iu",
    "o",
    "oa",
    "oac",
    "oach",
    "oai",
    "oam",
    "oan",
    "oang",
    "oanh",
    "oao",
    "oap",
    "oat",
    "oay",
    "oc",
    "oe",
    "oem",
    "oen",
    "oeo",
    "oet",
    "oi",
    "om",
    "on",
    "ong",
    "ooc",
    "oong",
    "op",
    "ot",
    "u",
    "ua",
    "uan",
    "uang",
    "uanh",
    "uat",
    "uay",
    "uc",
    "ue",
    "uech",
    "uen",
    "uenh",
    "uet",
    "ui",
    "um",
    "un",
    "ung",
    "uo",
    "uoc",
    "uoi",
    "uom",
    "uon",
    "uong",
    "uop",
    "uot",
    "uou",
    "up",
    "ut",
    "uu",
    "uy",
    "uya",
    "uych",
    "uyen",
    "uyet",
    "uynh",
    "uyt",
    "uyu",
    "y",
    "yen",
    "yet",
    "yeu",
]
_SYLLABLE_RE = re.compile(rf"(?:{_ONSETS})?(?:{'|'.join(sorted(_RHYMES, key=len, reverse=True))})")
_TONES = frozenset((_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT))


# The vowel marks each base letter may carry in Vietnamese (tones go on any vowel).
_VOWEL_MARKS = {
    "a": _BREVE + _CIRCUMFLEX,
    "e": _CIRCUMFLEX,
    "o": _CIRCUMFLEX + _HORN,
    "u": _HORN,
    "i": "",
    "y": "",
}


def _is_syllable(word: str) -> bool:
    """Whether ``word`` is spelled like one Vietnamese syllable.

    The folded letters must form an onset and a rhyme of Vietnamese, at most one tone
    mark may appear, and vowel marks must be ones Vietnamese puts on that vowel (no
    diaeresis, no tilde on a consonant, no breve on an "o").
    """
    folded = fold(word)
    if not folded.isascii() or _SYLLABLE_RE.fullmatch(folded) is None:
        return False
    tones = 0
    base = ""
    for char in unicodedata.normalize("NFD", word.lower()):
        if not unicodedata.combining(char):
            base = char
        elif char in _TONES:
            tones += 1
            if base not in _VOWEL_MARKS:
                return False
        elif char not in _VOWEL_MARKS.get(base, ""):
            return False
    return tones <= 1


def _all_syllables(text: str) -> bool:
    # A converted "word" may hold several syllables run together by the encoding's
    # punctuation-like codes; each piece must be a syllable.
    pieces = _WORD_RE.findall(text)
    return bool(pieces) and all(_is_syllable(piece) for piece in pieces)


def _score(words: list[str], encoding: str) -> tuple[int, int, int]:
    """(words the conversion changes, valid syllables before, valid syllables after)."""
    changed = before = after = 0
    for word in words:
        converted = legacy_to_unicode(word, encoding)
        if converted == word:
            continue
        changed += 1
        before += _all_syllables(word)
        after += _all_syllables(converted)
    return changed, before, after


#: Words sampled for detection; enough for a verdict, cheap on a whole book.
_SAMPLE_WORDS = 2000
#: Share of changed words that must become valid syllables.
_MIN_VALID_SHARE = 0.8
#: Share of all words the conversion must change (legacy Vietnamese changes most).
_MIN_CHANGED_SHARE = 0.15


def detect_legacy_encoding(s: str) -> str | None:
    """``"tcvn3"`` or ``"vni"`` when ``s`` looks like that legacy encoding, else None.

    Says None for Unicode Vietnamese (it contains letters neither legacy form can
    produce, and where it does not, its words are already syllables), for English and other Western text (their accented words do not become
    Vietnamese syllables), and for text too short to tell (fewer than two words that
    a conversion would change).
    """
    all_words = _LEGACY_WORD_RE.findall(s[:50_000])[:_SAMPLE_WORDS]
    # ASCII words read the same in every encoding; only the others carry evidence.
    words = [word for word in all_words if not word.isascii()]
    if not words:
        return None
    vietnamese_unicode = sum(1 for word in words if _UNICODE_VIETNAMESE_RE.search(word))
    if vietnamese_unicode > max(1, len(all_words) // 50):
        return None
    best: str | None = None
    best_valid = 0
    for encoding in (TCVN3, VNI):
        changed, before, after = _score(words, encoding)
        if changed < 2 or changed < _MIN_CHANGED_SHARE * len(all_words):
            continue
        # Most changed words must become syllables, and clearly more of them than
        # were syllables already: "có là bé không" is Unicode Vietnamese that TCVN3
        # would turn into other valid syllables ("cú là bộ khụng").
        if after < _MIN_VALID_SHARE * changed or after < before + max(1, changed // 5):
            continue
        if after > best_valid:
            best, best_valid = encoding, after
    return best


def to_unicode(s: str) -> str:
    """``s`` converted from TCVN3 or VNI when it is detected as such, else ``nfc(s)``."""
    encoding = detect_legacy_encoding(s)
    if encoding is None:
        return nfc(s)
    return legacy_to_unicode(s, encoding)
