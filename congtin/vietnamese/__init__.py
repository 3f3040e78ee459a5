"""Vietnamese-language helpers shared by every app: text folding, tone placement,
search tokens and queries, legacy-encoding conversion, slugs, dates, document symbols
("số, ký hiệu") and citations of official documents.

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
from congtin.vietnamese.legacy import detect_legacy_encoding, legacy_to_unicode, to_unicode
from congtin.vietnamese.pii import PiiKind, PiiSpan, find_pii, mask_pii
from congtin.vietnamese.query import ParsedQuery, parse_query
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
from congtin.vietnamese.tokens import Token, index_terms, symbol_keys, symbol_query_terms, tokenize
from congtin.vietnamese.tones import accent_key, normalize_tones

__all__ = [
    "PARTY_TYPE_CODES",
    "TYPE_CODES",
    "TYPE_NAMES",
    "VIETNAM_TZ",
    "Citation",
    "DocumentSymbol",
    "Grammar",
    "ParsedQuery",
    "PiiKind",
    "PiiSpan",
    "SymbolError",
    "Token",
    "accent_key",
    "canonical_symbol",
    "detect_legacy_encoding",
    "find_citations",
    "find_pii",
    "fold",
    "format_date",
    "format_dateline",
    "format_datetime",
    "format_long_date",
    "index_terms",
    "legacy_to_unicode",
    "mask_pii",
    "nfc",
    "normalize_tones",
    "parse_query",
    "parse_symbol",
    "slugify",
    "symbol_keys",
    "symbol_query_terms",
    "symbol_search_keys",
    "to_unicode",
    "tokenize",
    "unique_slug",
    "weekday_name",
]
