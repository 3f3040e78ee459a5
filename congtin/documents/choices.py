"""The registry's controlled vocabularies: document types, validity statuses and relation kinds.

Types follow Decree 30/2020/NĐ-CP (Phụ lục III) for administrative documents, the Law on
Promulgation of Legal Documents for normative ones and Quy định 66-QĐ/TW for Party documents.
Statuses and relation kinds copy vbpl.vn, the national legal database, so an entry here reads like
the same entry there.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OrganisationKind(models.TextChoices):
    STATE = "state", _("Cơ quan nhà nước")
    PARTY = "party", _("Cơ quan của Đảng")


class DocumentType(models.TextChoices):
    HIEN_PHAP = "hien_phap", _("Hiến pháp")
    BO_LUAT = "bo_luat", _("Bộ luật")
    LUAT = "luat", _("Luật")
    PHAP_LENH = "phap_lenh", _("Pháp lệnh")
    LENH = "lenh", _("Lệnh")
    NGHI_QUYET = "nghi_quyet", _("Nghị quyết")
    NGHI_QUYET_LIEN_TICH = "nghi_quyet_lien_tich", _("Nghị quyết liên tịch")
    NGHI_DINH = "nghi_dinh", _("Nghị định")
    QUYET_DINH = "quyet_dinh", _("Quyết định")
    QUY_DINH = "quy_dinh", _("Quy định")
    THONG_TU = "thong_tu", _("Thông tư")
    THONG_TU_LIEN_TICH = "thong_tu_lien_tich", _("Thông tư liên tịch")
    CHI_THI = "chi_thi", _("Chỉ thị")
    THONG_TRI = "thong_tri", _("Thông tri")
    KET_LUAN = "ket_luan", _("Kết luận")
    HUONG_DAN = "huong_dan", _("Hướng dẫn")
    QUY_CHE = "quy_che", _("Quy chế")
    CHUONG_TRINH = "chuong_trinh", _("Chương trình")
    KE_HOACH = "ke_hoach", _("Kế hoạch")
    DE_AN = "de_an", _("Đề án")
    THONG_BAO = "thong_bao", _("Thông báo")
    THONG_CAO = "thong_cao", _("Thông cáo")
    BAO_CAO = "bao_cao", _("Báo cáo")
    TO_TRINH = "to_trinh", _("Tờ trình")
    CONG_DIEN = "cong_dien", _("Công điện")
    CONG_VAN = "cong_van", _("Công văn")
    VAN_BAN_HOP_NHAT = "van_ban_hop_nhat", _("Văn bản hợp nhất")
    KHAC = "khac", _("Văn bản khác")


T = DocumentType

# Which types a type code in a state symbol allows (Phụ lục III of Decree 30/2020 and VBQPPL
# practice), keyed by the upper-cased code ("QyĐ" → "QYĐ"). A code missing here decides nothing.
TYPES_FOR_CODE: dict[str, tuple[DocumentType, ...]] = {
    "NĐ": (T.NGHI_DINH,),
    "NQ": (T.NGHI_QUYET,),
    "NQLT": (T.NGHI_QUYET_LIEN_TICH,),
    "QĐ": (T.QUYET_DINH,),
    "QYĐ": (T.QUY_DINH,),
    "TT": (T.THONG_TU,),
    "TTLT": (T.THONG_TU_LIEN_TICH,),
    "CT": (T.CHI_THI,),
    "KL": (T.KET_LUAN,),
    "HD": (T.HUONG_DAN,),
    "QC": (T.QUY_CHE,),
    "CTR": (T.CHUONG_TRINH,),
    "KH": (T.KE_HOACH,),
    "ĐA": (T.DE_AN,),
    "TB": (T.THONG_BAO,),
    "TC": (T.THONG_CAO,),
    "BC": (T.BAO_CAO,),
    "TTR": (T.TO_TRINH,),
    "CĐ": (T.CONG_DIEN,),
    "VBHN": (T.VAN_BAN_HOP_NHAT,),
    "PL": (T.PHAP_LENH,),
    "L": (T.LENH,),
    "CV": (T.CONG_VAN,),
}
# Party codes that differ from the state ones: "TT" is a Thông tri, "QĐ" a Quyết định or a Quy định.
PARTY_TYPES_FOR_CODE: dict[str, tuple[DocumentType, ...]] = {
    **TYPES_FOR_CODE,
    "TT": (T.THONG_TRI,),
    "QĐ": (T.QUYET_DINH, T.QUY_DINH),
}
# The National Assembly prints no type code ("104/2016/QH13"): law or resolution comes from the text.
TYPES_FOR_ASSEMBLY: tuple[DocumentType, ...] = (T.LUAT, T.NGHI_QUYET, T.BO_LUAT, T.HIEN_PHAP)
TYPES_FOR_STANDING_COMMITTEE: tuple[DocumentType, ...] = (T.NGHI_QUYET, T.PHAP_LENH)

# The words a citation or a spreadsheet uses for a type, folded (no marks, lower case), and the type.
TYPE_WORDS: dict[str, DocumentType] = {
    "hien phap": T.HIEN_PHAP,
    "bo luat": T.BO_LUAT,
    "luat": T.LUAT,
    "phap lenh": T.PHAP_LENH,
    "lenh": T.LENH,
    "nghi quyet": T.NGHI_QUYET,
    "nghi quyet lien tich": T.NGHI_QUYET_LIEN_TICH,
    "nghi dinh": T.NGHI_DINH,
    "quyet dinh": T.QUYET_DINH,
    "quy dinh": T.QUY_DINH,
    "thong tu": T.THONG_TU,
    "thong tu lien tich": T.THONG_TU_LIEN_TICH,
    "chi thi": T.CHI_THI,
    "thong tri": T.THONG_TRI,
    "ket luan": T.KET_LUAN,
    "huong dan": T.HUONG_DAN,
    "quy che": T.QUY_CHE,
    "chuong trinh": T.CHUONG_TRINH,
    "ke hoach": T.KE_HOACH,
    "de an": T.DE_AN,
    "thong bao": T.THONG_BAO,
    "thong cao": T.THONG_CAO,
    "bao cao": T.BAO_CAO,
    "to trinh": T.TO_TRINH,
    "cong dien": T.CONG_DIEN,
    "cong van": T.CONG_VAN,
    "van ban hop nhat": T.VAN_BAN_HOP_NHAT,
    "vbhn": T.VAN_BAN_HOP_NHAT,
    "khac": T.KHAC,
}


class DocumentStatus(models.TextChoices):
    """Validity (tình trạng hiệu lực), in vbpl.vn's words."""

    IN_FORCE = "con_hieu_luc", _("Còn hiệu lực")
    PARTLY_EXPIRED = "het_hieu_luc_mot_phan", _("Hết hiệu lực một phần")
    EXPIRED = "het_hieu_luc", _("Hết hiệu lực")
    NOT_YET_IN_FORCE = "chua_co_hieu_luc", _("Chưa có hiệu lực")
    # Imported and older entries whose status nobody has checked yet; shown as such, never guessed.
    UNKNOWN = "chua_xac_dinh", _("Chưa xác định")


