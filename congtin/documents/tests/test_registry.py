from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from congtin.documents import queries, services
from congtin.documents.choices import RELATION_LABELS, DocumentStatus, DocumentType, RelationKind
from congtin.documents.models import DocumentRelation, OfficialDocument
from congtin.documents.tests.factories import OfficialDocumentFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def government():
    return services.organisation_ensure_known(abbreviation="CP")


@pytest.fixture
def home_affairs():
    return services.organisation_ensure_known(abbreviation="BNV")


def test_symbol_fields_are_derived_from_the_printed_symbol(government):
    document = services.document_create(
        doc_type=DocumentType.NGHI_DINH,
        printed_symbol="9/2017/nd-cp",
        issuer=government,
        issued_on=dt.date(2017, 2, 9),
    )
    assert document.canonical_symbol == "09/2017/NĐ-CP"
    assert (document.number, document.year, document.series, document.grammar) == ("09", 2017, "NĐ", "state")
    assert "|nghi dinh 09/2017|" in document.search_keys


def test_identity_is_the_symbol_year_or_else_the_issue_year(home_affairs):
    document = services.document_create(
        doc_type=DocumentType.CONG_VAN,
        printed_symbol="2761/BNV-TC",
        issuer=home_affairs,
        issued_on=dt.date(2021, 6, 9),
    )
    assert (document.year, document.series) == (2021, "CV")
    # The same number a year later is another document: numbering restarts every 1 January.
    later = services.document_create(
        doc_type=DocumentType.CONG_VAN,
        printed_symbol="2761/BNV-TC",
        issuer=home_affairs,
        issued_on=dt.date(2022, 6, 9),
    )
    assert later.pk != document.pk


def test_a_duplicate_identity_is_refused_with_a_vietnamese_message_naming_the_existing_entry(government):
    services.document_create(
        doc_type=DocumentType.NGHI_DINH,
        printed_symbol="09/2017/NĐ-CP",
        issuer=government,
        issued_on=dt.date(2017, 2, 9),
        summary="Quy định chi tiết việc phát ngôn",
    )
    with pytest.raises(ValidationError) as error:
        # Written differently, still the same document.
        services.document_create(
            doc_type=DocumentType.NGHI_DINH,
            printed_symbol="Số: 9/2017/NĐ-CP",
            issuer=government,
            issued_on=dt.date(2017, 2, 10),
        )
    message = error.value.message_dict["printed_symbol"][0]
    assert "Đã có văn bản số 09/2017/NĐ-CP của Chính phủ năm 2017" in message
    assert "không tạo trùng được" in message
    assert OfficialDocument.objects.count() == 1


