import os
import tempfile
from pathlib import Path

from congtin.settings.base import *

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / ".test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
CONGTIN_CASE_FILES_ROOT = BASE_DIR / ".test-private" / "case-files"
# The tantivy index of a test process; the root conftest gives every test a folder of its own.
CONGTIN_SEARCH_INDEX_DIR = str(
    Path(tempfile.gettempdir())
    / f"congtin-test-search-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{os.getpid()}"
)

# Tests change the structure and read the next page at once: every lean page reads the version.
CONGTIN_LEAN_VERSION_MAX_AGE = 0.0
