"""The Wagtail admin speaks Vietnamese.

Wagtail 8's own vi catalogue covers only a fraction of the admin; congtin/locale/vi carries the rest
(LOCALE_PATHS outranks app catalogues). Most strings asserted here are ones Wagtail's catalogue leaves
in English, so these tests fail if our catalogue is missing, stale or not compiled.
"""

from __future__ import annotations

import gettext
import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from congtin.news.tests.helpers import published_article

if TYPE_CHECKING:
    from conftest import SiteTree

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])


def visible_text(response_content: bytes) -> str:
    """The page's text as an editor reads it: no scripts, tags collapsed, entities decoded."""
    page = response_content.decode()
    page = re.sub(r"<script\b.*?</script>", " ", page, flags=re.S)
    page = re.sub(r"<[^>]+>", "\n", page)
    return "\n".join(line.strip() for line in html.unescape(page).splitlines() if line.strip())


def lines(text: str) -> set[str]:
    return set(text.splitlines())


def test_page_editor_is_vietnamese(admin_client: Client, site_tree: SiteTree) -> None:
    article = published_article(site_tree.news)

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "vi"
    text = visible_text(response.content)
    shown = lines(text)
    # Action menu, tabs, the title's help text and the scheduling dialog.
    for vietnamese in [
        "Lưu nháp",  # Save draft
        "Xuất bản",  # Publish
        "Nội dung",  # Content tab
        "Quảng bá",  # Promote tab
        "Tiêu đề của trang sẽ hiển thị với bạn đọc",  # title help text
        "Đường dẫn (slug)",  # slug
        "Thời điểm đăng",  # Go live date/time
        "Thời điểm hết hạn",  # Expiry date/time
        "Đặt lịch xuất bản",  # Set publishing schedule
        "Lịch sử",  # History
        "Hủy xuất bản",  # Unpublish
    ]:
        assert vietnamese in shown, vietnamese
    for english in [
        "Save draft",
        "Publish",
        "Content",
        "Promote",
        "The page title as you'd like it to be seen by the public",
        "Go live date/time",
        "Expiry date/time",
        "Set publishing schedule",
        "History",
        "Unpublish",
    ]:
        assert english not in shown, english
    assert "The page title as you'd like" not in text
    assert "A comma-separated list of tags." not in text  # django-taggit has no vi catalogue of its own


def test_dashboard_is_vietnamese(admin_client: Client, site_tree: SiteTree) -> None:
    response = admin_client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    shown = lines(visible_text(response.content))
    assert "Tổng quan trang web" in shown  # Site summary
    assert "Phím tắt" in shown  # Keyboard shortcuts
    assert "Site summary" not in shown
    assert "Keyboard shortcuts" not in shown


@pytest.mark.django_db
def test_admin_javascript_catalogue_is_vietnamese(client: Client) -> None:
    # The React/Stimulus parts of the admin (page explorer, StreamField, comments) read this catalogue.
    response = client.get(reverse("wagtailadmin_javascript_catalog"))

    assert response.status_code == 200
    catalogue = response.content.decode()
    # Django writes the catalogue with json.dumps, so non-ASCII text arrives \u-escaped.
    assert f'"Page explorer": {json.dumps("Cây trang")}' in catalogue
    assert f'"Duplicate": {json.dumps("Nhân bản")}' in catalogue


def vi(msgid: str, plural: str | None = None, n: int = 1) -> str:
    # Msgids go in as variables: literal gettext() calls here would be picked up by
    # `makemessages -l en` and land in the project's English catalogue.
    with translation.override("vi"):
        return translation.ngettext(msgid, plural, n) if plural else translation.gettext(msgid)


def test_translated_strings_keep_their_placeholders() -> None:
    assert vi("Submit to %(workflow_name)s") % {"workflow_name": "Duyệt tin"} == "Gửi duyệt theo Duyệt tin"
    assert vi("%(count)s image", "%(count)s images", 3) % {"count": 3} == "3 ảnh"
    # Wagtail shows "just now" by comparing Django's timesince output with its own "0 minutes".
    assert vi("0 minutes") == "0 phút"
    assert vi("%(num)d minute", "%(num)d minutes", 0) % {"num": 0} == "0 phút"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs GNU gettext's msgfmt")
@pytest.mark.parametrize(
    "catalogue", ["vi/LC_MESSAGES/django", "vi/LC_MESSAGES/djangojs", "en/LC_MESSAGES/django"]
)
def test_committed_mo_files_are_compiled_from_the_po_files(catalogue: str, tmp_path: Path) -> None:
    # The .mo files are committed so a machine without gettext still gets the translations; they
    # must not drift from the .po files people edit.
    po_file = LOCALE_DIR / f"{catalogue}.po"
    fresh_mo = tmp_path / "fresh.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(fresh_mo), str(po_file)], check=True)  # noqa: S603, S607

    def messages(mo_file: Path) -> dict[object, str]:
        with mo_file.open("rb") as fh:
            return gettext.GNUTranslations(fh)._catalog  # type: ignore[attr-defined]

    assert messages(LOCALE_DIR / f"{catalogue}.mo") == messages(fresh_mo)