class RelationKind(models.TextChoices):
    """How the source document acts on the target (vbpl.vn's 13 relation pairs)."""

    GUIDES = "huong_dan", _("hướng dẫn áp dụng")
    DETAILS = "quy_dinh_chi_tiet", _("quy định chi tiết, hướng dẫn thi hành")
    CONSOLIDATES = "hop_nhat", _("hợp nhất")
    AMENDS = "sua_doi_bo_sung", _("sửa đổi, bổ sung")
    CORRECTS = "dinh_chinh", pgettext_lazy("quan hệ văn bản", "đính chính")
    REPLACES = "thay_the", _("thay thế")
    REPEALS = "bai_bo", _("bãi bỏ")
    REFERENCES = "dan_chieu", _("dẫn chiếu")
    BASED_ON = "can_cu", _("căn cứ")
    INTERPRETS = "giai_thich", _("giải thích")
    SUSPENDS = "dinh_chi", _("đình chỉ thi hành")
    PAUSES = "tam_ngung", _("tạm ngưng hiệu lực")
    ANNOUNCES = "cong_bo", pgettext_lazy("quan hệ văn bản", "công bố")


@dataclass(frozen=True)
class RelationLabels:
    """What one relation row says, read from either end.

    ``forward`` reads "<source> <forward> <target>" ("Nghị định 13/2018/NĐ-CP quy định chi tiết Luật
    104/2016/QH13"), ``inverse`` reads "<target> <inverse> <source>". ``forward_heading`` heads the
    list of targets on the source's page, ``inverse_heading`` the list of sources on the target's page,
    as vbpl.vn's "Lược đồ" does.
    """

    forward: Promise
    inverse: Promise
    forward_heading: Promise
    inverse_heading: Promise


