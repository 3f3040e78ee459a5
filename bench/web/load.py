"""Fill one site's database with the bench corpus; run as a child process with that site's settings.

    DJANGO_SETTINGS_MODULE=congtin.settings.production python -m bench.web.load congtin corpus.jsonl
    DJANGO_SETTINGS_MODULE=vanilla.settings.bench python -m bench.web.load vanilla corpus.jsonl

Migrates, builds the site (home page, sections; the congtin portal through ``setup_portal``'s service),
adds the corpus articles with :func:`bench.web.treebuild.pages_bulk_create`, builds the site's search
index (congtin: ``rebuild_search_index``, then ``render_article_texts``; vanilla: Wagtail's
``update_index``) and collects static files. Prints one JSON object on the last line: the paths to measure and the timings.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import django

if TYPE_CHECKING:
    from bench.web.corpus import CorpusArticle

SAMPLE_ARTICLES = 100


def article_rows(
    articles: Iterable[CorpusArticle], *, heading_block: bool = True
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """``pages_bulk_create`` rows for congtin's ``ArticlePage`` and the vanilla ``NewsArticlePage`` alike
    (the two models have the same fields; the body's heading block differs: ``heading_block`` for
    congtin's, a plain string for vanilla's)."""
    for article in articles:
        published = dt.datetime.fromisoformat(article.published_at)
        page = {"title": article.title, "slug": article.slug, "first_published_at": published}
        own = {
            "dateline_place": article.dateline_place,
            "dateline_date": published.date(),
            "summary": article.summary,
            "body": article.body_blocks(heading_block=heading_block),
            "byline": article.byline,
            "is_top_story": article.is_top_story,
        }
        yield page, own


def _rows(
    corpus: Path, section: int, *, heading_block: bool
) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    from bench.web.corpus import corpus_read

    return article_rows((a for a in corpus_read(corpus) if a.section == section), heading_block=heading_block)


def _sample_paths(corpus: Path, section_paths: list[str]) -> list[str]:
    """``SAMPLE_ARTICLES`` article paths spread evenly over the corpus (old and new, every section)."""
    from bench.web.corpus import corpus_read

    slugs = [(a.section, a.slug) for a in corpus_read(corpus)]
    count = min(SAMPLE_ARTICLES, len(slugs))
    picked = sorted({round(i * (len(slugs) - 1) / max(count - 1, 1)) for i in range(count)})
    return [f"{section_paths[slugs[i][0]]}{slugs[i][1]}/" for i in picked]


def _quiet_command(*args: str) -> str:
    from django.core.management import call_command

    out = io.StringIO()
    call_command(*args, stdout=out, stderr=out)
    return out.getvalue()


def congtin_build(corpus: Path) -> dict[str, Any]:
    from wagtail.models import Site

    from bench.web.corpus import SECTIONS
    from bench.web.treebuild import pages_bulk_create
    from congtin.core.models import JournalSettings
    from congtin.news.models import ArticlePage, SectionPage
    from congtin.news.services import listings_changed, portal_setup

    timings: dict[str, float] = {}
    started = time.monotonic()
    home = portal_setup(site_name="Tạp chí Tổ chức nhà nước")
    site = Site.objects.get(is_default_site=True)
    journal = JournalSettings.for_site(site)
    journal.journal_name = "Tạp chí Tổ chức nhà nước"
    journal.governing_agency = "Bộ Nội vụ"
    journal.licence_number = "000/GP-BVHTTDL"
    journal.editor_in_chief = "Nguyễn Văn Bình"
    journal.address = "Số 8 Tôn Thất Thuyết, Cầu Giấy, Hà Nội"
    journal.save()
    sections = []
    for slug, title in SECTIONS:
        section = SectionPage(title=title, slug=slug, intro=f"Chuyên mục {title}.", show_in_menus=True)
        home.add_child(instance=section)
        section.save_revision().publish()
        sections.append(section)
    for index, section in enumerate(sections):
        pages_bulk_create(parent=section, model=ArticlePage, rows=_rows(corpus, index, heading_block=True))
    # Rows written without Wagtail's saves send no signals: the sections' kept counts go by this version.
    listings_changed()
    timings["pages_s"] = time.monotonic() - started
    started = time.monotonic()
    _quiet_command("rebuild_search_index")
    timings["search_index_s"] = time.monotonic() - started
    started = time.monotonic()
    # Each article's text with its citation links, ahead of readers as after a bulk import (decision 0026).
    _quiet_command("render_article_texts")
    timings["article_texts_s"] = time.monotonic() - started
    section_paths = [s.get_url() for s in sections]
    return {"sections": section_paths, "articles": _sample_paths(corpus, section_paths), "timings": timings}


def vanilla_build(corpus: Path) -> dict[str, Any]:
    from wagtail.models import Page, Site

    from bench.web.corpus import SECTIONS
    from bench.web.treebuild import pages_bulk_create
    from bench.web.vanilla_news.models import NewsArticlePage, NewsHomePage, NewsSectionPage

    timings: dict[str, float] = {}
    started = time.monotonic()
    root = Page.get_first_root_node()
    home = NewsHomePage(title="Tạp chí Tổ chức nhà nước", slug="trang-chu")
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.site_name = "Tạp chí Tổ chức nhà nước"
    site.save()
    welcome.delete()  # the template's "Welcome to your new Wagtail site!" page
    sections = []
    for slug, title in SECTIONS:
        section = NewsSectionPage(title=title, slug=slug, intro=f"Chuyên mục {title}.", show_in_menus=True)
        home.add_child(instance=section)
        section.save_revision().publish()
        sections.append(section)
    for index, section in enumerate(sections):
        pages_bulk_create(
            parent=section, model=NewsArticlePage, rows=_rows(corpus, index, heading_block=False)
        )
    timings["pages_s"] = time.monotonic() - started
    started = time.monotonic()
    _quiet_command("update_index")
    timings["search_index_s"] = time.monotonic() - started
    section_paths = [s.get_url() for s in sections]
    return {"sections": section_paths, "articles": _sample_paths(corpus, section_paths), "timings": timings}


def main() -> None:
    site, corpus = sys.argv[1], Path(sys.argv[2])
    django.setup()
    started = time.monotonic()
    _quiet_command("migrate", "--noinput")
    migrate_s = time.monotonic() - started
    result = (congtin_build if site == "congtin" else vanilla_build)(corpus)
    result["timings"]["migrate_s"] = migrate_s
    _quiet_command("collectstatic", "--noinput")
    from django.db import connection

    if connection.vendor == "postgresql":
        # Planner statistics for the freshly loaded tables, as autovacuum would gather them soon after.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(json.dumps(result, ensure_ascii=False))  # noqa: T201 - the parent reads this line


if __name__ == "__main__":
    main()
