"""Reads of published news shared by pages, feeds and the API.

Every function returns only what the public may see (live and without view restrictions) and
applies the joins its callers need, so listings run a constant number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db import connections, router
from django.db.models.expressions import RawSQL
from django.http import Http404
from taggit.models import Tag
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.query import PageQuerySet

from congtin.core import structure
from congtin.core.queries import without_view_restrictions

if TYPE_CHECKING:
    from congtin.news.models import ArticlePage, HomePage, SectionPage
    from congtin.users.models import User

LATEST_PER_SECTION = 5
TOP_STORIES = 5
APPROVAL_ACTIONS = ("wagtail.publish", "wagtail.publish.schedule", "wagtail.workflow.approve")
# A revision that was submitted for review, approved, scheduled or published is part of the record.
SEALING_ACTIONS = (*APPROVAL_ACTIONS, "wagtail.publish.scheduled", "wagtail.workflow.start")
# The listings version (``core.models.DataVersion``) as a scalar subquery, to read with what it versions.
LISTINGS_VERSION_SQL = (
    f"(SELECT v.counter FROM core_dataversion v WHERE v.name = '{structure.LISTINGS_DATA}')"  # noqa: S608
)
# A count is found again by its version, which never comes back, even after a database restore (the
# counters are raised past the clock, decision 0026); the timeout lets unread counts go.
SECTION_COUNT_TIMEOUT = 24 * 60 * 60
COUNTS_KEPT = 1024  # in each process, by key: a new version's keys leave the old ones unread
_counts_kept: dict[str, int] = {}


def _article_model() -> type[ArticlePage]:
    from congtin.news.models import ArticlePage

    return ArticlePage


def articles_public() -> PageQuerySet:
    """Published, unrestricted articles, newest first, without their bodies (listings never need them)."""
    queryset = (
        _article_model()
        .objects.live()
        .defer_streamfields()
        .select_related("feed_image", "author")
        # Renditions come with their images, so a listing's thumbnails cost one query, not one each.
        .prefetch_related("feed_image__renditions")
        .order_by("-first_published_at", "-pk")
    )
    return without_view_restrictions(queryset)


def related_in_section(*, article: ArticlePage, limit: int = LATEST_PER_SECTION) -> PageQuerySet:
    """The newest other articles of the article's own section ("Tin tức cùng chuyên mục")."""
    parent_path = article.path[: -article.steplen]
    return (
        articles_public()
        .filter(path__startswith=parent_path, depth=article.depth)
        .exclude(pk=article.pk)[:limit]
    )


def section_articles(*, section: SectionPage) -> PageQuerySet:
    """Every published article in the section and its sub-sections."""
    return articles_public().descendant_of(section)


def section_count_sql(vendor: str) -> str:
    """The count of a section's live articles, its sub-sections' included; parameters: the article content
    type, the section's path and ``prefix_wildcard``, its depth.

    It reads one index only: on PostgreSQL ``news_live_page_path`` (migration news 0004, an index-only
    scan through LIKE), on SQLite ``news_page_listing`` (news 0005: content type, path, depth, live),
    reached through ``GLOB``, which is case-sensitive and so may use an index on a column of the binary
    collation, where SQLite's LIKE may not."""
    operator = "GLOB" if vendor == "sqlite" else "LIKE"
    return (
        "SELECT COUNT(*) FROM wagtailcore_page q "  # noqa: S608 - constants
        f"WHERE q.content_type_id = %s AND q.path {operator} %s AND q.depth > %s AND q.live"
    )


def prefix_wildcard(vendor: str) -> str:
    return "*" if vendor == "sqlite" else "%"


def page_connection() -> Any:
    """The database the router reads pages from (the replica for anonymous readers)."""
    return connections[router.db_for_read(Page)]


def listings_version() -> int | None:
    """The listings version (``structure.LISTINGS_DATA``): raised in the transaction of every change to
    which articles are live under which section; None until the first such change."""
    with page_connection().cursor() as cursor:
        cursor.execute(f"SELECT {LISTINGS_VERSION_SQL}")
        row = cursor.fetchone()
    return row[0] if row else None


def section_count_key(section_id: int, version: int | None, structure_version: str) -> str:
    return f"news:section-count:{structure_version}:{section_id}:{version}"


def section_article_count(
    *, section_id: int, path: str, depth: int, version: int | None, structure_version: str
) -> int:
    """How many live articles the section and its sub-sections hold, view restrictions ignored (a caller
    whose section has one counts its own way), as of listings version ``version``, which the caller read
    with its rows (decision 0026).

    From this process's memory or the cache when counted before at this version; otherwise counted
    (``section_count_sql``: on PostgreSQL 0.44 ms for 2,000 articles, 2.6 ms for 20,000) and kept under the version read
    in the same statement as the count, so a count is never kept under a version other than that of the
    rows it counted. The key names the structure version too, so that a new one (``manage.py
    reset_derived_data``, after a database restore) empties every process's memory of counts with it.
    With the cache away (``ResilientRedisCache`` answers a miss) every request has a structure version
    of its own and counts, as before."""
    key = section_count_key(section_id, version, structure_version)
    count = _counts_kept.get(key)
    if count is None:
        count = cache.get(key)
    if count is None:
        from django.contrib.contenttypes.models import ContentType

        connection = page_connection()
        vendor = connection.vendor
        article_type = ContentType.objects.get_for_model(_article_model()).pk
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT ({section_count_sql(vendor)}), {LISTINGS_VERSION_SQL}",
                (article_type, path + prefix_wildcard(vendor), depth),
            )
            count, counted_at = cursor.fetchone()
        key = section_count_key(section_id, counted_at, structure_version)
        cache.set(key, count, SECTION_COUNT_TIMEOUT)
    if len(_counts_kept) >= COUNTS_KEPT:
        _counts_kept.clear()
    _counts_kept[key] = count
    return int(count)


