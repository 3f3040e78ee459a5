"""Rules for converting TCVN3 (ABC) and VNI text to Unicode, and for detecting them.

The encoders below are written here, independently of the module's tables, from the
code charts: encoding a sentence with them and decoding it with the module must give
the sentence back.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from congtin.vietnamese.legacy import detect_legacy_encoding, legacy_to_unicode, to_unicode

# --- Encoders from the code charts -------------------------------------------------------

# TCVN3: each group of letters and the Latin-1 characters their codes read as.
_TCVN3_CHART = [
    ("ĂÂÊÔƠƯĐăâêôơưđ", "¡¢£¤¥¦§¨©ª«¬\u00ad®"),
    ("àảãáạ", "µ¶·¸¹"),
    ("ằẳẵắặ", "»¼½¾Æ"),
    ("ầẩẫấậ", "ÇÈÉÊË"),
    ("èẻẽéẹ", "ÌÎÏÐÑ"),
    ("ềểễếệ", "ÒÓÔÕÖ"),
    ("ìỉĩíị", "×ØÜÝÞ"),
    ("òỏõóọ", "ßáâãä"),
    ("ồổỗốộ", "åæçèé"),
    ("ờởỡớợ", "êëìíî"),
    ("ùủũúụ", "ïñòóô"),
    ("ừửữứự", "õö÷øù"),
    ("ỳỷỹýỵ", "úûüýþ"),
]
_TO_TCVN3 = {
    letter: code for letters, codes in _TCVN3_CHART for letter, code in zip(letters, codes, strict=True)
}


def encode_tcvn3(text: str) -> str:
    return "".join(_TO_TCVN3.get(char, char) for char in unicodedata.normalize("NFC", text))


_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_VNI_TONE = {"": "", _GRAVE: "ø", _ACUTE: "ù", _HOOK: "û", _TILDE: "õ", _DOT: "ï"}
_VNI_CIRCUMFLEX = {"": "â", _GRAVE: "à", _ACUTE: "á", _HOOK: "å", _TILDE: "ã", _DOT: "ä"}
_VNI_BREVE = {"": "ê", _GRAVE: "è", _ACUTE: "é", _HOOK: "ú", _TILDE: "ü", _DOT: "ë"}
_VNI_I = {_GRAVE: "ì", _ACUTE: "í", _HOOK: "æ", _TILDE: "ó", _DOT: "ò"}


def _vni_letter(char: str) -> str:
    if char == "đ":
        return "ñ"
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[0], decomposed[1:]
    tone = "".join(mark for mark in marks if mark in _VNI_TONE)
    if base == "i" and tone:
        return _VNI_I[tone]
    if base == "y" and tone == _DOT:
        return "î"
    if "\u031b" in marks:  # horn: ơ, ư are single codes
        return ("ô" if base == "o" else "ö") + _VNI_TONE[tone]
    if "\u0302" in marks:
        return base + _VNI_CIRCUMFLEX[tone]
    if "\u0306" in marks:
        return base + _VNI_BREVE[tone]
    return base + _VNI_TONE[tone]


def encode_vni(text: str) -> str:
    out = []
    for char in unicodedata.normalize("NFC", text):
        lower = char.lower()
        if lower.isascii() or not lower.isalpha():
            out.append(char)
            continue
        code = _vni_letter(lower)
        out.append(code.upper() if char.isupper() else code)
    return "".join(out)


# --- Sentences (written for these tests) -------------------------------------------------

SENTENCES = [
    "Ủy ban nhân dân tỉnh đã họp bàn kế hoạch phòng chống lụt bão năm nay.",
    "Người dân có thể gửi ý kiến đóng góp về dự thảo quy hoạch sử dụng đất.",
    "Thủ tục cấp giấy phép xây dựng được rút ngắn còn mười lăm ngày làm việc.",
    "Trường học ở vùng sâu, vùng xa được hỗ trợ thêm thiết bị dạy học và sách giáo khoa.",
    "Sở Giao thông vận tải đề nghị các đơn vị khẩn trương sửa chữa mặt đường bị hư hỏng.",
    "Đoàn kiểm tra ghi nhận nhiều chuyển biến tích cực trong cải cách hành chính.",
]
# TCVN3 cannot write capitals with tone marks (they came from a separate font).
TCVN3_SENTENCES = [
    *[sentence for sentence in SENTENCES if sentence[0] in "ĐNTS"],
    "Bộ Nội vụ hướng dẫn việc tuyển dụng công chức năm nay.",
    "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc",
]


def test_the_tcvn3_charts_own_examples_decode() -> None:
    assert legacy_to_unicode("Bé Néi vô", "tcvn3") == "Bộ Nội vụ"
    assert legacy_to_unicode("§éc lËp - Tù do - H¹nh phóc", "tcvn3") == "Độc lập - Tự do - Hạnh phúc"


def test_the_vni_examples_decode() -> None:
    assert legacy_to_unicode("Boä Noäi vuï", "vni") == "Bộ Nội vụ"
    assert legacy_to_unicode("ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC", "vni") == "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"


@pytest.mark.parametrize("sentence", TCVN3_SENTENCES)
def test_tcvn3_text_round_trips_and_is_detected(sentence: str) -> None:
    encoded = encode_tcvn3(sentence)
    assert encoded != sentence
    assert legacy_to_unicode(encoded, "tcvn3") == sentence
    assert detect_legacy_encoding(encoded) == "tcvn3"
    assert to_unicode(encoded) == sentence


@pytest.mark.parametrize("sentence", [*SENTENCES, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Ơn, Ừ, Ỵ, ĩ"])
def test_vni_text_round_trips(sentence: str) -> None:
    assert legacy_to_unicode(encode_vni(sentence), "vni") == sentence


@pytest.mark.parametrize("sentence", [*SENTENCES, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
def test_vni_text_is_detected_and_converted(sentence: str) -> None:
    encoded = encode_vni(sentence)
    assert detect_legacy_encoding(encoded) == "vni"
    assert to_unicode(encoded) == sentence


def test_a_whole_tcvn3_paragraph_is_detected() -> None:
    paragraph = encode_tcvn3(" ".join(TCVN3_SENTENCES))
    assert detect_legacy_encoding(paragraph) == "tcvn3"


@pytest.mark.parametrize(
    "text",
    [
        *SENTENCES,
        "có là và bé không",  # Unicode Vietnamese without any letter only Vietnamese has
        "Ông bà tôi",
        "Dự thảo «luật» về khoa học · công nghệ, § 3",
        "The committee met on Monday to discuss the budget.",
        "The café served crème brûlée to a naïve élève.",
        "Le président a déclaré à la presse que la réforme était nécessaire.",
        "Die Bäume in München sind schön und grün.",
        "El niño está en la canción de España.",
        "São Paulo é uma cidade do Brasil, não é?",
        "",
        "123 !!! ...",
        "Bé",
    ],
)
def test_unicode_vietnamese_and_other_languages_are_not_detected(text: str) -> None:
    assert detect_legacy_encoding(text) is None
    assert to_unicode(text) == unicodedata.normalize("NFC", text)


def test_to_unicode_composes_decomposed_unicode_text() -> None:
    decomposed = unicodedata.normalize("NFD", SENTENCES[0])
    assert to_unicode(decomposed) == SENTENCES[0]


def test_an_unknown_encoding_name_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        legacy_to_unicode("x", "viscii")


_CORPORA = [
    Path("/work/shared/data/news"),
    Path("/work/shared/data/legal/congbao_8topics_fulltext.jsonl"),
]


def _corpus_paragraphs(limit: int = 200) -> list[str]:
    """Paragraphs of Unicode Vietnamese from the shared corpora, read at test time only."""
    files = [
        path
        for corpus in _CORPORA
        for path in ([corpus] if corpus.is_file() else sorted(corpus.glob("*.jsonl")))
    ]
    paragraphs: list[str] = []
    for path in files:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                texts = [value for value in record.values() if isinstance(value, str) and len(value) > 200]
                for text in texts:
                    paragraphs.extend(part for part in text.split("\n") if len(part) > 40)
                if len(paragraphs) >= limit:
                    return paragraphs[:limit]
    return paragraphs


@pytest.mark.skipif(not any(corpus.exists() for corpus in _CORPORA), reason="shared corpora not present")
def test_unicode_news_and_legal_text_is_never_detected_as_legacy() -> None:
    paragraphs = _corpus_paragraphs()
    assert paragraphs
    detected = [paragraph[:80] for paragraph in paragraphs if detect_legacy_encoding(paragraph) is not None]
    assert detected == []


@given(st.text(max_size=200))
def test_detection_and_conversion_never_fail(text: str) -> None:
    assert detect_legacy_encoding(text) in {None, "tcvn3", "vni"}
    assert isinstance(to_unicode(text), str)
