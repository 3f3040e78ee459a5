"""Drive the Wagtail admin as the newsroom does: the page editor's buttons, workflow actions, bulk actions.

Everything here goes through Django's test client and Wagtail's own views, never around them, so a test
that passes proves what a person clicking in the admin can and cannot do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from congtin.news.models import ArticlePage, SectionPage
from congtin.news.tests.helpers import article_form_data

TITLE = "Bộ Nội vụ triển khai Chỉ thị số 12/CT-TTg"


def fresh(page: ArticlePage) -> ArticlePage:
    return ArticlePage.objects.get(pk=page.pk)


def add_url(section: SectionPage) -> str:
    return reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk])


def edit_url(page: ArticlePage) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def assert_refused(response: Any) -> None:
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard and an error message
    (a bare 403 only to XMLHttpRequest)."""
    if response.status_code == 403:
        return
    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("wagtailadmin_home")


def create(
    client: Client,
    user: Any,
    section: SectionPage,
    *,
    action: str | None = None,
    title: str = TITLE,
    **fields: Any,
) -> Any:
    """POST the "new article" form as ``user``: save a draft, or ``action-<action>`` (publish, submit)."""
    client.force_login(user)
    data = article_form_data(title=title, **fields)
    if action:
        data[f"action-{action}"] = "1"
    return client.post(add_url(section), data)


def draft(
    client: Client, user: Any, section: SectionPage, *, title: str = TITLE, **fields: Any
) -> ArticlePage:
    response = create(client, user, section, title=title, **fields)
    assert response.status_code == 302, response.content.decode()[:3000]
    return ArticlePage.objects.get(title=title)


def edit(
    client: Client,
    user: Any,
    page: ArticlePage,
    *,
    action: str | None = None,
    url: str | None = None,
    **fields: Any,
) -> Any:
    """POST the page editor as ``user``: "save draft" without ``action``, else ``action-<action>``."""
    client.force_login(user)
    data = article_form_data(title=fresh(page).draft_title, **fields)
    if action:
        data[f"action-{action}"] = "1"
    return client.post(url or edit_url(page), data)


def workflow_action(client: Client, user: Any, page: ArticlePage, action: str = "approve") -> Any:
    """The "Approve" / "Request changes" buttons of the current task, as the admin posts them."""
    client.force_login(user)
    task_state = fresh(page).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": ""})


def current_task_name(page: ArticlePage) -> str | None:
    task = fresh(page).current_workflow_task
    return task.name if task else None


def submitted(client: Client, staff: Any, section: SectionPage, **fields: Any) -> ArticlePage:
    """A reporter's draft, submitted to the editorial workflow."""
    page = draft(client, staff.reporter, section, **fields)
    assert edit(client, staff.reporter, page, action="submit", **fields).status_code == 302
    return page


def approved_by_editor(client: Client, staff: Any, section: SectionPage, **fields: Any) -> ArticlePage:
    page = submitted(client, staff, section, **fields)
    assert workflow_action(client, staff.editor, page).status_code == 302
    return page


def approved_by_editor_in_chief(
    client: Client, staff: Any, section: SectionPage, **fields: Any
) -> ArticlePage:
    """An article through the whole chain: live, or scheduled if ``go_live_at`` lies ahead."""
    page = approved_by_editor(client, staff, section, **fields)
    assert workflow_action(client, staff.editor_in_chief, page).status_code == 302
    return fresh(page)


def bulk_action(client: Client, user: Any, action: str, page: Any, **data: str) -> Any:
    client.force_login(user)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?id={page.pk}"
    return client.post(url, data)


def in_the_future(**delta: float) -> dt.datetime:
    return timezone.now() + dt.timedelta(**delta)


def form_datetime(moment: dt.datetime) -> str:
    """A datetime as typed into the admin's go-live field, in Vietnam time."""
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


@contextmanager
def clock_at(moment: dt.datetime) -> Iterator[None]:
    """Move Django's clock, and so Wagtail's scheduler, to ``moment``."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def api_ids(client: Client) -> set[int]:
    """Ids of every page the public API lists (the test sites hold fewer than a page of results)."""
    response = client.get("/api/v2/pages/")
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] <= 20
    return {item["id"] for item in response.json()["items"]}


def history_rows(client: Client, user: Any, page: Any) -> list[tuple[str, str]]:
    """The admin's audit log of ``page`` as ``user`` reads it: (action, who), newest first."""
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert response.status_code == 200
    table = BeautifulSoup(response.content, "html.parser").find("table", class_="listing")
    rows = []
    for tr in table.find("tbody").find_all("tr"):
        cells = [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        rows.append((cells[0], cells[1]))
    return rows