def section_featured(*, section: SectionPage) -> ArticlePage | None:
    featured_id = section.featured_article_id
    if featured_id:
        chosen = section_articles(section=section).filter(pk=featured_id).first()
        if chosen is not None:
            return chosen
    return section_articles(section=section).first()


def subsections(*, section: SectionPage) -> PageQuerySet:
    from congtin.news.models import SectionPage

    return without_view_restrictions(SectionPage.objects.child_of(section).live()).order_by("path")


def top_stories(*, home: HomePage, limit: int = TOP_STORIES) -> list[ArticlePage]:
    """Articles marked as top stories; the newest articles fill the places left."""
    chosen = list(articles_public().descendant_of(home).filter(is_top_story=True)[:limit])
    if len(chosen) < limit:
        chosen += list(
            articles_public()
            .descendant_of(home)
            .exclude(pk__in=[a.pk for a in chosen])[: limit - len(chosen)]
        )
    return chosen


def latest_by_section(*, home: HomePage, per_section: int = LATEST_PER_SECTION) -> list[dict[str, Any]]:
    """Each top-level section with its newest articles (sub-sections included), in two queries.

    The articles come from one statement holding, per section, a newest-first ``LIMIT`` subquery
    joined by ``UNION ALL``: each arm stops after ``per_section`` rows, where ranking every article
    of the site with a window function grew with the archive (727 ms of database time at 10,000
    articles on PostgreSQL, docs/benchmarks/2026-11-28-web.md).
    """
    from congtin.news.models import SectionPage

    sections = list(without_view_restrictions(SectionPage.objects.child_of(home).live()).order_by("path"))
    if not sections:
        return []
    arms: list[str] = []
    params: list[Any] = []
    for n, section in enumerate(sections):
        newest = articles_public().descendant_of(section).values("pk")[:per_section]
        sql, arm_params = newest.query.sql_with_params()
        arms.append(f"SELECT * FROM ({sql}) AS newest_{n}")  # noqa: S608 (Django-compiled SQL)
        params.extend(arm_params)
    articles = articles_public().filter(pk__in=RawSQL(" UNION ALL ".join(arms), params))  # noqa: S611
    by_section: dict[str, list[ArticlePage]] = defaultdict(list)
    section_path_len = len(home.path) + home.steplen
    for article in articles:
        by_section[article.path[:section_path_len]].append(article)
    return [{"section": s, "articles": by_section.get(s.path, [])} for s in sections]


def feed_articles(*, within: Page, limit: int) -> PageQuerySet:
    """The newest published articles at or below ``within`` (the home page or a section), for feeds."""
    return articles_public().descendant_of(within)[:limit]


def parent_titles(articles: list[ArticlePage]) -> dict[str, str]:
    """Titles of the articles' parents (their sections) by tree path, in one query."""
    paths = {article.path[: -article.steplen] for article in articles}
    if not paths:
        return {}
    return dict(Page.objects.filter(path__in=paths).values_list("path", "title"))


def tag_by_slug(slug: str) -> Tag:
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404
    return tag


def articles_tagged(*, home: HomePage, tag: Tag) -> PageQuerySet:
    return articles_public().descendant_of(home).filter(tags=tag).distinct()


def publication_approver(revision: Revision) -> User | None:
    """Who approved ``revision`` for publication, read from the audit log.

    The editor-in-chief either approved the last workflow step (which publishes or schedules the
    revision) or published it directly; scheduled publication later runs without a user, so the
    approval is the latest of those log entries that names one.
    """
    entry = (
        PageLogEntry.objects.filter(revision=revision, action__in=APPROVAL_ACTIONS, user__isnull=False)
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.user if entry else None


def revision_is_sealed(*, page: Page, revision_id: int) -> bool:
    """Whether the page's revision was submitted, approved, scheduled or published, so must not change."""
    if revision_id == page.live_revision_id:
        return True
    return (
        Revision.objects.filter(pk=revision_id, approved_go_live_at__isnull=False).exists()
        or PageLogEntry.objects.filter(
            page=page, revision_id=revision_id, action__in=SEALING_ACTIONS
        ).exists()
    )


def published_articles_within(page: Any) -> PageQuerySet:
    """Articles at or below ``page`` that were ever published: the Press Law says they must be kept."""
    return _article_model().objects.descendant_of(page, inclusive=True).exclude(first_published_at=None)
