"""The public deadline calculator at /tinh-thoi-han/."""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import SiteTree
from congtin.cases.models import CaseType

pytestmark = pytest.mark.django_db


def test_the_empty_calculator_shows_the_form(client: Client, site_tree: SiteTree) -> None:
    response = client.get("/tinh-thoi-han/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ngày tiếp nhận" in html and "Loại yêu cầu" in html
    assert "Yêu cầu cung cấp thông tin phức tạp" in html


def test_the_calculator_shows_the_deadline_and_the_tet_days_skipped(
    client: Client, site_tree: SiteTree
) -> None:
    simple = CaseType.objects.get(code="tctt-don-gian")
    response = client.get("/tinh-thoi-han/", {"received_on": "13/02/2026", "case_type": simple.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "thứ tư, 25/02/2026" in html
    assert "Điều 30" in html
    for day in ("16/02/2026", "17/02/2026", "18/02/2026", "19/02/2026", "20/02/2026"):
        assert f"{day} — Tết Nguyên đán Bính Ngọ" in html
    # A weekend inside the break is a weekend anyway: not listed as skipped.
    assert "14/02/2026 —" not in html


def test_the_calculator_counts_a_make_up_saturday(client: Client, site_tree: SiteTree) -> None:
    simple = CaseType.objects.get(code="tctt-don-gian")
    response = client.get("/tinh-thoi-han/", {"received_on": "24/04/2025", "case_type": simple.pk})
    html = response.content.decode()
    # 25/4 (Fri), 26/4 (make-up Saturday), 28/4 (Mon).
    assert "28/04/2025" in html and "26/04/2025 — Làm bù" in html


@pytest.mark.parametrize("typed", ["31/02/2026", "2026-02-13", "13/2", "hôm qua"])
def test_a_bad_date_gives_a_vietnamese_message_400_and_keeps_the_input(
    client: Client, site_tree: SiteTree, typed: str
) -> None:
    simple = CaseType.objects.get(code="tctt-don-gian")
    response = client.get("/tinh-thoi-han/", {"received_on": typed, "case_type": simple.pk})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ngày tiếp nhận không hợp lệ" in html
    assert f'value="{typed}"' in html


def test_an_unknown_case_type_is_refused_with_400(client: Client, site_tree: SiteTree) -> None:
    response = client.get("/tinh-thoi-han/", {"received_on": "13/02/2026", "case_type": "999999"})
    assert response.status_code == 400
    assert "Loại yêu cầu không có trong danh sách" in response.content.decode()