def test_the_database_refuses_a_duplicate_that_skips_validation(government):
    first = OfficialDocumentFactory(issuer=government, printed_symbol="10/2021/NĐ-CP")
    clone = OfficialDocument(
        doc_type=first.doc_type,
        printed_symbol=first.printed_symbol,
        canonical_symbol=first.canonical_symbol,
        number=first.number,
        year=first.year,
        series=first.series,
        issuer=government,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        clone.save()


@pytest.mark.parametrize(
    ("dates", "field", "text"),
    [
        (
            {"issued_on": dt.date(2021, 5, 12), "effective_on": dt.date(2021, 5, 1)},
            "effective_on",
            "không được trước ngày ban hành",
        ),
        (
            {
                "issued_on": dt.date(2021, 5, 12),
                "effective_on": dt.date(2021, 7, 1),
                "expires_on": dt.date(2021, 7, 1),
            },
            "expires_on",
            "phải sau ngày có hiệu lực",
        ),
        ({"issued_on": dt.date(2099, 1, 1)}, "issued_on", "quá xa trong tương lai"),
        ({"issued_on": dt.date(1900, 1, 1)}, "issued_on", "không thể có"),
        (
            {"issued_on": dt.date(2020, 5, 12)},
            "issued_on",
            "Năm trong số ký hiệu (2021) khác năm ban hành (12/05/2020)",
        ),
    ],
)
def test_impossible_dates_are_refused_in_vietnamese(government, dates, field, text):
    with pytest.raises(ValidationError) as error:
        services.document_create(
            doc_type=DocumentType.NGHI_DINH, printed_symbol="15/2021/NĐ-CP", issuer=government, **dates
        )
    assert any(text in message for message in error.value.message_dict[field])


def test_an_issue_date_still_to_come_is_refused(government):
    tomorrow = timezone.localdate() + dt.timedelta(days=2)
    with pytest.raises(ValidationError) as error:
        services.document_create(
            doc_type=DocumentType.NGHI_DINH,
            printed_symbol=f"15/{tomorrow.year}/NĐ-CP",
            issuer=government,
            issued_on=tomorrow,
        )
    assert "chưa tới" in error.value.message_dict["issued_on"][0]


def test_a_symbol_that_does_not_parse_is_refused_quoting_the_grammar(government):
    with pytest.raises(ValidationError) as error:
        services.document_create(doc_type=DocumentType.NGHI_DINH, printed_symbol="NĐ-CP", issuer=government)
    message = error.value.message_dict["printed_symbol"][0]
    assert message.startswith("Số ký hiệu “NĐ-CP” không đọc được: ")


def test_type_and_issuer_must_agree_with_the_symbol(government, home_affairs):
    with pytest.raises(ValidationError) as error:
        services.document_create(
            doc_type=DocumentType.THONG_TU,
            printed_symbol="12/CT-TTg",
            issuer=home_affairs,
            issued_on=dt.date(2021, 5, 12),
        )
    errors = error.value.message_dict
    assert errors["doc_type"] == ["Ký hiệu 12/CT-TTg là của Chỉ thị, không phải Thông tư."]
    assert "không khớp ký hiệu TTg" in errors["issuer"][0]


def test_a_year_without_a_date_identifies_a_party_document():
    propaganda = services.organisation_ensure_known(abbreviation="BTGTW")
    document = services.document_create(
        doc_type=DocumentType.HUONG_DAN,
        printed_symbol="08-HD/BTGTW",
        issuer=propaganda,
        year=2021,
        summary="Hướng dẫn",
    )
    assert (document.year, document.series, document.grammar) == (2021, "HD", "party")
    with pytest.raises(ValidationError) as error:
        services.document_create(
            doc_type=DocumentType.HUONG_DAN, printed_symbol="09-HD/BTGTW", issuer=propaganda
        )
    assert "cần ngày ban hành (hoặc ít nhất năm ban hành)" in error.value.message_dict["issued_on"][0]


def test_party_bodies_sharing_the_tw_code_keep_their_own_names():
    politburo = services.organisation_ensure_known(abbreviation="TW-BCT")
    document = services.document_create(
        doc_type=DocumentType.NGHI_QUYET,
        printed_symbol="02-NQ/TW",
        issuer=politburo,
        issued_on=dt.date(2021, 6, 12),
    )
    assert document.issuer.name == "Bộ Chính trị"
    assert document.issuer_code == "TW"


def test_a_merged_ministry_keeps_its_documents_and_points_to_its_successor():
    ministry = services.organisation_ensure_known(abbreviation="BTTTT")
    document = services.document_create(
        doc_type=DocumentType.THONG_TU,
        printed_symbol="26/2020/TT-BTTTT",
        issuer=ministry,
        issued_on=dt.date(2020, 9, 23),
    )
    assert document.issuer.name == "Bộ Thông tin và Truyền thông"
    assert document.issuer.current.name == "Bộ Khoa học và Công nghệ"


def test_a_successor_loop_is_refused():
    first = OrganisationFactory(abbreviation="A1", name="Cơ quan A")
    second = OrganisationFactory(abbreviation="B1", name="Cơ quan B", successor=first)
    first.successor = second
    with pytest.raises(ValidationError):
        first.full_clean()


def test_a_published_entry_needs_its_trich_yeu(government):
    with pytest.raises(ValidationError) as error:
        services.document_create(
            doc_type=DocumentType.NGHI_DINH,
            printed_symbol="16/2021/NĐ-CP",
            issuer=government,
            issued_on=dt.date(2021, 3, 1),
            is_published=True,
        )
    assert "trích yếu" in error.value.message_dict["summary"][0]


def test_relations_read_in_both_directions_with_the_vbpl_labels(government):
    old = OfficialDocumentFactory(
        issuer=government, printed_symbol="43/2011/NĐ-CP", issued_on=dt.date(2011, 6, 13)
    )
    new = OfficialDocumentFactory(
        issuer=government, printed_symbol="42/2022/NĐ-CP", issued_on=dt.date(2022, 6, 24)
    )
    relation = services.document_relate(source=new, target=old, kind=RelationKind.REPLACES)
    assert services.document_relate(source=new, target=old, kind=RelationKind.REPLACES) == relation

    [on_new] = queries.document_relations(new)
    assert (on_new.direction, on_new.label, on_new.heading, on_new.document) == (
        "out",
        "thay thế",
        "Văn bản bị thay thế",
        old,
    )
    [on_old] = queries.document_relations(old)
    assert (on_old.direction, on_old.label, on_old.heading, on_old.document) == (
        "in",
        "bị thay thế bởi",
        "Văn bản thay thế",
        new,
    )
    assert queries.document_relation_groups(old) == [("Văn bản thay thế", [on_old])]


def test_every_relation_kind_has_both_labels():
    assert set(RELATION_LABELS) == set(RelationKind.values)
    for labels in RELATION_LABELS.values():
        assert all(
            str(text)
            for text in (labels.forward, labels.inverse, labels.forward_heading, labels.inverse_heading)
        )


def test_a_document_cannot_relate_to_itself_or_act_on_a_later_one(government):
    old = OfficialDocumentFactory(
        issuer=government, issued_on=dt.date(2011, 6, 13), printed_symbol="43/2011/NĐ-CP"
    )
    new = OfficialDocumentFactory(
        issuer=government, issued_on=dt.date(2022, 6, 24), printed_symbol="42/2022/NĐ-CP"
    )
    with pytest.raises(ValidationError) as error:
        services.document_relate(source=new, target=new, kind=RelationKind.AMENDS)
    assert "chính nó" in str(error.value)
    with pytest.raises(ValidationError) as error:
        services.document_relate(source=old, target=new, kind=RelationKind.REPLACES)
    assert "ban hành trước" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentRelation.objects.create(source=new, target=new, kind=RelationKind.AMENDS)


def test_relations_to_drafts_stay_off_public_pages(government):
    published = OfficialDocumentFactory(issuer=government, issued_on=dt.date(2021, 9, 24))
    draft = OfficialDocumentFactory(issuer=government, issued_on=dt.date(2021, 6, 24), is_published=False)
    services.document_relate(source=published, target=draft, kind=RelationKind.AMENDS)
    assert queries.document_relations(published) == []
    assert len(queries.document_relations(published, public=False)) == 1


def test_set_status_records_the_expiry(government):
    document = OfficialDocumentFactory(
        issuer=government, issued_on=dt.date(2011, 6, 13), printed_symbol="43/2011/NĐ-CP"
    )
    services.document_set_status(
        document=document, status=DocumentStatus.EXPIRED, expires_on=dt.date(2022, 8, 1)
    )
    document.refresh_from_db()
    assert (document.status, document.expires_on, document.is_in_force) == (
        DocumentStatus.EXPIRED,
        dt.date(2022, 8, 1),
        False,
    )
    with pytest.raises(ValidationError):
        services.document_set_status(document=document, status="khong-co")


def test_update_revalidates_the_whole_entry(government):
    document = OfficialDocumentFactory(issuer=government)
    with pytest.raises(ValidationError):
        services.document_update(document=document, effective_on=dt.date(2000, 1, 1))
    services.document_update(document=document, summary="Trích yếu mới", signer="Nguyễn Văn A")
    document.refresh_from_db()
    assert document.summary == "Trích yếu mới"
    assert "nguyen van a" in document.search_text
    with pytest.raises(TypeError):
        services.document_update(document=document, canonical_symbol="x")


def test_permissions_setup_gives_editors_drafting_and_the_editor_in_chief_publishing(db):
    groups = services.documents_permissions_setup()
    services.documents_permissions_setup()  # idempotent
    editor = set(groups["editor"].permissions.values_list("codename", flat=True))
    chief = set(Group.objects.get(name="Tổng biên tập").permissions.values_list("codename", flat=True))
    assert {"add_officialdocument", "change_officialdocument"} <= editor
    assert "publish_officialdocument" not in editor
    assert {"add_officialdocument", "change_officialdocument", "publish_officialdocument"} <= chief
