from __future__ import annotations

import json

import pytest

from congtin.demo import content
from congtin.demo.documents import DOCUMENTS, RELATIONS, demo_documents_load
from congtin.documents import queries
from congtin.documents.models import DocumentRelation, OfficialDocument
from congtin.vietnamese.citations import find_citations

pytestmark = pytest.mark.django_db

REFERENCE_CITES = ("12/CT-TTg", "2761/BNV-TC", "09/2017/NĐ-CP", "52-QĐ/TW", "08-HD/BTGTW", "02-NQ/TW")


def _text(article: dict) -> str:
    return json.dumps(article, ensure_ascii=False, default=str)


def test_the_demo_registry_holds_thirty_published_documents_with_relations_and_loads_once():
    assert demo_documents_load() == len(DOCUMENTS) >= 30
    assert demo_documents_load() == len(DOCUMENTS)
    assert OfficialDocument.objects.published().count() == len(DOCUMENTS)
    assert DocumentRelation.objects.count() == len(RELATIONS)
    for symbol in REFERENCE_CITES:
        assert queries.document_by_symbol(symbol) is not None, symbol


def test_the_reference_article_citations_resolve_with_matching_dates():
    demo_documents_load()
    reference = next(a for a in content.ARTICLES if a["key"] == content.REFERENCE_ARTICLE_KEY)
    citations = find_citations(_text(reference))
    assert citations
    for citation in citations:
        document = queries.document_by_symbol(citation.symbol.canonical)
        assert document is not None, citation.printed
        assert citation.issued in (None, document.issued_on), citation.printed


def test_every_dated_citation_in_the_demo_articles_agrees_with_the_registry():
    demo_documents_load()
    for article in content.ARTICLES:
        for citation in find_citations(_text(article)):
            document = queries.document_by_symbol(citation.symbol.canonical)
            if document is not None and citation.issued and document.issued_on:
                assert citation.issued == document.issued_on, (article["key"], citation.printed)


def test_a_merged_issuer_and_a_replaced_decree_show_in_the_demo():
    demo_documents_load()
    circular = queries.document_by_symbol("26/2020/TT-BTTTT")
    assert circular.issuer.current.abbreviation == "BKHCN"
    old = queries.document_by_symbol("43/2011/NĐ-CP")
    assert queries.document_verify(symbol="43/2011/NĐ-CP").mismatches == [
        "văn bản đã hết hiệu lực; bị thay thế bởi Nghị định 42/2022/NĐ-CP"
    ]
    assert [r.label for r in queries.document_relations(old)] == ["bị thay thế bởi"]