K = RelationKind

RELATION_LABELS: dict[str, RelationLabels] = {
    K.GUIDES: RelationLabels(
        _("hướng dẫn áp dụng"),
        _("được hướng dẫn áp dụng bởi"),
        _("Văn bản được hướng dẫn"),
        _("Văn bản hướng dẫn"),
    ),
    K.DETAILS: RelationLabels(
        _("quy định chi tiết, hướng dẫn thi hành"),
        _("được quy định chi tiết, hướng dẫn thi hành bởi"),
        _("Văn bản được quy định chi tiết, hướng dẫn thi hành"),
        _("Văn bản quy định chi tiết, hướng dẫn thi hành"),
    ),
    K.CONSOLIDATES: RelationLabels(
        _("hợp nhất"), _("được hợp nhất bởi"), _("Văn bản được hợp nhất"), _("Văn bản hợp nhất")
    ),
    K.AMENDS: RelationLabels(
        _("sửa đổi, bổ sung"),
        _("được sửa đổi, bổ sung bởi"),
        _("Văn bản được sửa đổi, bổ sung"),
        _("Văn bản sửa đổi, bổ sung"),
    ),
    K.CORRECTS: RelationLabels(
        pgettext_lazy("quan hệ văn bản", "đính chính"),
        _("được đính chính bởi"),
        _("Văn bản được đính chính"),
        _("Văn bản đính chính"),
    ),
    K.REPLACES: RelationLabels(
        _("thay thế"), _("bị thay thế bởi"), _("Văn bản bị thay thế"), _("Văn bản thay thế")
    ),
    K.REPEALS: RelationLabels(_("bãi bỏ"), _("bị bãi bỏ bởi"), _("Văn bản bị bãi bỏ"), _("Văn bản bãi bỏ")),
    K.REFERENCES: RelationLabels(
        _("dẫn chiếu"), _("được dẫn chiếu bởi"), _("Văn bản được dẫn chiếu"), _("Văn bản dẫn chiếu")
    ),
    K.BASED_ON: RelationLabels(
        _("căn cứ"), _("là căn cứ ban hành của"), _("Căn cứ ban hành"), _("Văn bản áp dụng")
    ),
    K.INTERPRETS: RelationLabels(
        _("giải thích"), _("được giải thích bởi"), _("Văn bản được giải thích"), _("Văn bản giải thích")
    ),
    K.SUSPENDS: RelationLabels(
        _("đình chỉ thi hành"),
        _("bị đình chỉ thi hành bởi"),
        _("Văn bản bị đình chỉ thi hành"),
        _("Văn bản đình chỉ thi hành"),
    ),
    K.PAUSES: RelationLabels(
        _("tạm ngưng hiệu lực"),
        _("bị tạm ngưng hiệu lực bởi"),
        _("Văn bản bị tạm ngưng hiệu lực"),
        _("Văn bản tạm ngưng hiệu lực"),
    ),
    K.ANNOUNCES: RelationLabels(
        pgettext_lazy("quan hệ văn bản", "công bố"),
        _("được công bố bởi"),
        _("Văn bản được công bố"),
        _("Văn bản công bố"),
    ),
}
