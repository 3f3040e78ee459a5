"""Status lookup with the code and a second factor: no enumeration, no IDOR on attachments."""

from __future__ import annotations

import re
import time
from typing import Any
from unittest import mock

import pytest
from django.core import signing
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import SiteTree
from congtin.cases import services
from congtin.cases.codes import ALPHABET, CODE_BITS
from congtin.cases.models import AttachmentPurpose, Case, CaseAttachment
from congtin.cases.tests.conftest import CasePeople
from congtin.cases.tests.intake_support import case_files, pdf_bytes, png_bytes, upload
from congtin.cases.tests.test_intake import feedback
from congtin.cases.uploads import case_attach_file

pytestmark = pytest.mark.django_db
__all__ = ["case_files"]


def _submit(client: Client, **overrides: Any) -> Case:
    data = feedback(**overrides)
    data["attachments"] = [upload("anh-hien-truong.png", png_bytes(), "image/png")]
    assert client.post("/gui-phan-anh/", data, REMOTE_ADDR="192.0.2.50").status_code == 302
    return Case.objects.latest("pk")


def _lookup(client: Client, code: str, factor: str, ip: str = "192.0.2.1") -> Any:
    return client.post("/tra-cuu-ho-so/", {"code": code, "factor": factor}, REMOTE_ADDR=ip)


def _typed_sloppily(code: str) -> str:
    return code.lower().replace("-", " ").replace("0", "o").replace("1", "l")


def _answer(case: Case, people: CasePeople) -> Case:
    services.case_classify(case=case, actor=people.coordinator, unit=people.unit)
    services.case_assign(case=case, actor=people.coordinator, assignee=people.handler)
    services.case_start(case=case, actor=people.handler)
    return services.case_answer(case=case, actor=people.handler, answer="Đã sửa ba cột đèn ngày 05/03.")


