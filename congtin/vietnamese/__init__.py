"""Vietnamese-language helpers shared by every app: text folding, slugs, dates.

Kept free of Django so it can be used from migrations, importers and plain
scripts, and so the rules (which are about the language, not the framework) are
tested in isolation.
"""

from congtin.vietnamese.dates import (
    VIETNAM_TZ,
    format_date,
    format_dateline,
    format_datetime,
    format_long_date,
    weekday_name,
)
from congtin.vietnamese.slugs import slugify, unique_slug
from congtin.vietnamese.text import fold, nfc

__all__ = [
    "VIETNAM_TZ",
    "fold",
    "format_date",
    "format_dateline",
    "format_datetime",
    "format_long_date",
    "nfc",
    "slugify",
    "unique_slug",
    "weekday_name",
]
