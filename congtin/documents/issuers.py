"""Central issuing bodies, keyed by the code they print in document symbols.

Facts only: each body's official name and, after the 2025 reorganisation (Nghị quyết 176/2025/QH15 on
the Government's structure; the Politburo's decisions on the Party's central boards), the body that
took its functions over. The importer uses the table to name a body it meets for the first time and
the demo loader to build its organisations; neither invents a name it cannot find here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KnownIssuer:
    abbreviation: str
    name: str
    name_en: str = ""
    kind: str = "state"
    symbol_code: str = ""
    successor: str = ""


KNOWN_ISSUERS: tuple[KnownIssuer, ...] = (
    KnownIssuer("QH", "Quốc hội", "National Assembly"),
    KnownIssuer("UBTVQH", "Ủy ban Thường vụ Quốc hội", "Standing Committee of the National Assembly"),
    KnownIssuer("CTN", "Chủ tịch nước", "President of the State"),
    KnownIssuer("CP", "Chính phủ", "Government"),
    KnownIssuer("TTg", "Thủ tướng Chính phủ", "Prime Minister"),
    KnownIssuer("VPCP", "Văn phòng Chính phủ", "Government Office"),
    KnownIssuer("BNV", "Bộ Nội vụ", "Ministry of Home Affairs"),
    KnownIssuer("BTC", "Bộ Tài chính", "Ministry of Finance"),
    KnownIssuer("BTP", "Bộ Tư pháp", "Ministry of Justice"),
    KnownIssuer("BCA", "Bộ Công an", "Ministry of Public Security"),
    KnownIssuer("BQP", "Bộ Quốc phòng", "Ministry of National Defence"),
    KnownIssuer("BNG", "Bộ Ngoại giao", "Ministry of Foreign Affairs"),
    KnownIssuer("BYT", "Bộ Y tế", "Ministry of Health"),
    KnownIssuer("BGDĐT", "Bộ Giáo dục và Đào tạo", "Ministry of Education and Training"),
    KnownIssuer("BCT", "Bộ Công Thương", "Ministry of Industry and Trade"),
    KnownIssuer("BXD", "Bộ Xây dựng", "Ministry of Construction"),
    KnownIssuer("BKHCN", "Bộ Khoa học và Công nghệ", "Ministry of Science and Technology"),
    KnownIssuer("BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", "Ministry of Culture, Sports and Tourism"),
    KnownIssuer("BNNMT", "Bộ Nông nghiệp và Môi trường", "Ministry of Agriculture and Environment"),
    KnownIssuer("BDTTG", "Bộ Dân tộc và Tôn giáo", "Ministry of Ethnic Minorities and Religions"),
    KnownIssuer(
        "BLĐTBXH",
        "Bộ Lao động - Thương binh và Xã hội",
        "Ministry of Labour, Invalids and Social Affairs",
        successor="BNV",
    ),
    KnownIssuer(
        "BTTTT",
        "Bộ Thông tin và Truyền thông",
        "Ministry of Information and Communications",
        successor="BKHCN",
    ),
    KnownIssuer("BKHĐT", "Bộ Kế hoạch và Đầu tư", "Ministry of Planning and Investment", successor="BTC"),
    KnownIssuer("BGTVT", "Bộ Giao thông vận tải", "Ministry of Transport", successor="BXD"),
    KnownIssuer(
        "BTNMT",
        "Bộ Tài nguyên và Môi trường",
        "Ministry of Natural Resources and Environment",
        successor="BNNMT",
    ),
    KnownIssuer(
        "BNNPTNT",
        "Bộ Nông nghiệp và Phát triển nông thôn",
        "Ministry of Agriculture and Rural Development",
        successor="BNNMT",
    ),
    KnownIssuer("UBDT", "Ủy ban Dân tộc", "Committee for Ethnic Minority Affairs", successor="BDTTG"),
    KnownIssuer("NHNN", "Ngân hàng Nhà nước Việt Nam", "State Bank of Vietnam"),
    KnownIssuer("TTCP", "Thanh tra Chính phủ", "Government Inspectorate"),
    KnownIssuer("KTNN", "Kiểm toán nhà nước", "State Audit Office"),
    KnownIssuer("TANDTC", "Tòa án nhân dân tối cao", "Supreme People's Court"),
    KnownIssuer("VKSNDTC", "Viện kiểm sát nhân dân tối cao", "Supreme People's Procuracy"),
    # The Party's central bodies all print "TW"; their own abbreviations here only keep them apart.
    KnownIssuer("TW", "Ban Chấp hành Trung ương Đảng", "Party Central Committee", kind="party"),
    KnownIssuer("TW-BCT", "Bộ Chính trị", "Politburo", kind="party", symbol_code="TW"),
    KnownIssuer(
        "TW-BBT", "Ban Bí thư", "Secretariat of the Party Central Committee", kind="party", symbol_code="TW"
    ),
    KnownIssuer("VPTW", "Văn phòng Trung ương Đảng", "Office of the Party Central Committee", kind="party"),
    KnownIssuer("BTCTW", "Ban Tổ chức Trung ương", "Central Organisation Commission", kind="party"),
    KnownIssuer("UBKTTW", "Ủy ban Kiểm tra Trung ương", "Central Inspection Commission", kind="party"),
    KnownIssuer(
        "BTGDVTW",
        "Ban Tuyên giáo và Dân vận Trung ương",
        "Central Propaganda and Mass Mobilisation Commission",
        kind="party",
    ),
    KnownIssuer(
        "BTGTW",
        "Ban Tuyên giáo Trung ương",
        "Central Propaganda Department",
        kind="party",
        successor="BTGDVTW",
    ),
    KnownIssuer(
        "BDVTW",
        "Ban Dân vận Trung ương",
        "Central Mass Mobilisation Commission",
        kind="party",
        successor="BTGDVTW",
    ),
)

KNOWN_BY_ABBREVIATION: dict[str, KnownIssuer] = {issuer.abbreviation: issuer for issuer in KNOWN_ISSUERS}

# Codes that say "a people's committee" without saying which: a document cannot be filed under them.
# The same goes for a provincial or district Party committee ("TU", "HU").
GENERIC_CODES = frozenset(
    {"UBND", "HĐND", "UBMTTQ", "STC", "SNV", "SGDĐT", "SYT", "TU", "HU", "QU", "ĐU", "BTVTU", "BTVHU"}
)
