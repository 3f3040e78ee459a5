"""Rules for finding and masking personal data in citizens' letters before publication.

The sentences are in ``data/pii_cases.py`` (all invented); see the module docstring of
:mod:`congtin.vietnamese.pii` for the rules they check.
"""

from __future__ import annotations

import re
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congtin.vietnamese.pii import PLACEHOLDERS, PiiKind, PiiSpan, find_pii, mask_pii
from congtin.vietnamese.tests.data.pii_cases import (
    DEVELOPMENT,
    HOLDOUT,
    HOLDOUT_2,
    HOLDOUT_3,
    HOLDOUT_4,
    Case,
)

HOLDOUTS = (HOLDOUT, HOLDOUT_2, HOLDOUT_3, HOLDOUT_4)

_MARK_RE = re.compile(r"\[\[(\w+):(.*?)\]\]", re.DOTALL)


def _parse(case: Case) -> tuple[str, list[tuple[int, int, PiiKind]], str]:
    """The plain sentence, its expected spans and its expected masked form."""
    plain: list[str] = []
    masked: list[str] = []
    spans = []
    position = 0
    length = 0
    for match in _MARK_RE.finditer(case.marked):
        between = case.marked[position : match.start()]
        plain.append(between)
        masked.append(between)
        length += len(between)
        kind = PiiKind(match.group(1))
        spans.append((length, length + len(match.group(2)), kind))
        plain.append(match.group(2))
        masked.append(PLACEHOLDERS[kind])
        length += len(match.group(2))
        position = match.end()
    plain.append(case.marked[position:])
    masked.append(case.marked[position:])
    return "".join(plain), spans, "".join(masked)


def _case_id(case: Case) -> str:
    return case.marked[:50]


def _score(cases: tuple[Case, ...]) -> tuple[int, int, int]:
    """True positives, false positives, false negatives over exact (start, end, kind) spans."""
    tp = fp = fn = 0
    for case in cases:
        plain, expected, _ = _parse(case)
        found = {(s.start, s.end, s.kind) for s in find_pii(plain, known_names=case.known_names)}
        wanted = set(expected)
        tp += len(found & wanted)
        fp += len(found - wanted)
        fn += len(wanted - found)
    return tp, fp, fn


# --- The written cases ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", DEVELOPMENT, ids=_case_id)
def test_sentence_is_masked_exactly_as_expected(case: Case) -> None:
    plain, _, masked = _parse(case)
    assert mask_pii(plain, known_names=case.known_names) == masked


def test_there_are_at_least_forty_written_sentences() -> None:
    assert len(DEVELOPMENT) + sum(len(cases) for cases in HOLDOUTS) >= 40


def test_development_precision_and_recall() -> None:
    tp, fp, fn = _score(DEVELOPMENT)
    assert tp / (tp + fp) >= 0.98
    assert tp / (tp + fn) >= 0.98


@pytest.mark.parametrize("cases", HOLDOUTS, ids=["holdout", "holdout_2", "holdout_3", "holdout_4"])
def test_holdout_precision_and_recall_stay_above_the_floor(cases: tuple[Case, ...]) -> None:
    # The floor guards against regressions; the values themselves are in the data module.
    tp, fp, fn = _score(cases)
    assert tp / (tp + fp) >= 0.9
    assert tp / (tp + fn) >= 0.8


# --- Individual rules ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "printed",
    [
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "091 234 5678",
        "+84 912 345 678",
        "+84912345678",
        "84-912-345-678",
        "(+84) 912 345 678",
        "+84 (0) 935 112 233",
        "84 (0)24 3825 1234",
        "0084 912 345 678",
        "(024) 3825 1234",
        "024 3825 1234",
        "0236.3822.123",
        "0339876543",
        "0868 123 456",
        "0703 123 456",
        "0563 123 456",
    ],
)
def test_every_common_printed_phone_form_is_found(printed: str) -> None:
    text = f"Số điện thoại của tôi: {printed}, cảm ơn."
    spans = find_pii(text)
    assert [(s.kind, s.text) for s in spans] == [(PiiKind.PHONE, printed)]


