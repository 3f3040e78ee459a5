"""Demo registry entries: real documents a Ministry of Home Affairs portal cites, with real relations.

Facts only: number and symbol, type, issuer, dates and the official title (trích yếu). A date or a
validity status we could not confirm is left empty ("Chưa xác định") rather than guessed; the demo
is a snapshot, so an editor should check statuses against vbpl.vn before relying on them.
Among them are the six documents the reference article cites, so its citations link to entries.
Two titles are descriptions taken from the citing sources, not copied from the documents:
52-QĐ/TW (what the decision chose) and 08-HD/BTGTW (what the guidance is about, per the demo
article); 08-HD/BTGTW is known only by its year, 2021.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from congtin.documents import services
from congtin.documents.choices import DocumentStatus as S
from congtin.documents.choices import DocumentType as T
from congtin.documents.choices import RelationKind as R
from congtin.documents.models import OfficialDocument, Organisation
from congtin.documents.queries import documents_by_symbol


@dataclass(frozen=True)
class DemoDocument:
    doc_type: str
    symbol: str
    issuer: str  # abbreviation in congtin.documents.issuers
    summary: str
    issued_on: dt.date | None = None
    effective_on: dt.date | None = None
    status: str = S.UNKNOWN
    fields: tuple[str, ...] = ()
    signer: str = ""
    signer_position: str = ""
    year: int | None = None


D = dt.date
INFO = "Thông tin, báo chí"
STAFF = "Cán bộ, công chức, viên chức"
ORG = "Tổ chức bộ máy"
CLERICAL = "Văn thư, lưu trữ"
REFORM = "Cải cách hành chính"
DATA = "Dữ liệu cá nhân"
PARTY = "Xây dựng Đảng"
LOCAL = "Chính quyền địa phương"
ACCESS = "Tiếp cận thông tin"

DOCUMENTS: tuple[DemoDocument, ...] = (
    # The documents the reference article cites.
    DemoDocument(
        T.CHI_THI,
        "12/CT-TTg",
        "TTg",
        "Về tăng cường công tác tuyên truyền, định hướng hoạt động truyền thông, báo chí phục vụ nhiệm vụ "
        "bảo vệ Tổ quốc; kịp thời chấn chỉnh và xử lý các vi phạm trong hoạt động báo chí, truyền thông",
        D(2021, 5, 12),
        fields=(INFO,),
        signer="Phạm Minh Chính",
        signer_position="Thủ tướng",
    ),
    DemoDocument(
        T.CONG_VAN,
        "2761/BNV-TC",
        "BNV",
        "Về việc thực hiện Chỉ thị số 12/CT-TTg ngày 12/5/2021 của Thủ tướng Chính phủ",
        D(2021, 6, 9),
        fields=(INFO,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "09/2017/NĐ-CP",
        "CP",
        "Quy định chi tiết việc phát ngôn và cung cấp thông tin cho báo chí của các cơ quan hành chính nhà nước",
        D(2017, 2, 9),
        D(2017, 3, 30),
        fields=(INFO,),
        signer="Nguyễn Xuân Phúc",
        signer_position="TM. Chính phủ, Thủ tướng",
    ),
    DemoDocument(
        T.QUYET_DINH,
        "52-QĐ/TW",
        "TW-BBT",
        "Về việc lấy ngày 21 tháng 6 hằng năm làm Ngày Báo chí Việt Nam",
        D(1985, 2, 5),
        fields=(INFO, PARTY),
    ),
    DemoDocument(
        T.HUONG_DAN,
        "08-HD/BTGTW",
        "BTGTW",
        "Hướng dẫn tuyên truyền kỷ niệm 110 năm Ngày sinh Đại tướng Võ Nguyên Giáp (25/8/1911 - 25/8/2021)",
        year=2021,
        fields=(INFO, PARTY),
    ),
    DemoDocument(
        T.NGHI_QUYET,
        "02-NQ/TW",
        "TW-BCT",
        "Về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới",
        D(2021, 6, 12),
        fields=(PARTY, ORG),
        signer="Nguyễn Phú Trọng",
        signer_position="T/M Bộ Chính trị, Tổng Bí thư",
    ),
    # Access to information, the press, portals.
    DemoDocument(
        T.LUAT,
        "104/2016/QH13",
        "QH",
        "Luật Tiếp cận thông tin",
        D(2016, 4, 6),
        D(2018, 7, 1),
        S.IN_FORCE,
        fields=(ACCESS,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "13/2018/NĐ-CP",
        "CP",
        "Quy định chi tiết và biện pháp thi hành Luật Tiếp cận thông tin",
        D(2018, 1, 23),
        D(2018, 7, 1),
        S.IN_FORCE,
        fields=(ACCESS,),
    ),
    DemoDocument(T.LUAT, "103/2016/QH13", "QH", "Luật Báo chí", D(2016, 4, 5), D(2017, 1, 1), fields=(INFO,)),
    DemoDocument(
        T.NGHI_DINH,
        "42/2022/NĐ-CP",
        "CP",
        "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi "
        "trường mạng",
        D(2022, 6, 24),
        status=S.IN_FORCE,
        fields=(INFO, REFORM),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "43/2011/NĐ-CP",
        "CP",
        "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông tin điện tử hoặc "
        "cổng thông tin điện tử của cơ quan nhà nước",
        D(2011, 6, 13),
        status=S.EXPIRED,
        fields=(INFO, REFORM),
    ),
    DemoDocument(
        T.THONG_TU,
        "26/2020/TT-BTTTT",
        "BTTTT",
        "Quy định việc áp dụng tiêu chuẩn, công nghệ hỗ trợ người khuyết tật tiếp cận, sử dụng sản phẩm, "
        "dịch vụ thông tin và truyền thông",
        D(2020, 9, 23),
        D(2021, 1, 1),
        fields=(INFO,),
    ),
    # Clerical work and document format.
    DemoDocument(
        T.NGHI_DINH,
        "30/2020/NĐ-CP",
        "CP",
        "Về công tác văn thư",
        D(2020, 3, 5),
        status=S.IN_FORCE,
        fields=(CLERICAL,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "110/2004/NĐ-CP",
        "CP",
        "Về công tác văn thư",
        D(2004, 4, 8),
        status=S.EXPIRED,
        fields=(CLERICAL,),
    ),
    DemoDocument(
        T.THONG_TU_LIEN_TICH,
        "55/2005/TTLT-BNV-VPCP",
        "BNV",
        "Hướng dẫn về thể thức và kỹ thuật trình bày văn bản",
        D(2005, 5, 6),
        status=S.EXPIRED,
        fields=(CLERICAL,),
    ),
    DemoDocument(
        T.THONG_TU,
        "01/2011/TT-BNV",
        "BNV",
        "Hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính",
        D(2011, 1, 19),
        status=S.EXPIRED,
        fields=(CLERICAL,),
    ),
    # Civil servants and public employees.
    DemoDocument(
        T.LUAT,
        "22/2008/QH12",
        "QH",
        "Luật Cán bộ, công chức",
        D(2008, 11, 13),
        D(2010, 1, 1),
        fields=(STAFF,),
    ),
    DemoDocument(
        T.LUAT, "58/2010/QH12", "QH", "Luật Viên chức", D(2010, 11, 15), D(2012, 1, 1), fields=(STAFF,)
    ),
    DemoDocument(
        T.LUAT,
        "52/2019/QH14",
        "QH",
        "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức",
        D(2019, 11, 25),
        D(2020, 7, 1),
        fields=(STAFF,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "138/2020/NĐ-CP",
        "CP",
        "Quy định về tuyển dụng, sử dụng và quản lý công chức",
        D(2020, 11, 27),
        fields=(STAFF,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "24/2010/NĐ-CP",
        "CP",
        "Quy định về tuyển dụng, sử dụng và quản lý công chức",
        D(2010, 3, 15),
        status=S.EXPIRED,
        fields=(STAFF,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "115/2020/NĐ-CP",
        "CP",
        "Quy định về tuyển dụng, sử dụng và quản lý viên chức",
        D(2020, 9, 25),
        fields=(STAFF,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "29/2012/NĐ-CP",
        "CP",
        "Về tuyển dụng, sử dụng và quản lý viên chức",
        D(2012, 4, 12),
        status=S.EXPIRED,
        fields=(STAFF,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "90/2020/NĐ-CP",
        "CP",
        "Về đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức",
        D(2020, 8, 13),
        fields=(STAFF,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "62/2020/NĐ-CP",
        "CP",
        "Về vị trí việc làm và biên chế công chức",
        D(2020, 6, 1),
        fields=(STAFF, ORG),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "106/2020/NĐ-CP",
        "CP",
        "Về vị trí việc làm và số lượng người làm việc trong đơn vị sự nghiệp công lập",
        D(2020, 9, 10),
        fields=(STAFF, ORG),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "101/2017/NĐ-CP",
        "CP",
        "Về đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
        D(2017, 9, 1),
        fields=(STAFF,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "135/2020/NĐ-CP",
        "CP",
        "Quy định về tuổi nghỉ hưu",
        D(2020, 11, 18),
        D(2021, 1, 1),
        fields=(STAFF,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "34/2019/NĐ-CP",
        "CP",
        "Sửa đổi, bổ sung một số quy định về cán bộ, công chức cấp xã và người hoạt động không chuyên trách "
        "ở cấp xã, ở thôn, tổ dân phố",
        D(2019, 4, 24),
        fields=(STAFF, LOCAL),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "108/2014/NĐ-CP",
        "CP",
        "Về chính sách tinh giản biên chế",
        D(2014, 11, 20),
        fields=(STAFF, ORG),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "113/2018/NĐ-CP",
        "CP",
        "Sửa đổi, bổ sung một số điều của Nghị định số 108/2014/NĐ-CP ngày 20 tháng 11 năm 2014 của Chính "
        "phủ về chính sách tinh giản biên chế",
        D(2018, 8, 31),
        fields=(STAFF, ORG),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "143/2020/NĐ-CP",
        "CP",
        "Sửa đổi, bổ sung một số điều của Nghị định số 108/2014/NĐ-CP ngày 20 tháng 11 năm 2014 của Chính "
        "phủ về chính sách tinh giản biên chế và Nghị định số 113/2018/NĐ-CP ngày 31 tháng 8 năm 2018 của "
        "Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 108/2014/NĐ-CP ngày 20 tháng 11 năm 2014 "
        "về chính sách tinh giản biên chế",
        D(2020, 12, 10),
        fields=(STAFF, ORG),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "140/2017/NĐ-CP",
        "CP",
        "Về chính sách thu hút, tạo nguồn cán bộ từ sinh viên tốt nghiệp xuất sắc, cán bộ khoa học trẻ",
        D(2017, 12, 5),
        fields=(STAFF,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "91/2017/NĐ-CP",
        "CP",
        "Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        D(2017, 7, 31),
        fields=(STAFF,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "16/2015/NĐ-CP",
        "CP",
        "Quy định cơ chế tự chủ của đơn vị sự nghiệp công lập",
        D(2015, 2, 14),
        fields=(ORG,),
    ),
    DemoDocument(
        T.QUYET_DINH,
        "1847/QĐ-TTg",
        "TTg",
        "Phê duyệt Đề án Văn hóa công vụ",
        D(2018, 12, 27),
        fields=(STAFF, REFORM),
    ),
    DemoDocument(
        T.THONG_TU,
        "02/2021/TT-BNV",
        "BNV",
        "Quy định mã số, tiêu chuẩn chuyên môn, nghiệp vụ và xếp lương đối với các ngạch công chức chuyên "
        "ngành hành chính và công chức chuyên ngành văn thư",
        fields=(STAFF, CLERICAL),
    ),
    # Organisation of the state and administrative reform.
    DemoDocument(
        T.NGHI_DINH,
        "25/2025/NĐ-CP",
        "CP",
        "Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ",
        D(2025, 2, 21),
        fields=(ORG,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "45/2020/NĐ-CP",
        "CP",
        "Về thực hiện thủ tục hành chính trên môi trường điện tử",
        D(2020, 4, 8),
        fields=(REFORM,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "61/2018/NĐ-CP",
        "CP",
        "Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
        D(2018, 4, 23),
        fields=(REFORM,),
    ),
    DemoDocument(
        T.QUYET_DINH,
        "749/QĐ-TTg",
        "TTg",
        "Phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
        D(2020, 6, 3),
        fields=(REFORM,),
    ),
    DemoDocument(
        T.NGHI_QUYET,
        "97/2019/QH14",
        "QH",
        "Về thí điểm tổ chức mô hình chính quyền đô thị tại thành phố Hà Nội",
        D(2019, 11, 27),
        fields=(LOCAL,),
    ),
    DemoDocument(
        T.NGHI_QUYET,
        "119/2020/QH14",
        "QH",
        "Về thí điểm tổ chức mô hình chính quyền đô thị và một số cơ chế, chính sách đặc thù phát triển "
        "thành phố Đà Nẵng",
        D(2020, 6, 19),
        fields=(LOCAL,),
    ),
    DemoDocument(
        T.NGHI_QUYET,
        "131/2020/QH14",
        "QH",
        "Về tổ chức chính quyền đô thị tại Thành phố Hồ Chí Minh",
        D(2020, 11, 16),
        fields=(LOCAL,),
    ),
    DemoDocument(
        T.NGHI_QUYET,
        "653/2019/UBTVQH14",
        "UBTVQH",
        "Về việc sắp xếp các đơn vị hành chính cấp huyện và cấp xã trong giai đoạn 2019 - 2021",
        D(2019, 3, 12),
        fields=(LOCAL,),
    ),
    DemoDocument(
        T.PHAP_LENH,
        "34/2007/PL-UBTVQH11",
        "UBTVQH",
        "Pháp lệnh Thực hiện dân chủ ở xã, phường, thị trấn",
        D(2007, 4, 20),
        fields=(LOCAL,),
    ),
    # Personal data.
    DemoDocument(
        T.NGHI_DINH,
        "13/2023/NĐ-CP",
        "CP",
        "Về bảo vệ dữ liệu cá nhân",
        D(2023, 4, 17),
        D(2023, 7, 1),
        fields=(DATA,),
    ),
    DemoDocument(
        T.LUAT,
        "91/2025/QH15",
        "QH",
        "Luật Bảo vệ dữ liệu cá nhân",
        D(2025, 6, 26),
        D(2026, 1, 1),
        S.IN_FORCE,
        fields=(DATA,),
    ),
    DemoDocument(
        T.NGHI_DINH,
        "356/2025/NĐ-CP",
        "CP",
        "Quy định chi tiết một số điều và biện pháp thi hành Luật Bảo vệ dữ liệu cá nhân",
        D(2025, 12, 31),
        fields=(DATA,),
    ),
    # Party resolutions and rules the demo articles cite.
    DemoDocument(
        T.NGHI_QUYET,
        "18-NQ/TW",
        "TW",
        "Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt "
        "động hiệu lực, hiệu quả",
        D(2017, 10, 25),
        fields=(PARTY, ORG),
    ),
    DemoDocument(
        T.NGHI_QUYET,
        "19-NQ/TW",
        "TW",
        "Về tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các "
        "đơn vị sự nghiệp công lập",
        D(2017, 10, 25),
        fields=(PARTY, ORG),
    ),
    DemoDocument(
        T.NGHI_QUYET,
        "26-NQ/TW",
        "TW",
        "Về tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược, đủ phẩm chất, năng lực và uy "
        "tín, ngang tầm nhiệm vụ",
        D(2018, 5, 19),
        fields=(PARTY, STAFF),
    ),
    DemoDocument(
        T.NGHI_QUYET,
        "27-NQ/TW",
        "TW",
        "Về cải cách chính sách tiền lương đối với cán bộ, công chức, viên chức, lực lượng vũ trang và người "
        "lao động trong doanh nghiệp",
        D(2018, 5, 21),
        fields=(PARTY, STAFF),
    ),
    DemoDocument(
        T.NGHI_QUYET,
        "37-NQ/TW",
        "TW-BCT",
        "Về việc sắp xếp các đơn vị hành chính cấp huyện và cấp xã",
        D(2018, 12, 24),
        fields=(PARTY, LOCAL),
    ),
    DemoDocument(
        T.QUY_DINH,
        "205-QĐ/TW",
        "TW-BCT",
        "Về việc kiểm soát quyền lực trong công tác cán bộ và chống chạy chức, chạy quyền",
        D(2019, 9, 23),
        fields=(PARTY, STAFF),
    ),
)

# (source, kind, target): source <kind> target.
RELATIONS: tuple[tuple[str, str, str], ...] = (
    ("2761/BNV-TC", R.BASED_ON, "12/CT-TTg"),
    ("13/2018/NĐ-CP", R.DETAILS, "104/2016/QH13"),
    ("09/2017/NĐ-CP", R.BASED_ON, "103/2016/QH13"),
    ("42/2022/NĐ-CP", R.REPLACES, "43/2011/NĐ-CP"),
    ("30/2020/NĐ-CP", R.REPLACES, "110/2004/NĐ-CP"),
    ("01/2011/TT-BNV", R.REPLACES, "55/2005/TTLT-BNV-VPCP"),
    ("138/2020/NĐ-CP", R.REPLACES, "24/2010/NĐ-CP"),
    ("115/2020/NĐ-CP", R.REPLACES, "29/2012/NĐ-CP"),
    ("52/2019/QH14", R.AMENDS, "22/2008/QH12"),
    ("52/2019/QH14", R.AMENDS, "58/2010/QH12"),
    ("138/2020/NĐ-CP", R.BASED_ON, "22/2008/QH12"),
    ("115/2020/NĐ-CP", R.BASED_ON, "58/2010/QH12"),
    ("90/2020/NĐ-CP", R.BASED_ON, "22/2008/QH12"),
    ("90/2020/NĐ-CP", R.BASED_ON, "58/2010/QH12"),
    ("101/2017/NĐ-CP", R.BASED_ON, "22/2008/QH12"),
    ("62/2020/NĐ-CP", R.BASED_ON, "22/2008/QH12"),
    ("106/2020/NĐ-CP", R.BASED_ON, "58/2010/QH12"),
    ("356/2025/NĐ-CP", R.DETAILS, "91/2025/QH15"),
    ("113/2018/NĐ-CP", R.AMENDS, "108/2014/NĐ-CP"),
    ("143/2020/NĐ-CP", R.AMENDS, "108/2014/NĐ-CP"),
    ("143/2020/NĐ-CP", R.AMENDS, "113/2018/NĐ-CP"),
)


def _document(spec: DemoDocument, bodies: dict[str, Organisation]) -> OfficialDocument:
    issuer = bodies[spec.issuer]
    existing = documents_by_symbol(
        spec.symbol, queryset=OfficialDocument.objects.filter(issuer=issuer)
    ).first()
    if existing is not None:
        return existing
    return services.document_create(
        doc_type=spec.doc_type,
        printed_symbol=spec.symbol,
        issuer=issuer,
        issued_on=spec.issued_on,
        year=spec.year,
        effective_on=spec.effective_on,
        status=spec.status,
        summary=spec.summary,
        signer=spec.signer,
        signer_position=spec.signer_position,
        fields=[services.field_ensure(name=name) for name in spec.fields],
        co_issuers=[bodies[code] for code in ("VPCP",) if spec.symbol.endswith(f"-{code}")],
        is_published=True,
    )


@transaction.atomic
def demo_documents_load() -> int:
    """Create the demo registry and its relations; idempotent. Returns how many entries it holds."""
    services.documents_permissions_setup()
    codes = {spec.issuer for spec in DOCUMENTS} | {"VPCP"}
    bodies = {code: services.organisation_ensure_known(abbreviation=code) for code in sorted(codes)}
    missing = [code for code, body in bodies.items() if body is None]
    if missing:
        raise LookupError(f"demo issuers missing from the table: {missing}")
    documents = {spec.symbol: _document(spec, bodies) for spec in DOCUMENTS}  # type: ignore[arg-type]
    for source, kind, target in RELATIONS:
        services.document_relate(source=documents[source], target=documents[target], kind=kind)
    return len(documents)
