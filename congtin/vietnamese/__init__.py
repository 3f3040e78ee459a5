"""Vietnamese-language helpers shared by every app: text folding, slugs, dates,
document symbols ("số, ký hiệu") and citations of official documents.

Kept free of Django so it can be used from migrations, importers and plain
scripts, and so the rules (which are about the language, not the framework) are
tested in isolation.
"""

from congtin.vietnamese.citations import Citation, find_citations
from congtin.vietnamese.dates import (
    VIETNAM_TZ,
    format_date,
    format_dateline,
    format_datetime,
    format_long_date,
    weekday_name,
)
from congtin.vietnamese.slugs import slugify, unique_slug
from congtin.vietnamese.symbols import (
    PARTY_TYPE_CODES,
    TYPE_CODES,
    TYPE_NAMES,
    DocumentSymbol,
    Grammar,
    SymbolError,
    canonical_symbol,
    parse_symbol,
    symbol_search_keys,
)
from congtin.vietnamese.text import fold, nfc

__all__ = [
    "PARTY_TYPE_CODES",
    "TYPE_CODES",
    "TYPE_NAMES",
    "VIETNAM_TZ",
    "Citation",
    "DocumentSymbol",
    "Grammar",
    "SymbolError",
    "canonical_symbol",
    "find_citations",
    "fold",
    "format_date",
    "format_dateline",
    "format_datetime",
    "format_long_date",
    "nfc",
    "parse_symbol",
    "slugify",
    "symbol_search_keys",
    "unique_slug",
    "weekday_name",
]