@pytest.mark.parametrize(
    "text",
    [
        "Nghị định 09/2017/NĐ-CP",
        "ngày 09/02/2017",
        "ngày 09.02.2017",
        "số tiền 1.500.000 đồng",
        "số tiền 1 500 000 đồng",
        "từ năm 2017 đến năm 2025",
        "tổng đài 1900 1234 và 1800 599 920",
        "mã hồ sơ 2024-0012-3456",
        "Điều 5 khoản 2 điểm a",
        "gọi 113, 114 hoặc 115",
        "số 0912345678/QĐ-UBND",
        "mã số thuế 0100109106",
        "0,5 ha đất, 12 345 678 m2",
    ],
)
def test_numbers_that_are_not_personal_data_stay(text: str) -> None:
    assert find_pii(text) == []


def test_twelve_bare_digits_count_only_with_the_cccd_structure() -> None:
    # 001 Hà Nội, 0 = male born in the 20th century, 99 = 1999.
    assert [s.kind for s in find_pii("mã 001099012345 đã cấp")] == [PiiKind.CITIZEN_ID]
    assert find_pii("mã 003099012345 đã cấp") == []  # 003 is no province code
    assert find_pii("mã 001599012345 đã cấp") == []  # century digit 5
    assert find_pii("mã 001290012345 đã cấp") == []  # born 2090
    assert find_pii("khoản 001099012345 đồng") == []  # money


def test_labelled_old_nine_digit_id_is_found() -> None:
    spans = find_pii("CMND số 012345678 do Công an Hà Nội cấp")
    assert [(s.kind, s.text) for s in spans] == [(PiiKind.CITIZEN_ID, "012345678")]


def test_birth_year_alone_is_kept_but_full_birth_date_is_masked() -> None:
    assert find_pii("Tôi sinh năm 1965, đã đóng bảo hiểm 30 năm.") == []
    assert mask_pii("ngày sinh: 01/01/1965") == "ngày sinh: [ngày sinh]"


def test_officials_named_with_their_title_are_left() -> None:
    text = "Thứ trưởng Nguyễn Văn Hùng và ông Trần Văn Cường, Chủ tịch UBND xã, đã tiếp công dân."
    assert find_pii(text) == []


def test_a_private_person_next_to_an_official_is_still_masked() -> None:
    text = "Bộ trưởng đã trả lời. Tôi tên là Nguyễn Văn Hùng, ở thôn 3, xã Tân Lập."
    assert mask_pii(text) == "Bộ trưởng đã trả lời. Tôi tên là [họ tên], ở [địa chỉ], xã Tân Lập."


def test_self_introduction_overrides_an_official_title_earlier_in_the_clause() -> None:
    text = "Kính gửi Bộ trưởng Bộ Nội vụ, tôi tên là Trần Văn Minh."
    assert mask_pii(text) == "Kính gửi Bộ trưởng Bộ Nội vụ, tôi tên là [họ tên]."


def test_commune_district_and_province_are_kept_after_a_masked_address() -> None:
    text = "Địa chỉ: số 7 ngách 12/3 ngõ 58 phố Nguyễn Chí Thanh, phường Láng Thượng, quận Đống Đa."
    assert mask_pii(text) == "Địa chỉ: [địa chỉ], phường Láng Thượng, quận Đống Đa."


def test_a_hamlet_is_masked_only_where_someone_lives() -> None:
    assert find_pii("Đường vào thôn Đông Xá bị sạt lở sau mưa lớn.") == []
    assert mask_pii("Tôi ở thôn Đông Xá, xã Đông Sơn.") == "Tôi ở [địa chỉ], xã Đông Sơn."


def test_a_name_after_an_administrative_unit_is_not_a_hamlet() -> None:
    text = "Tôi ở thôn 3, xã Ea Kao, thành phố Buôn Ma Thuột."
    assert mask_pii(text) == "Tôi ở [địa chỉ], xã Ea Kao, thành phố Buôn Ma Thuột."


def test_an_offices_street_address_is_left() -> None:
    text = "Trụ sở Bộ Nội vụ tại số 8 Tôn Thất Thuyết, quận Nam Từ Liêm."
    assert find_pii(text) == []


