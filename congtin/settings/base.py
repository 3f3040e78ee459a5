"""Settings shared by every environment. The environment files state only their differences."""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from congtin.settings.env import env_bool, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "congtin"

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", default=False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "congtin.users",
    "congtin.core",
    "congtin.news",
    "congtin.documents",
    "congtin.cases",
    "congtin.search",
    "congtin.frontcache",
    "congtin.demo.apps.DemoConfig",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so it sees the final response: Cache-Control and cache tags for the front cache (0018).
    "congtin.frontcache.middleware.CacheHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before sessions, users and Wagtail: an anonymous reader's article, section or home page (0026).
    "congtin.news.fastpath.FastPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "congtin.core.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "congtin.news.middleware.WithdrawnArticleMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "congtin.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "congtin.wsgi.application"

# SQLite file by default so a fresh clone runs with nothing installed; PostgreSQL in production.
# Each worker keeps its database connection for DATABASE_CONN_MAX_AGE seconds (checked before reuse): a
# new PostgreSQL backend costs about 2 ms to start and 3-20 ms more on its first search (the partitioned
# search tables' catalog), and the lean path's prepared statements live as long as their connection.
# 0 behind a pooler in transaction mode.
CONN_MAX_AGE = int(env_str("DATABASE_CONN_MAX_AGE", "600"))
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=CONN_MAX_AGE,
        conn_health_checks=True,
    )
}
# The embedded default serves several gunicorn workers and the task worker from one file
# (docs/decisions/0026, its 2026-11-29 SQLite section):
# - WAL: readers do not wait for a writer, nor a writer for readers (the rollback journal locks the
#   whole file while a write commits); with it, NORMAL sync keeps the file consistent and may lose only
#   the last transactions at a power cut, and spares an fsync per commit;
# - IMMEDIATE: a transaction takes the write lock when it begins, so two that read then write wait
#   for each other (the busy timeout) instead of one failing with "database is locked";
# - a 20 s busy timeout (Python's default is 5 s) for a writer behind a long one (a bulk import);
# - reads through a memory map of up to 256 MiB (the operating system's page cache, shared by the
#   workers) besides 16 MiB of SQLite's own cache per connection; temporary tables in memory.
SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-16384; "
        "PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "users.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English second.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
# Our own vi formats: Django's vi locale has no input formats, so "09/06/2021" would parse as 6 September.
FORMAT_MODULE_PATH = ["congtin.formats"]

WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False
WAGTAIL_DATE_FORMAT = "d/m/Y"
WAGTAIL_DATETIME_FORMAT = "d/m/Y H:i"
WAGTAIL_TIME_FORMAT = "H:i"

STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "congtin")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "xls", "odt", "ods", "zip"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Largest PDF/DOCX file a registry entry (văn bản) may carry, in bytes.
CONGTIN_DOCUMENT_MAX_UPLOAD = int(env_str("CONGTIN_DOCUMENT_MAX_UPLOAD", str(20 * 1024 * 1024)))
# Public intake (cases): requesters' files live outside MEDIA_ROOT and have no public URL (docs/decisions/0015).
CONGTIN_CASE_FILES_ROOT = Path(env_str("CONGTIN_CASE_FILES_ROOT", str(BASE_DIR / "private" / "case-files")))
# Personal data of a case closed this many days ago is erased by `manage.py erase_expired_case_data`.
CONGTIN_CASE_RETENTION_DAYS = int(env_str("CONGTIN_CASE_RETENTION_DAYS", "365"))
# The cache the intake and lookup rate limits count in (Redis in production, shared by every worker).
CONGTIN_RATELIMIT_CACHE = env_str("CONGTIN_RATELIMIT_CACHE", "default")
# The request header the trusted reverse proxy puts the client's address in; empty: REMOTE_ADDR.
CONGTIN_CLIENT_IP_HEADER = env_str("CONGTIN_CLIENT_IP_HEADER", "")

# The editor-in-chief answers for what is published: an edit after an approval goes back to the
# start of the workflow instead of riding on the earlier approval.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILREDIRECTS_AUTO_CREATE = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Public search (congtin.search). Empty: tantivy on SQLite, tsvector on PostgreSQL (docs/decisions/0010,
# 0024); "congtin.search.backends.sqlite.SQLiteFTS5Backend" for FTS5.
CONGTIN_SEARCH_BACKEND = env_str("CONGTIN_SEARCH_BACKEND", "")
# The tantivy backend's folder. Empty: beside the SQLite file ("db.sqlite3" -> "db.search-index").
CONGTIN_SEARCH_INDEX_DIR = env_str("CONGTIN_SEARCH_INDEX_DIR", "")
# Seconds a tantivy write waits for another process's lock before leaving its work to the catch-up
# (manage.py search_index_catch_up, docs/deployment.md).
CONGTIN_SEARCH_LOCK_TIMEOUT = float(env_str("CONGTIN_SEARCH_LOCK_TIMEOUT", "5"))

# Redis when REDIS_URL is set (production), otherwise Django's per-process memory cache. The Redis
# backend answers like a miss when Redis is down (congtin/core/cache.py, decision 0018).
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "congtin.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "congtin",
        }
    }
# Let Django serve MEDIA_ROOT outside DEBUG (make run-prod only; never on a real server).
CONGTIN_SERVE_MEDIA = env_bool("CONGTIN_SERVE_MEDIA")
# The lean path's listings as statements prepared once per PostgreSQL connection (decision 0026); false
# behind a connection pooler in transaction mode that does not carry prepared statements (PgBouncer < 1.21).
CONGTIN_PREPARED_LISTINGS = env_bool("CONGTIN_PREPARED_LISTINGS", True)
# Seconds a web process serves readers' lean pages at the structure version it read last before reading
# it again (news.fastpath._structure_version): a change to sections, menus, restrictions or sites
# reaches them at most this much later. 0 reads it on every request.
CONGTIN_LEAN_VERSION_MAX_AGE = float(env_str("CONGTIN_LEAN_VERSION_MAX_AGE", "0.1"))
# Characters of article texts each web process keeps in its own memory besides the shared cache
# (news.texts.kept_text): 4,000,000 hold some 400-1,000 articles in 8-16 MB per process; 0 keeps none.
CONGTIN_TEXTS_IN_PROCESS = int(env_str("CONGTIN_TEXTS_IN_PROCESS", "4000000"))
# Front caches (Varnish) to ban after a publish, e.g. "http://127.0.0.1:6081"; none: nothing is sent.
CONGTIN_FRONTCACHE_HOSTS = env_list("CONGTIN_FRONTCACHE_HOSTS")
# A read replica: when set, reads go to it through congtin.core.routers.ReplicaRouter.
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=CONN_MAX_AGE, conn_health_checks=True
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["congtin.core.routers.ReplicaRouter"]
    MIDDLEWARE.insert(1, "congtin.core.routers.PrimaryDatabaseMiddleware")

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LOGIN_URL = "wagtailadmin_login"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