def test_the_code_typed_any_way_and_the_phone_digits_show_the_status_and_deadline(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    case = _submit(client)
    response = _lookup(client, _typed_sloppily(case.tracking_code), "5678")
    assert response.status_code == 302 and response["Location"] == "/tra-cuu-ho-so/ho-so/"
    page = client.get("/tra-cuu-ho-so/ho-so/")
    html = page.content.decode()
    assert case.tracking_code in html and "Tiếp nhận" in html and "Hạn giải quyết" in html
    assert re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d", html)
    assert "anh-hien-truong.png" in html and "no-store" in page["Cache-Control"]


def test_the_email_works_as_the_second_factor_whatever_its_case(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    case = _submit(client)
    assert _lookup(client, case.tracking_code, "An.Nguyen@Example.TEST").status_code == 302


def test_a_wrong_code_and_a_wrong_factor_get_the_same_answer_with_the_same_queries(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    case = _submit(client)
    other = "Q9XT-7K3M-0RPE-2HVA" if case.tracking_code != "Q9XT-7K3M-0RPE-2HVA" else "Q9XT-7K3M-0RPE-2HVB"
    client.get("/tra-cuu-ho-so/")  # the site's cached lookups are warm for every attempt alike
    answers = []
    for code, factor in (
        (other, "5678"),
        (case.tracking_code, "1234"),
        (case.tracking_code, "x@example.test"),
    ):
        with CaptureQueriesContext(connection) as queries:
            response = _lookup(client, code, factor)
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
        html = re.sub(r'(name="(?:code|factor)" value=)"[^"]*"', r"\1", html)  # what was typed, echoed
        answers.append((response.status_code, html, len(queries)))
    assert answers[0][0] == 404 and "Không tìm thấy hồ sơ" in answers[0][1]
    assert answers[0] == answers[1] == answers[2]


def test_a_code_that_cannot_be_one_is_told_apart_only_by_its_shape(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    response = _lookup(client, "ABC-123", "5678")
    assert response.status_code == 400
    assert "Mã tra cứu gồm 16 chữ và số" in response.content.decode()


def test_codes_carry_at_least_64_random_bits_and_do_not_repeat(
    client: Client, site_tree: SiteTree, case_files: Any, feedback_type: Any
) -> None:
    assert CODE_BITS >= 64 and len(ALPHABET) ** 16 >= 2**64
    codes = {
        services.case_receive(case_type=feedback_type, channel="web", subject="s", content="c").tracking_code
        for _ in range(200)
    }
    assert len(codes) == 200
    symbols = "".join(code.replace("-", "") for code in codes)
    assert set(symbols) <= set(ALPHABET) and len(set(symbols)) == 32


def test_failed_lookups_of_one_code_are_limited_even_with_the_right_factor_afterwards(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    case = _submit(client)
    statuses = [
        _lookup(client, case.tracking_code, f"{n:04d}", ip=f"198.51.100.{n}").status_code for n in range(10)
    ]
    assert statuses == [404] * 10
    refused = _lookup(client, case.tracking_code, "5678", ip="198.51.100.99")
    assert refused.status_code == 429 and "Quá nhiều yêu cầu" in refused.content.decode()
    # A code that does not exist is limited the same way.
    for n in range(10):
        _lookup(client, "ZZZZ-ZZZZ-ZZZZ-ZZZZ", f"{n:04d}", ip=f"203.0.113.{n}")
    assert _lookup(client, "ZZZZ-ZZZZ-ZZZZ-ZZZZ", "5678", ip="203.0.113.99").status_code == 429


def test_lookups_from_one_address_are_limited(client: Client, site_tree: SiteTree, case_files: Any) -> None:
    statuses = [
        _lookup(client, f"AAAA-AAAA-AAAA-{n:04d}", "1234", ip="192.0.2.77").status_code for n in range(22)
    ]
    assert statuses == [404] * 20 + [429] * 2


def test_the_answer_and_its_files_appear_once_answered(
    client: Client, site_tree: SiteTree, case_files: Any, people: CasePeople
) -> None:
    case = _submit(client)
    attachment = case_attach_file(
        case, upload("ket-qua.pdf", pdf_bytes()), purpose="answer", by=people.handler
    )
    _lookup(client, case.tracking_code, "5678")
    html = client.get("/tra-cuu-ho-so/ho-so/").content.decode()
    assert "ket-qua.pdf" not in html and "Đã sửa ba cột đèn" not in html
    _answer(case, people)
    html = client.get("/tra-cuu-ho-so/ho-so/").content.decode()
    assert "Đã trả lời" in html and "Đã sửa ba cột đèn ngày 05/03." in html and "ket-qua.pdf" in html
    link = re.search(r'href="(/tra-cuu-ho-so/tep/[^"]+/)">ket-qua.pdf', html)
    assert link is not None
    download = client.get(link.group(1))
    assert download.status_code == 200 and b"".join(download.streaming_content) == pdf_bytes()
    assert download["Content-Type"] == "application/pdf" and download["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in download["Content-Disposition"]
    assert attachment.purpose == AttachmentPurpose.ANSWER


def _link_for(case_id: int, attachment_id: int) -> str:
    token = signing.TimestampSigner(salt="congtin.cases.attachment").sign(f"{case_id}.{attachment_id}")
    return f"/tra-cuu-ho-so/tep/{token}/"


def test_attachment_links_do_not_open_other_cases_guessed_ids_or_old_links(
    client: Client, site_tree: SiteTree, case_files: Any
) -> None:
    mine = _submit(client)
    theirs = _submit(client, email="binh@example.test", phone="0987 000 111")
    my_file = CaseAttachment.objects.get(case=mine)
    their_file = CaseAttachment.objects.get(case=theirs)
    assert client.get(_link_for(mine.pk, my_file.pk)).status_code == 404  # no lookup in this session
    _lookup(client, mine.tracking_code, "5678")
    assert client.get(_link_for(mine.pk, my_file.pk)).status_code == 200
    # Their file, signed for their case or smuggled under mine; a guessed id; a forged signature.
    assert client.get(_link_for(theirs.pk, their_file.pk)).status_code == 404
    assert client.get(_link_for(mine.pk, their_file.pk)).status_code == 404
    assert client.get(_link_for(mine.pk, their_file.pk + 1000)).status_code == 404
    assert client.get(f"/tra-cuu-ho-so/tep/{mine.pk}.{their_file.pk}:forged:sig/").status_code == 404
    # Links die after 15 minutes.
    link = _link_for(mine.pk, my_file.pk)
    later = time.time() + 16 * 60
    with mock.patch("django.core.signing.time.time", return_value=later):
        assert client.get(link).status_code == 404


def test_staff_see_the_files_of_their_units_cases_only(
    client: Client, site_tree: SiteTree, case_files: Any, people: CasePeople
) -> None:
    case = _submit(client)
    services.case_classify(case=case, actor=people.coordinator, unit=people.unit)
    attachment = CaseAttachment.objects.get(case=case)
    url = f"/ho-so/tep/{attachment.pk}/"
    assert client.get(url)["Location"].startswith("/admin/login/")
    for user, status in (
        (people.handler, 200),
        (people.coordinator, 200),
        (people.other_handler, 404),
        (people.outsider, 404),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status, user.username
    client.force_login(people.handler)
    assert client.get(f"/ho-so/tep/{attachment.pk + 1000}/").status_code == 404