def test_known_name_is_masked_toneless_upper_case_and_by_given_name() -> None:
    text = "Nguyễn Văn An, NGUYEN VAN AN, nguyễn văn an và anh An, chị Bình"
    assert (
        mask_pii(text, known_names=["Nguyễn Văn An"])
        == "[họ tên], [họ tên], [họ tên] và anh [họ tên], chị [họ tên]"
    )


def test_known_name_does_not_match_a_different_word_with_other_marks() -> None:
    # "Lê An" folds like "lê ăn"; only the name's own marks or no marks count.
    assert find_pii("bé lê ăn cơm", known_names=["Lê An"]) == []


def test_obfuscated_email_is_found() -> None:
    for printed in ("ten.ho [at] gmail.com", "ten.ho(at)gmail(dot)com", "ten.ho @ gmail.com"):
        spans = find_pii(f"gửi về {printed} giúp tôi")
        assert [(s.kind, s.text) for s in spans] == [(PiiKind.EMAIL, printed)]


def test_vehicle_plates() -> None:
    assert mask_pii("xe máy BKS 29B1-123.45 bị giữ") == "xe máy BKS [biển số xe] bị giữ"
    assert mask_pii("ô tô 51F-678.90 vượt đèn đỏ") == "ô tô [biển số xe] vượt đèn đỏ"


def test_other_personal_codes_after_their_label() -> None:
    assert mask_pii("Mã số BHXH: 0123456789") == "Mã số BHXH: [mã số cá nhân]"
    assert mask_pii("giấy phép lái xe số 010123456789") == "giấy phép lái xe số [mã số cá nhân]"
    assert mask_pii("hộ chiếu số C1234567") == "hộ chiếu số [mã số cá nhân]"
    # A company's tax code is public.
    assert find_pii("Công ty có mã số thuế 0100109106") == []


def test_an_offices_switchboard_or_hotline_is_left() -> None:
    assert find_pii("Tôi gọi tổng đài 028 3829 5114 nhiều lần") == []
    assert find_pii("số (024) 3825 1234 của UBND quận không ai nghe máy") == []


def test_email_with_vietnamese_letters_in_the_local_part() -> None:
    assert mask_pii("thư gửi ông.vu@example.vn rồi") == "thư gửi [email] rồi"


def test_flat_in_a_block_is_masked_before_the_housing_estate_name_ends() -> None:
    text = "Căn hộ 1205 tòa nhà HH2 Khu đô thị Linh Đàm là nơi tôi đang ở."
    assert mask_pii(text) == "[địa chỉ] là nơi tôi đang ở."


def test_a_document_number_after_so_is_not_a_house() -> None:
    assert find_pii("Quyết định số 12 ngày 5/3 của Chủ tịch UBND huyện") == []
    assert find_pii("Nhà văn hóa tổ dân phố số 7 xuống cấp.") == []


def test_bank_account_after_label() -> None:
    assert mask_pii("STK: 1234 5678 9012 tại Agribank") == "STK: [số tài khoản] tại Agribank"


def test_citizen_and_voter_are_followed_by_places_more_often_than_by_people() -> None:
    assert find_pii("Mọi công dân Việt Nam và cử tri Quảng Ninh, cử tri Thành phố Hồ Chí Minh") == []
    assert mask_pii("trả lời công dân Nguyễn Văn Hải") == "trả lời công dân [họ tên]"
    assert mask_pii("trả lời công dân K'Bròng Ha Tiên.") == "trả lời công dân [họ tên]."


def test_account_holder_is_masked_but_a_street_named_after_someone_is_not() -> None:
    assert mask_pii("tài khoản mang tên Lê Thị Duyên") == "tài khoản mang tên [họ tên]"
    assert find_pii("đường mang tên Nguyễn Văn Cừ") == []


def test_place_names_starting_like_honorifics_are_not_names() -> None:
    text = "Chợ Bà Chiểu, cầu Ông Lãnh, phố Bà Triệu và huyện Anh Sơn"
    assert find_pii(text) == []


# --- Invisible characters and normalisation -----------------------------------------------------


def test_zero_width_characters_inside_a_phone_are_ignored_and_covered() -> None:
    text = "SĐT 09\u200b12\u200d345\u2060678 nhé"
    spans = find_pii(text)
    assert [(s.kind, s.text) for s in spans] == [(PiiKind.PHONE, "09\u200b12\u200d345\u2060678")]
    assert mask_pii(text) == "SĐT [số điện thoại] nhé"


