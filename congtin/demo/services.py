"""Build the demo journal: the reference page's site, its editorial staff and 40-odd articles.

For development and trying congtin out only; every sentence of the content is the project's own.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image
from wagtail.models import Page, Site

from congtin.core.models import JournalSettings
from congtin.demo import content as content
from congtin.demo.documents import demo_documents_load
from congtin.documents import services as document_services
from congtin.news.models import ArticlePage, HomePage, SectionPage
from congtin.users import roles
from congtin.users.models import User
from congtin.users.services import collaborator_assign_sections, editorial_roles_setup, user_assign_role
from congtin.vietnamese import VIETNAM_TZ

DEMO_PASSWORD = "congtin-demo"  # noqa: S105 - development-only accounts, printed by `make run`


@dataclass(frozen=True)
class DemoUser:
    username: str
    last_name: str
    first_name: str
    role: roles.Role | None
    pen_name: str = ""


DEMO_USERS = (
    DemoUser("admin", "Quản trị", "hệ thống", None),
    DemoUser("tongbientap", "Nguyễn Văn", "Bình", roles.EDITOR_IN_CHIEF),
    DemoUser("bientap", "Trần Thị", "Hoa", roles.EDITOR),
    DemoUser("phongvien", "Lê Minh", "Anh", roles.REPORTER, pen_name="Minh Anh"),
    DemoUser("congtacvien", "Phạm Hoàng", "Nam", roles.COLLABORATOR, pen_name="Hoàng Nam"),
)
COLLABORATOR_SECTIONS = ("nghien-cuu",)

_PALETTE = [(164, 22, 26), (11, 79, 138), (46, 125, 50), (191, 120, 0), (94, 53, 177), (0, 105, 120)]


def demo_is_loaded() -> bool:
    return HomePage.objects.exists()


@transaction.atomic
def demo_load() -> dict[str, Any]:
    """Create the demo site unless a HomePage already exists (idempotent)."""
    # The registry loads on its own terms (idempotent), so an existing demo site gains it too.
    documents = demo_documents_load()
    if demo_is_loaded():
        # A demo site from before the section existed gains it, and its articles' citations.
        home = HomePage.objects.first()
        if home is not None and _access_to_information(home):
            for article in ArticlePage.objects.live().specific():
                document_services.citations_index(source=article)
        return {"created": False, "documents": documents}
    users = {spec.username: _user(spec) for spec in DEMO_USERS}
    home = _home()
    _journal_settings()
    sections = _sections(home)
    _access_to_information(home)
    editorial_roles_setup(root_page=home)
    collaborator_assign_sections(
        user=users["congtacvien"], sections=[sections[key] for key in COLLABORATOR_SECTIONS]
    )
    images = _images()
    for index, spec in enumerate(sorted(content.ARTICLES, key=lambda a: a["published_at"])):
        _article(spec, sections, users, images[index % len(images)] if spec.get("featured") else None)
    _draft_in_review(sections["tin-tuc"], users["phongvien"])
    return {"created": True, "articles": len(content.ARTICLES), "users": [u.username for u in DEMO_USERS]}


def _user(spec: DemoUser) -> User:
    user = User.objects.filter(username=spec.username).first()
    if user is None:
        user = User(
            username=spec.username,
            first_name=spec.first_name,
            last_name=spec.last_name,
            pen_name=spec.pen_name,
            email=f"{spec.username}@congtin.test",
            is_superuser=spec.role is None,
            is_staff=spec.role is None,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
    if spec.role is not None and spec.role is not roles.COLLABORATOR:
        user_assign_role(user=user, role=spec.role)
    return user


def _home() -> HomePage:
    root = Page.get_first_root_node()
    home = HomePage(title="Tạp chí Tổ chức nhà nước", slug="trang-chu", seo_title="Tạp chí Tổ chức nhà nước")
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "Tạp chí Tổ chức nhà nước"
    site.save()
    if old_root is not None and old_root.pk != home.pk and old_root.specific_class != HomePage:
        old_root.delete()
    return home


def _journal_settings() -> None:
    site = Site.objects.get(is_default_site=True)
    settings = JournalSettings.for_site(site)
    settings.journal_name = "Tạp chí Tổ chức nhà nước"
    settings.journal_name_en = "State Organization Journal"
    settings.governing_agency = "Bộ Nội vụ"
    settings.licence_number = "000/GP-BVHTTDL"
    settings.licence_date = dt.date(2025, 1, 1)
    settings.licence_issuer = "Bộ Văn hóa, Thể thao và Du lịch (dữ liệu mẫu)"
    settings.editor_in_chief = "Nguyễn Văn Bình (dữ liệu mẫu)"
    settings.address = "Số 8 Tôn Thất Thuyết, Cầu Giấy, Hà Nội"
    settings.phone = "024 0000 0000"
    settings.email = "toasoan@congtin.test"
    settings.copyright_notice = "Nội dung mẫu của dự án congtin — không phải thông tin chính thức."
    settings.save()


def _sections(home: HomePage) -> dict[str, SectionPage]:
    made: dict[str, SectionPage] = {}

    def add(parent: Page, spec: dict[str, Any]) -> None:
        section = SectionPage(title=spec["title"], intro=spec["intro"], show_in_menus=parent.pk == home.pk)
        parent.add_child(instance=section)
        section.save_revision().publish()
        made[spec["key"]] = section
        for child in spec.get("children", []):
            add(section, child)

    for spec in content.SECTIONS:
        add(home, spec)
    return made


def _access_to_information(home: HomePage) -> bool:
    """The "Tiếp cận thông tin" section, after the sections in the menu; whether it was created now."""
    _page, created = document_services.access_to_information_ensure(
        home=home,
        intro=(
            "Văn bản do các cơ quan ban hành và Tạp chí đăng tải, tra cứu theo số ký hiệu, loại văn bản, "
            "cơ quan ban hành, lĩnh vực, năm và tình trạng hiệu lực (dữ liệu mẫu)."
        ),
    )
    return created


def _images() -> list[Image]:
    images = []
    for index, colour in enumerate(_PALETTE):
        canvas = PILImage.new("RGB", (1200, 750), colour)
        draw = ImageDraw.Draw(canvas)
        for step in range(0, 1200, 60):
            shade = tuple(min(255, c + 40) for c in colour)
            draw.rectangle([step, 600 - step // 3, step + 40, 750], fill=shade)
        buffer = io.BytesIO()
        canvas.save(buffer, format="JPEG", quality=80)
        image = Image(title=f"Ảnh minh họa {index + 1}")
        image.file.save(
            f"minh-hoa-{index + 1}.jpg", ImageFile(buffer, name=f"minh-hoa-{index + 1}.jpg"), save=False
        )
        image.save()
        images.append(image)
    return images


def _stream(body: list[dict[str, Any]]) -> list[dict[str, Any]]:
    blocks = []
    for block in body:
        kind, value = block["type"], block["value"]
        if kind == "heading":
            value = {"text": value, "level": "h2"}
        elif kind == "list":
            value = {"style": "ul", "items": list(value)}
        elif kind == "table":
            value = {
                "caption": value.get("caption", ""),
                "table": {
                    "data": [list(value["header"]), *[list(row) for row in value["rows"]]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "",
                },
            }
        blocks.append({"type": kind, "value": value})
    return blocks


def _local(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso).replace(tzinfo=VIETNAM_TZ)


def _article(
    spec: dict[str, Any], sections: dict[str, SectionPage], users: dict[str, User], image: Image | None
) -> ArticlePage:
    author_key = {"reporter": "phongvien", "collaborator": "congtacvien", "editor": "bientap"}.get(
        spec.get("author") or ""
    )
    article = ArticlePage(
        title=spec["title"],
        summary=spec["summary"],
        dateline_place=spec.get("dateline_place", ""),
        dateline_date=dt.date.fromisoformat(spec["dateline_date"]) if spec.get("dateline_date") else None,
        byline=spec.get("byline", ""),
        author=users.get(author_key) if author_key else None,
        is_top_story=bool(spec.get("featured")),
        feed_image=image,
        body=_stream(spec["body"]),
        first_published_at=_local(spec["published_at"]),
        owner=users.get(author_key or "phongvien"),
    )
    sections[spec["section"]].add_child(instance=article)
    article.tags.add(*spec.get("tags", []))
    revision = article.save_revision(user=article.owner)
    revision.publish(user=users["tongbientap"])
    return article


def _draft_in_review(section: SectionPage, reporter: User) -> None:
    """One reporter's draft waiting in the workflow, so the editorial chain has something to show."""
    draft = ArticlePage(
        title="Hội nghị tập huấn nghiệp vụ biên tập cho phóng viên, cộng tác viên",
        summary="Bản thảo mẫu đang chờ Biên tập viên duyệt trong quy trình hai bước.",
        dateline_place="Hà Nội",
        body=[{"type": "paragraph", "value": "<p>Bản thảo đang chờ duyệt: chưa được công khai.</p>"}],
        live=False,
        owner=reporter,
        author=reporter,
    )
    section.add_child(instance=draft)
    draft.save_revision(user=reporter)
    workflow = draft.get_workflow()
    if workflow is not None:
        workflow.start(draft, reporter)
