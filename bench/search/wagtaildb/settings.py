"""Settings for the Wagtail search worker: the project's test settings on a throwaway database."""

import os

import dj_database_url

from congtin.settings.test import *  # noqa: F403

INSTALLED_APPS = [
    *INSTALLED_APPS,  # noqa: F405
    "bench.search.wagtaildb.apps.BenchSearchConfig",
]
DATABASES = {"default": dj_database_url.parse(os.environ["CONGTIN_BENCH_DATABASE_URL"])}
# The project's tantivy index beside the throwaway (or kept) SQLite file, not in the test folder.
CONGTIN_SEARCH_INDEX_DIR = ""