def test_decomposed_input_gives_offsets_into_its_nfc_form() -> None:
    text = unicodedata.normalize("NFD", "Tôi tên là Nguyễn Văn An, SĐT 0912345678.")
    normal = unicodedata.normalize("NFC", text)
    spans = find_pii(text)
    assert [normal[s.start : s.end] for s in spans] == ["Nguyễn Văn An", "0912345678"]
    assert mask_pii(text) == "Tôi tên là [họ tên], SĐT [số điện thoại]."


# --- mask_pii with given spans ----------------------------------------------------------------


def test_given_spans_are_used_instead_of_detection() -> None:
    text = "Chú Ba bán hàng ở chợ."
    span = PiiSpan(0, 6, PiiKind.NAME, "Chú Ba", 1.0)
    assert mask_pii(text, [span]) == "[họ tên] bán hàng ở chợ."
    assert mask_pii(text, []) == text


def test_overlapping_or_out_of_range_spans_are_refused() -> None:
    text = "0912345678"
    with pytest.raises(ValueError, match="overlaps"):
        mask_pii(text, [PiiSpan(0, 5, PiiKind.PHONE, "", 1), PiiSpan(4, 8, PiiKind.PHONE, "", 1)])
    with pytest.raises(ValueError, match="outside"):
        mask_pii(text, [PiiSpan(5, 20, PiiKind.PHONE, "", 1)])


# --- Properties and hostile input ---------------------------------------------------------------

_FRAGMENTS = (
    "Nguyễn ", "Văn ", "ông ", "bà ", "anh ", "tôi tên là ", "số ", "ngõ ", "thôn ", "phường ", "CCCD ",
    "SĐT ", "Điều ", "Bộ trưởng ", "+84 ", "0912 ", "345 ", "678", "@example.vn", "ở ", "sinh ngày ",
)  # fmt: skip
_ALPHABET = st.sampled_from(
    [*"0123456789 .-+()/:@,\n\u200baăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY", *_FRAGMENTS]
)
_TEXT = st.lists(_ALPHABET, max_size=60).map("".join) | st.text(max_size=200)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_spans_are_in_bounds_ordered_non_overlapping_and_match_their_text(text: str) -> None:
    normal = unicodedata.normalize("NFC", text)
    spans = find_pii(text)
    position = 0
    for span in spans:
        assert position <= span.start < span.end <= len(normal)
        assert span.text == normal[span.start : span.end]
        assert 0 < span.confidence <= 1
        position = span.end


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_masking_changes_nothing_outside_the_spans(text: str) -> None:
    normal = unicodedata.normalize("NFC", text)
    spans = find_pii(text)
    expected = []
    position = 0
    for span in spans:
        expected += [normal[position : span.start], PLACEHOLDERS[span.kind]]
        position = span.end
    expected.append(normal[position:])
    assert mask_pii(text) == "".join(expected)
    assert mask_pii(text, spans) == "".join(expected)


@settings(max_examples=100, deadline=None)
@given(_TEXT, st.lists(st.text(max_size=20), max_size=3))
def test_known_names_never_crash(text: str, names: list[str]) -> None:
    mask_pii(text, known_names=names)


def test_ten_kilobytes_of_hostile_text_is_handled_quickly() -> None:
    hostile = [
        "0" * 10_000,
        "0 " * 5_000,
        "1." * 5_000,
        "Nguyễn " * 1_500,
        "a" * 5_000 + "@" + "b" * 5_000,
        "số 1 ngõ 2 " * 900,
        ("tôi tên là Nguyễn Văn An, SĐT 0912 345 678, ở số 12 ngõ 34 phố Láng Hạ. " * 150)[:10_000],
        "\u200b".join("0912345678" * 100),
        "0-" * 5_000,
        "1 " * 5_000,
        "Số 1 Ngõ 2 Phố A B C D E " * 400,
    ]
    for text in hostile:
        started = time.perf_counter()
        spans = find_pii(text)
        mask_pii(text, spans)
        assert time.perf_counter() - started < 2.0, text[:40]
