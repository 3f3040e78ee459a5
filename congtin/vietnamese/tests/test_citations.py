"""Rules for finding citations of official documents in Vietnamese text.

Every sentence here is written for these tests.  Document numbers, dates and the names
of bodies are facts and are reused; the sentences around them are not taken from any
publication.
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from congtin.vietnamese.citations import Citation, find_citations
from congtin.vietnamese.symbols import (
    WARNING_PARTY_IN_STATE_STYLE,
    WARNING_UNKNOWN_TYPE_CODE,
    Grammar,
    parse_symbol,
)


@dataclass(frozen=True)
class Expected:
    """One expected citation; spans are located in the sentence by substring."""

    printed: str  # the symbol as printed
    canonical: str
    mention: str  # the whole mention: type name ... date or issuer phrase
    type_name: str | None = None
    doc_type: str | None = None
    issued: date | None = None
    issuer_phrase: str | None = None


CASES: list[tuple[str, list[Expected]]] = [
    # --- the shapes of the issue, with date and issuer -------------------------------
    (
        "Căn cứ Nghị định số 09/2017/NĐ-CP ngày 09 tháng 02 năm 2017 của Chính phủ quy định chi tiết "
        "về phát ngôn và cung cấp thông tin cho báo chí;",
        [
            Expected(
                "09/2017/NĐ-CP",
                "09/2017/NĐ-CP",
                "Nghị định số 09/2017/NĐ-CP ngày 09 tháng 02 năm 2017 của Chính phủ",
                "Nghị định",
                "Nghị định",
                date(2017, 2, 9),
                "của Chính phủ",
            )
        ],
    ),
    (
        "Các sở, ngành phải thực hiện nghiêm Chỉ thị số 12/CT-TTg ngày 12/5/2021 của Thủ tướng Chính phủ.",
        [
            Expected(
                "12/CT-TTg",
                "12/CT-TTg",
                "Chỉ thị số 12/CT-TTg ngày 12/5/2021 của Thủ tướng Chính phủ",
                "Chỉ thị",
                "Chỉ thị",
                date(2021, 5, 12),
                "của Thủ tướng Chính phủ",
            )
        ],
    ),
    (
        "Sở đã nhận được văn bản số 2761/BNV-TC của Bộ Nội vụ về tinh giản biên chế.",
        [
            Expected(
                "2761/BNV-TC",
                "2761/BNV-TC",
                "2761/BNV-TC của Bộ Nội vụ",
                None,
                "Công văn",
                None,
                "của Bộ Nội vụ",
            )
        ],
    ),
    (
        "Theo Quyết định số 1579/QĐ-TTg, đề án sẽ được triển khai trong hai năm.",
        [Expected("1579/QĐ-TTg", "1579/QĐ-TTg", "Quyết định số 1579/QĐ-TTg", "Quyết định", "Quyết định")],
    ),
    (
        "Thông tư số 26/2020/TT-BTTTT của Bộ trưởng Bộ Thông tin và Truyền thông có hiệu lực "
        "từ ngày 15 tháng 11 năm 2020.",
        [
            Expected(
                "26/2020/TT-BTTTT",
                "26/2020/TT-BTTTT",
                "Thông tư số 26/2020/TT-BTTTT của Bộ trưởng Bộ Thông tin và Truyền thông",
                "Thông tư",
                "Thông tư",
                None,
                "của Bộ trưởng Bộ Thông tin và Truyền thông",
            )
        ],
    ),
    (
        "Luật Tiếp cận thông tin số 104/2016/QH13 được Quốc hội thông qua vào tháng 4 năm 2016.",
        [
            Expected(
                "104/2016/QH13",
                "104/2016/QH13",
                "Luật Tiếp cận thông tin số 104/2016/QH13",
                "Luật",
                "Luật",
            )
        ],
    ),
    (
        "Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP ngày 06/5/2005 của Bộ Nội vụ và Văn phòng Chính phủ "
        "đã hết hiệu lực.",
        [
            Expected(
                "55/2005/TTLT-BNV-VPCP",
                "55/2005/TTLT-BNV-VPCP",
                "Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP ngày 06/5/2005 của Bộ Nội vụ và Văn phòng Chính phủ",
                "Thông tư liên tịch",
                "Thông tư liên tịch",
                date(2005, 5, 6),
                "của Bộ Nội vụ và Văn phòng Chính phủ",
            )
        ],
    ),
    (
        "Văn bản hợp nhất số 26/VBHN-NHNN đã được đăng trên trang của ngân hàng.",
        [
            Expected(
                "26/VBHN-NHNN",
                "26/VBHN-NHNN",
                "Văn bản hợp nhất số 26/VBHN-NHNN",
                "Văn bản hợp nhất",
                "Văn bản hợp nhất",
            )
        ],
    ),
    # --- Party documents ---------------------------------------------------------------
    (
        "Hội nghị quán triệt Nghị quyết số 02-NQ/TW ngày 01-10-1997 của Ban Chấp hành Trung ương.",
        [
            Expected(
                "02-NQ/TW",
                "02-NQ/TW",
                "Nghị quyết số 02-NQ/TW ngày 01-10-1997 của Ban Chấp hành Trung ương",
                "Nghị quyết",
                "Nghị quyết",
                date(1997, 10, 1),
                "của Ban Chấp hành Trung ương",
            )
        ],
    ),
    (
        "Hướng dẫn số 08-HD/BTGTW của Ban Tuyên giáo Trung ương nêu cách tổ chức tuyên truyền.",
        [
            Expected(
                "08-HD/BTGTW",
                "08-HD/BTGTW",
                "Hướng dẫn số 08-HD/BTGTW của Ban Tuyên giáo Trung ương",
                "Hướng dẫn",
                "Hướng dẫn",
                None,
                "của Ban Tuyên giáo Trung ương",
            )
        ],
    ),
    (
        "Đảng viên phải gương mẫu theo Quy định số 52-QĐ/TW về trách nhiệm nêu gương.",
        [Expected("52-QĐ/TW", "52-QĐ/TW", "Quy định số 52-QĐ/TW", "Quy định", "Quy định")],
    ),
    (
        "Quyết định số 52-QĐ/TW của Ban Bí thư được công bố tại hội nghị.",
        [
            Expected(
                "52-QĐ/TW",
                "52-QĐ/TW",
                "Quyết định số 52-QĐ/TW của Ban Bí thư",
                "Quyết định",
                "Quyết định",
                None,
                "của Ban Bí thư",
            )
        ],
    ),
    (
        "Trên tinh thần 52-QĐ/TW, chi bộ đã rà soát lại quy chế.",
        [Expected("52-QĐ/TW", "52-QĐ/TW", "52-QĐ/TW")],  # QĐ printed bare: the type stays open
    ),
    (
        "Kết luận số 210-KL/TW ngày 12 tháng 11 năm 2025 của Ban Chấp hành Trung ương Đảng khóa XIII "
        "được triển khai ngay.",
        [
            Expected(
                "210-KL/TW",
                "210-KL/TW",
                "Kết luận số 210-KL/TW ngày 12 tháng 11 năm 2025 của Ban Chấp hành Trung ương Đảng khóa XIII",
                "Kết luận",
                "Kết luận",
                date(2025, 11, 12),
                "của Ban Chấp hành Trung ương Đảng khóa XIII",
            )
        ],
    ),
    (
        "Quy định số 55-QĐ/TW ngày 19.12.2016 của Bộ Chính trị yêu cầu người đứng đầu làm gương.",
        [
            Expected(
                "55-QĐ/TW",
                "55-QĐ/TW",
                "Quy định số 55-QĐ/TW ngày 19.12.2016 của Bộ Chính trị",
                "Quy định",
                "Quy định",
                date(2016, 12, 19),
                "của Bộ Chính trị",
            )
        ],
    ),
    (
        "Chương trình số 12-CTr/BCĐ nêu các nhiệm vụ hoàn thiện thể chế.",
        [Expected("12-CTr/BCĐ", "12-CTr/BCĐ", "Chương trình số 12-CTr/BCĐ", "Chương trình", "Chương trình")],
    ),
    # --- Party documents printed in state order, and TƯ --------------------------------
    (
        "Thành phố tiếp tục thực hiện Nghị quyết số 29/NQ-TW về đổi mới giáo dục.",
        [Expected("29/NQ-TW", "29-NQ/TW", "Nghị quyết số 29/NQ-TW", "Nghị quyết", "Nghị quyết")],
    ),
    (
        "Vi phạm Quy định 181/QĐ-TW, ngày 30/3/2013 của Ban Chấp hành Trung ương sẽ bị xử lý.",
        [
            Expected(
                "181/QĐ-TW",
                "181-QĐ/TW",
                "Quy định 181/QĐ-TW, ngày 30/3/2013 của Ban Chấp hành Trung ương",
                "Quy định",
                "Quy định",
                date(2013, 3, 30),
                "của Ban Chấp hành Trung ương",
            )
        ],
    ),
    (
        "Lộ trình thực hiện Nghị quyết 29-NQ/TƯ đã được điều chỉnh.",
        [Expected("29-NQ/TƯ", "29-NQ/TW", "Nghị quyết 29-NQ/TƯ", "Nghị quyết", "Nghị quyết")],
    ),
    # --- noise inside symbols ----------------------------------------------------------
    (
        "Nghị định 09/2017/NĐ- CP là căn cứ để các cơ quan chỉ định người phát ngôn.",
        [Expected("09/2017/NĐ- CP", "09/2017/NĐ-CP", "Nghị định 09/2017/NĐ- CP", "Nghị định", "Nghị định")],
    ),
    (
        "Việc đào tạo thực hiện theo Thông tư số 13/2018/TT-\nBLĐTBXH của Bộ trưởng Bộ Lao động - Thương\n"
        "binh và Xã hội hướng dẫn chi tiết.",
        [
            Expected(
                "13/2018/TT-\nBLĐTBXH",
                "13/2018/TT-BLĐTBXH",
                "Thông tư số 13/2018/TT-\nBLĐTBXH của Bộ trưởng Bộ Lao động - Thương\nbinh và Xã hội",
                "Thông tư",
                "Thông tư",
                None,
                "của Bộ trưởng Bộ Lao động - Thương binh và Xã hội",
            )
        ],
    ),
    (
        "Mỏ đá hoạt động theo Quyết định số 1947/QĐ–UBND ngày 16/7/2015 do tỉnh phê duyệt.",
        [
            Expected(
                "1947/QĐ–UBND",
                "1947/QĐ-UBND",
                "Quyết định số 1947/QĐ–UBND ngày 16/7/2015",
                "Quyết định",
                "Quyết định",
                date(2015, 7, 16),
            )
        ],
    ),
    (
        "(Kèm theo Nghị quyết số 17 /2026/NQ-CP ngày 29 tháng 4 năm 2026 của Chính phủ)",
        [
            Expected(
                "17 /2026/NQ-CP",
                "17/2026/NQ-CP",
                "Nghị quyết số 17 /2026/NQ-CP ngày 29 tháng 4 năm 2026 của Chính phủ",
                "Nghị quyết",
                "Nghị quyết",
                date(2026, 4, 29),
                "của Chính phủ",
            )
        ],
    ),
    (
        "Căn cứ Nghị đinh số 30/2020/NĐ-CP về công tác văn thư;",  # a typo in the type name
        [Expected("30/2020/NĐ-CP", "30/2020/NĐ-CP", "Nghị đinh số 30/2020/NĐ-CP", "Nghị đinh", "Nghị định")],
    ),
    (
        "Cổng thông tin vận hành theo Nghị định số 42/2022/NÐ-CP.",  # Ð is U+00D0
        [Expected("42/2022/NÐ-CP", "42/2022/NĐ-CP", "Nghị định số 42/2022/NÐ-CP", "Nghị định", "Nghị định")],
    ),
    (
        "Nghị định số 4/2023/NĐ-CP được sửa đổi một lần.",
        [Expected("4/2023/NĐ-CP", "04/2023/NĐ-CP", "Nghị định số 4/2023/NĐ-CP", "Nghị định", "Nghị định")],
    ),
    (
        "Hiệu trưởng nhận Quyết định 1177/QĐ BGDĐT ngày 5/4/2021 công nhận chức danh.",
        [
            Expected(
                "1177/QĐ BGDĐT",
                "1177/QĐ-BGDĐT",
                "Quyết định 1177/QĐ BGDĐT ngày 5/4/2021",
                "Quyết định",
                "Quyết định",
                date(2021, 4, 5),
            )
        ],
    ),
    (
        "Bộ đã có công văn số 301/BGDĐT – GDMN về kiểm soát bữa ăn bán trú.",
        [
            Expected(
                "301/BGDĐT – GDMN", "301/BGDĐT-GDMN", "công văn số 301/BGDĐT – GDMN", "công văn", "Công văn"
            )
        ],
    ),
    (
        "Luật số: 73/2006/QH 11",
        [Expected("73/2006/QH 11", "73/2006/QH11", "Luật số: 73/2006/QH 11", "Luật", "Luật")],
    ),
    (
        "Tàu được đóng theo quyết\nđịnh số 23/2021/QĐ-TTg về tín dụng.",
        [
            Expected(
                "23/2021/QĐ-TTg",
                "23/2021/QĐ-TTg",
                "quyết\nđịnh số 23/2021/QĐ-TTg",
                "quyết định",
                "Quyết định",
            )
        ],
    ),
    # --- lists, headers, abbreviations, old forms --------------------------------------
    (
        "Các Nghị định số 30/2020/NĐ-CP và 42/2022/NĐ-CP đều do Chính phủ ban hành.",
        [
            Expected(
                "30/2020/NĐ-CP", "30/2020/NĐ-CP", "Nghị định số 30/2020/NĐ-CP", "Nghị định", "Nghị định"
            ),
            Expected("42/2022/NĐ-CP", "42/2022/NĐ-CP", "42/2022/NĐ-CP", None, "Nghị định"),
        ],
    ),
    (
        "CHÍNH PHỦ\n\nSố: 111/2022/NĐ-CP\nHà Nội, ngày 30 tháng 12 năm 2022",
        [Expected("111/2022/NĐ-CP", "111/2022/NĐ-CP", "111/2022/NĐ-CP", None, "Nghị định")],
    ),
    (
        "Chế độ trợ cấp theo Quyết định số 206-CP ngày 30 tháng 5 năm 1979 của Hội đồng Chính phủ vẫn giữ.",
        [
            Expected(
                "206-CP",
                "206-CP",
                "Quyết định số 206-CP ngày 30 tháng 5 năm 1979 của Hội đồng Chính phủ",
                "Quyết định",
                "Quyết định",
                date(1979, 5, 30),
                "của Hội đồng Chính phủ",
            )
        ],
    ),
    (
        "Luật Dầu khí số 18-L/CTN được công bố năm 1993.",
        [Expected("18-L/CTN", "18-L/CTN", "Luật Dầu khí số 18-L/CTN", "Luật", "Luật")],
    ),
    (
        "Ông trình QĐ số 123/QĐ-UBND của UBND tỉnh Bắc Ninh ra cuộc họp.",
        [
            Expected(
                "123/QĐ-UBND",
                "123/QĐ-UBND",
                "QĐ số 123/QĐ-UBND của UBND tỉnh Bắc Ninh",
                "QĐ",
                "Quyết định",
                None,
                "của UBND tỉnh Bắc Ninh",
            )
        ],
    ),
    (
        "Hai mươi tàu cá đóng theo NĐ-67/CP đã hư hỏng.",
        [Expected("67/CP", "67/CP", "NĐ-67/CP", "NĐ")],
    ),
    (
        "Pháp lệnh Ngoại hối số 28/2005/PL-UBTVQH11 được sửa đổi năm 2013.",
        [
            Expected(
                "28/2005/PL-UBTVQH11",
                "28/2005/PL-UBTVQH11",
                "Pháp lệnh Ngoại hối số 28/2005/PL-UBTVQH11",
                "Pháp lệnh",
                "Pháp lệnh",
            )
        ],
    ),
    (
        "Bộ luật Lao động số 45/2019/QH14 có hiệu lực từ đầu năm 2021.",
        [Expected("45/2019/QH14", "45/2019/QH14", "Bộ luật Lao động số 45/2019/QH14", "Bộ luật", "Bộ luật")],
    ),
    (
        "Khoa đã làm theo văn bản 59/BVUB-ĐD do bệnh viện ban hành.",
        [Expected("59/BVUB-ĐD", "59/BVUB-ĐD", "59/BVUB-ĐD", None, "Công văn")],
    ),
    (
        "Tờ trình số 2138/TTr-BCT ngày 30/3/2026 đề nghị sửa nghị định.",
        [
            Expected(
                "2138/TTr-BCT",
                "2138/TTr-BCT",
                "Tờ trình số 2138/TTr-BCT ngày 30/3/2026",
                "Tờ trình",
                "Tờ trình",
                date(2026, 3, 30),
            )
        ],
    ),
    (
        "Thủ tục được cắt giảm theo Nghị quyết 66.13/2026/NQ-CP.",
        [
            Expected(
                "66.13/2026/NQ-CP",
                "66.13/2026/NQ-CP",
                "Nghị quyết 66.13/2026/NQ-CP",
                "Nghị quyết",
                "Nghị quyết",
            )
        ],
    ),
    # --- issuer phrases ----------------------------------------------------------------
    (
        "Thông tư liên tịch số 02/2017/TTLT-VKSNDTC-TANDTC-BCA-BQP của Viện kiểm sát nhân dân tối cao, "
        "Tòa án nhân dân tối cao, Bộ Công an, Bộ Quốc phòng quy định việc phối hợp.",
        [
            Expected(
                "02/2017/TTLT-VKSNDTC-TANDTC-BCA-BQP",
                "02/2017/TTLT-VKSNDTC-TANDTC-BCA-BQP",
                "Thông tư liên tịch số 02/2017/TTLT-VKSNDTC-TANDTC-BCA-BQP của Viện kiểm sát nhân dân tối cao, "
                "Tòa án nhân dân tối cao, Bộ Công an, Bộ Quốc phòng",
                "Thông tư liên tịch",
                "Thông tư liên tịch",
                None,
                "của Viện kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao, Bộ Công an, Bộ Quốc phòng",
            )
        ],
    ),
    (
        "Thông tư số 01/2021/TT-BVHTTDL của Bộ Văn hóa, Thể thao và Du lịch quy định về lễ hội.",
        [
            Expected(
                "01/2021/TT-BVHTTDL",
                "01/2021/TT-BVHTTDL",
                "Thông tư số 01/2021/TT-BVHTTDL của Bộ Văn hóa, Thể thao và Du lịch",
                "Thông tư",
                "Thông tư",
                None,
                "của Bộ Văn hóa, Thể thao và Du lịch",
            )
        ],
    ),
    (
        "Nghị định số 13/2023/NĐ-CP của Chính phủ quy định về bảo vệ dữ liệu cá nhân.",
        [
            Expected(
                "13/2023/NĐ-CP",
                "13/2023/NĐ-CP",
                "Nghị định số 13/2023/NĐ-CP của Chính phủ",
                "Nghị định",
                "Nghị định",
                None,
                "của Chính phủ",
            )
        ],
    ),
    (
        "Quyết định số 31/2021/QĐ-TTg của Thủ tướng Chính phủ, Thông tư số 15/2024/TT-NHNN của "
        "Ngân hàng Nhà nước Việt Nam cùng áp dụng.",
        [
            Expected(
                "31/2021/QĐ-TTg",
                "31/2021/QĐ-TTg",
                "Quyết định số 31/2021/QĐ-TTg của Thủ tướng Chính phủ",
                "Quyết định",
                "Quyết định",
                None,
                "của Thủ tướng Chính phủ",
            ),
            Expected(
                "15/2024/TT-NHNN",
                "15/2024/TT-NHNN",
                "Thông tư số 15/2024/TT-NHNN của \nNgân hàng Nhà nước Việt Nam".replace(" \n", " "),
                "Thông tư",
                "Thông tư",
                None,
                "của Ngân hàng Nhà nước Việt Nam",
            ),
        ],
    ),
    (
        "Chỉ thị số 05/CT-TTg ngày 31/02/2021 không tồn tại ngày ban hành như vậy.",  # no 31 February
        [Expected("05/CT-TTg", "05/CT-TTg", "Chỉ thị số 05/CT-TTg", "Chỉ thị", "Chỉ thị")],
    ),
    (
        "Thông tư 08/2011/TT-BKHĐT, 15/05/2013, quy định danh mục.",  # a date printed without "ngày"
        [
            Expected(
                "08/2011/TT-BKHĐT",
                "08/2011/TT-BKHĐT",
                "Thông tư 08/2011/TT-BKHĐT, 15/05/2013",
                "Thông tư",
                "Thông tư",
                date(2013, 5, 15),
            )
        ],
    ),
    # --- permits count: printed in the state grammar they cannot be told from decisions -
    (
        "Doanh nghiệp khai thác theo Giấy phép khai thác cát số 135/GP-UBND ngày 20/3/2015.",
        [
            Expected(
                "135/GP-UBND",
                "135/GP-UBND",
                "Giấy phép khai thác cát số 135/GP-UBND ngày 20/3/2015",
                "Giấy phép",
                "Giấy phép",
                date(2015, 3, 20),
            )
        ],
    ),
]


def _ids() -> list[str]:
    return [sentence[:40] for sentence, _ in CASES]


def _check(text: str, found: list[Citation], expected: list[Expected]) -> None:
    assert [c.symbol.canonical for c in found] == [e.canonical for e in expected]
    search_from = 0
    for citation, want in zip(found, expected, strict=True):
        start = text.index(want.mention, search_from)
        symbol_start = text.index(want.printed, start)
        assert (citation.start, citation.end) == (start, start + len(want.mention)), want.mention
        assert (citation.symbol_start, citation.symbol_end) == (
            symbol_start,
            symbol_start + len(want.printed),
        )
        assert citation.printed == want.printed
        assert citation.type_name == (want.type_name and " ".join(want.type_name.split()))
        assert citation.doc_type == want.doc_type
        assert citation.issued == want.issued
        assert citation.issuer_phrase == want.issuer_phrase
        search_from = citation.end


def test_there_are_at_least_forty_hand_written_sentences() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(("text", "expected"), CASES, ids=_ids())
def test_citations_are_found_with_their_spans_and_details(text: str, expected: list[Expected]) -> None:
    _check(text, find_citations(text), expected)


@pytest.mark.parametrize(
    "mention",
    [
        "Luật Dân số số 113/2025/QH15",  # "số" inside the name
        "Luật Tần số vô tuyến điện số 42/2009/QH12",
        "Luật bầu cử đại biểu Hội đồng nhân dân số 12/2003/QH11",  # "biểu" is no form here
        "Luật\nTài nguyên nước số 17/2012/QH13",
        "Luật Quản lý, sử dụng vốn nhà nước đầu tư vào sản xuất, kinh doanh tại doanh nghiệp số 69/2014/QH13",
    ],
)
def test_a_law_name_between_luat_and_so_belongs_to_the_mention(mention: str) -> None:
    text = f"Căn cứ {mention};"
    (citation,) = find_citations(text)
    assert (text[citation.start : citation.end], citation.type_name) == (mention, "Luật")


def test_the_rightmost_type_name_wins_in_an_amending_law() -> None:
    text = "Luật sửa đổi, bổ sung một số điều của Luật Đầu tư số 03/2022/QH15 có hiệu lực."
    (citation,) = find_citations(text)
    assert text[citation.start : citation.end] == "Luật Đầu tư số 03/2022/QH15"


def test_a_decision_may_be_named_before_so() -> None:
    text = "Công an huyện ra quyết định khởi tố vụ án số 133/QĐ-CSĐT về tội chống người thi hành công vụ."
    (citation,) = find_citations(text)
    assert text[citation.start : citation.end] == "quyết định khởi tố vụ án số 133/QĐ-CSĐT"
    assert citation.doc_type == "Quyết định"


def test_later_members_of_a_list_share_the_type_written_before_the_first() -> None:
    text = "Căn cứ Luật Ngân sách nhà nước số 89/2025/QH15, số 83/2015/QH13 và 12/CT-TTg;"
    first, second, third = find_citations(text)
    assert (first.type_name, first.doc_type) == ("Luật", "Luật")
    assert (second.type_name, second.doc_type) == (None, "Luật")  # a law symbol alone says nothing
    assert (third.type_name, third.doc_type) == (None, "Chỉ thị")  # its own code decides


@pytest.mark.parametrize(
    ("after", "issuer_phrase"),
    [
        ("của Sở Giáo dục và Đào tạo Hà Nội về việc tuyển sinh", "của Sở Giáo dục và Đào tạo Hà Nội"),
        ("của Cục Hàng hải Việt Nam không còn phù hợp", "của Cục Hàng hải Việt Nam"),
        ("của Bộ Giao thông vận tải hướng dẫn", "của Bộ Giao thông vận tải"),
        ("của Chủ tịch nước. Chủ tịch nước đã ký", "của Chủ tịch nước"),
        ("của Thống đốc NHNN. Cùng ngày", "của Thống đốc NHNN"),
        ("của Bộ GD&ĐT nêu rõ", "của Bộ GD&ĐT"),
        ("của Bộ Tài chính và Bộ Nội vụ quy định", "của Bộ Tài chính và Bộ Nội vụ"),
        ("của Ủy ban nhân dân thành phố Hồ Chí Minh phê duyệt", "của Ủy ban nhân dân thành phố Hồ Chí Minh"),
        ("của mình", None),
        ("của Nghị định số 12/2020/NĐ-CP", None),
    ],
)
def test_issuer_phrase_runs_to_the_end_of_the_body_name(after: str, issuer_phrase: str | None) -> None:
    citation = find_citations(f"Văn bản số 15/QĐ-UBND {after}")[0]
    assert citation.issuer_phrase == issuer_phrase


def test_party_document_in_state_order_carries_the_warning() -> None:
    (citation,) = find_citations("Tiếp tục thực hiện Nghị quyết số 29/NQ-TW của Bộ Chính trị.")
    assert citation.symbol.grammar is Grammar.PARTY
    assert citation.symbol.warnings == (WARNING_PARTY_IN_STATE_STYLE,)


def test_permit_code_is_reported_as_unknown_to_annex_three() -> None:
    (citation,) = find_citations("Giấy phép số 368/GP-UBND ngày 04/10/2016 cho phép nhận chìm vật liệu.")
    assert citation.symbol.warnings == (WARNING_UNKNOWN_TYPE_CODE.format(code="GP"),)


# --- Confusables: nothing here is a citation ------------------------------------------

CONFUSABLES = {
    "address": "Gia đình ông hiện ở số 160/16 đường Nguyễn Văn Cừ, quận 5.",
    "address with a letter": "Cửa hàng mở ở số 5/A2 đường Lê Lợi.",
    "house number": "Nhà số 12/KP3 đã được cấp sổ đỏ.",
    "score": "Đội chủ nhà thắng 2/1 ở lượt đi và hòa 3-3 ở lượt về.",
    "ratio": "Bản đồ tỷ lệ 1/500 được lập cho khu đô thị.",
    "form code": "Người nộp thuế kê khai theo Mẫu số 01/PLI ban hành kèm theo Nghị định này.",
    "form code lower case": "Cá nhân nộp tờ khai mẫu số 05/KK-TNCN cho cơ quan thuế.",
    "form code with hyphen": "Tờ khai đăng ký thuế mẫu số 20-ĐK-TCT phải nộp đúng hạn.",
    "tax return": "Doanh nghiệp nộp Tờ khai 01/TNDN trước ngày 30.",
    "statistics table": "Biểu số 701/BĐG dùng để báo cáo về bình đẳng giới.",
    "technical regulation": "Nước thải phải đạt QCVN 10-MT:2015/BTNMT trước khi xả ra biển.",
    "standards": "Mặt đường đạt TCVN 5729:2012 và TCCS 42:2022/TCĐBVN.",
    "iso": "Hệ thống quản lý được chứng nhận ISO 9001:2015 và ISO/IEC 27001:2013.",
    "inspection procedure": "Chai chứa khí được kiểm định theo QTKĐ: 06-2021/BLĐTBXH.",
    "article reference": "Trường hợp quy định tại điểm a khoản 2 Điều 5 thì áp dụng mức phạt thấp nhất.",
    "article and clause": "Xem khoản 3/Điều 12 và Điều 7-NĐ của dự thảo.",
    "date": "Ngày 12/5/2021, đoàn công tác đến Hà Nội; ngày 01-10-1997 là mốc khác.",
    "running header": "CÔNG BÁO/Số 289 + 290/Ngày 10-4-2022",
    "phone": "Điện thoại: 024/3823 4567, fax: 024.3823.4568, hotline 1900/1234.",
    "url": "Xem tại https://vanban.chinhphu.vn/van-ban/12/CT-TTg hoặc www.vbpl.vn/tra-cuu?q=09/2017/ND-CP.",
    "percent-encoded url": "Keyword=\n13/2018/TT-BL%C4%90TBXH",
    "licence plate": "Xe mang biển kiểm soát 29A-123.45 đã bị giữ.",
    "year range": "Kế hoạch giai đoạn 2021-2025 và tầm nhìn 2030/2045.",
    "invoice": "Khách hàng nhận hóa đơn số 0001234/HĐ kèm hàng.",
    "account": "Chuyển tiền vào tài khoản số 1234/VCB của đơn vị.",
    "advertising permit number": "Điện thoại: (0292) 3891433 GPQC: 2097/2020/XNQC-ATTP",
    "number without symbol": "Quy định 205 và Mẫu số 06 không có ký hiệu.",
    "law by name": "Luật Đất đai năm 2013 và Bộ luật Lao động ngày 20 tháng 11 năm 2019.",
    "type code alone": "Số 12/QĐ chưa có tên cơ quan ban hành.",
    "glued letters": "Mã hàng 12/ABCxyz không phải ký hiệu.",
}


@pytest.mark.parametrize("text", CONFUSABLES.values(), ids=CONFUSABLES.keys())
def test_confusables_are_not_citations(text: str) -> None:
    assert find_citations(text) == []


def test_article_reference_before_a_citation_is_not_part_of_it() -> None:
    text = "Theo điểm a khoản 1 Điều 2 Nghị định 09/2017/NĐ-CP, người phát ngôn phải được chỉ định."
    (citation,) = find_citations(text)
    assert text[citation.start : citation.end] == "Nghị định 09/2017/NĐ-CP"


def test_a_form_code_next_to_a_real_citation_is_left_out() -> None:
    text = "Mẫu số 01/PLI ban hành kèm theo Nghị định số 145/2020/NĐ-CP ngày 14/12/2020 của Chính phủ."
    (citation,) = find_citations(text)
    assert citation.symbol.canonical == "145/2020/NĐ-CP"


# --- Hostile input --------------------------------------------------------------------


def test_empty_text_has_no_citations() -> None:
    assert find_citations("") == []


@pytest.mark.parametrize(
    "text",
    [
        "1/" * 5_000,
        "/" * 10_000,
        "12345" * 2_000,
        "1-" * 5_000,
        "1/" + "A" * 10_000,
        "1/2020/" + "-A" * 5_000,
        "số " * 3_000 + "12/CT-TTg",
        "Nghị định " * 1_000,
        "của " * 2_500,
    ],
    ids=["digit-slash", "slashes", "digits", "digit-dash", "long group", "many groups", "so", "types", "cua"],
)
def test_ten_kilobytes_of_hostile_text_are_handled_quickly(text: str) -> None:
    started = time.perf_counter()
    found = find_citations(text)
    assert time.perf_counter() - started < 2.0
    for citation in found:
        assert citation.symbol.canonical == "12/CT-TTg"


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u2066"])
def test_invisible_characters_inside_a_symbol_are_ignored_and_spans_refer_to_the_input(
    invisible: str,
) -> None:
    text = f"Thực hiện Chỉ thị số 12/CT{invisible}-TTg ngày 12/5/2021 của Thủ tướng Chính phủ."
    (citation,) = find_citations(text)
    assert citation.symbol.canonical == "12/CT-TTg"
    assert citation.printed == f"12/CT{invisible}-TTg" == text[citation.symbol_start : citation.symbol_end]
    assert text[citation.start : citation.end] == (
        f"Chỉ thị số 12/CT{invisible}-TTg ngày 12/5/2021 của Thủ tướng Chính phủ"
    )


def test_decomposed_text_is_found_with_spans_on_the_decomposed_input() -> None:
    composed = "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư."
    text = unicodedata.normalize("NFD", composed)
    assert text != composed
    (citation,) = find_citations(text)
    mention = "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ"
    assert unicodedata.normalize("NFC", text[citation.start : citation.end]) == mention
    assert citation.type_name == "Nghị định"
    assert citation.issuer_phrase == "của Chính phủ"
    assert citation.issued == date(2020, 3, 5)


def test_invisible_characters_and_decomposition_together() -> None:
    text = unicodedata.normalize("NFD", "Nghị \u200bđịnh số 09/2017/NĐ\u200b-CP của Chính phủ")
    (citation,) = find_citations(text)
    assert citation.symbol.canonical == "09/2017/NĐ-CP"
    assert citation.start == 0
    assert citation.end == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nghị định số 40/2026/NĐ-СР quy định về thủy lợi.",  # Cyrillic С and Р, as seen in a gazette
        "Chỉ thị số 12/СT-TTg được ban hành.",  # Cyrillic С at the start of the type code
        "Chỉ thị số 12/CT-TТg được ban hành.",  # Cyrillic Т inside the issuer
        "Thông tư số 06/2022/TT-BТС được ban hành.",  # Cyrillic Т and С
        "Nghị định số 42/2022/ΝĐ-CP được ban hành.",  # Greek capital nu
        "Chỉ thị số １２/CT-TTg được ban hành.",  # fullwidth digits
    ],
)
def test_homoglyphs_inside_a_symbol_give_no_match(text: str) -> None:
    assert find_citations(text) == []


# --- Properties -----------------------------------------------------------------------

HOSTILE_ALPHABET = st.sampled_from(
    [
        *"0123456789/-–— \n.,:;()NĐCPTTgQHqyđuBVabcếố&%=",
        *["\u200b", "\u202e", "\u0301", "\u0323", "С", "Ð"],  # invisible, combining, look-alikes
        *["ngày ", "số ", "của ", "Nghị định ", "tháng ", "năm "],
    ]
)


def _assert_well_formed(text: str, found: list[Citation]) -> None:
    previous_end = 0
    for citation in found:
        assert previous_end <= citation.start <= citation.symbol_start < citation.symbol_end
        assert citation.symbol_end <= citation.end <= len(text)
        assert citation.printed == text[citation.symbol_start : citation.symbol_end]
        assert parse_symbol(citation.symbol.canonical).canonical == citation.symbol.canonical
        previous_end = citation.end


@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes_and_spans_are_in_bounds_and_ordered(text: str) -> None:
    _assert_well_formed(text, find_citations(text))


@given(st.lists(HOSTILE_ALPHABET, max_size=120).map("".join))
def test_symbol_like_noise_never_crashes_and_spans_are_in_bounds_and_ordered(text: str) -> None:
    _assert_well_formed(text, find_citations(text))


@given(
    st.sampled_from(["09/2017/NĐ-CP", "12/CT-TTg", "02-NQ/TW", "104/2016/QH13", "2761/BNV-TC"]),
    st.text(alphabet=st.characters(categories=["Ll", "Lu", "Zs"]), max_size=30),
    st.text(alphabet=st.characters(categories=["Ll", "Zs"]), max_size=30),
)
def test_a_symbol_after_so_is_found_whatever_words_surround_it(symbol: str, before: str, after: str) -> None:
    text = f"{before} văn bản số {symbol} {after}"
    found = find_citations(text)
    assert [c.symbol.canonical for c in found] == [symbol]
    _assert_well_formed(text, found)
