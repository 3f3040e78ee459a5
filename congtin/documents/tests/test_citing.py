"""Finding where to link citations in stored text, and splicing links in, without a database."""

from __future__ import annotations

from congtin.documents.citing import Passage, locate, source_hash, splice


def _linked(source: str, kind: str = "html") -> list[str]:
    return [source[f.start : f.end] for f in locate(Passage("body/x", kind, source)) if f.start is not None]


def test_a_citation_is_linked_from_its_type_name_to_the_end_of_its_symbol():
    source = "<p>Thực hiện <b>Chỉ thị số 12/CT-TTg ngày 12/5/2021</b> của Thủ tướng Chính phủ.</p>"
    assert _linked(source) == ["Chỉ thị số 12/CT-TTg"]


def test_a_bare_symbol_is_linked_alone():
    assert _linked("<p>Bộ Nội vụ có văn bản số 2761/BNV-TC hướng dẫn.</p>") == ["2761/BNV-TC"]


def test_citations_inside_an_existing_link_are_found_but_not_linked():
    source = '<p>Xem <a href="https://vbpl.vn/x">Nghị định 09/2017/NĐ-CP</a> và Nghị định 13/2018/NĐ-CP.</p>'
    found = locate(Passage("body/x", "html", source))
    assert [f.citation.symbol.canonical for f in found] == ["09/2017/NĐ-CP", "13/2018/NĐ-CP"]
    assert (found[0].start, found[0].end) == (None, None)
    assert source[found[1].start : found[1].end] == "Nghị định 13/2018/NĐ-CP"


def test_symbols_in_attributes_are_never_read():
    source = '<p><a href="/van-ban/12/CT-TTg" title="Chỉ thị 12/CT-TTg">đây</a></p>'
    assert locate(Passage("body/x", "html", source)) == []


def test_a_type_name_split_from_its_symbol_by_a_tag_falls_back_to_the_symbol():
    assert _linked("<p>Theo <i>Nghị định số</i> 09/2017/NĐ-CP.</p>") == ["09/2017/NĐ-CP"]


def test_a_symbol_split_by_a_tag_is_indexed_without_a_link():
    found = locate(Passage("body/x", "html", "<p>Nghị định số 09/2017/<b>NĐ-CP</b>.</p>"))
    assert [f.citation.symbol.canonical for f in found] == ["09/2017/NĐ-CP"]
    assert found[0].start is None


def test_paragraphs_do_not_run_together():
    # "12/CT-" at the end of one paragraph and "TTg" at the start of the next are two texts.
    assert locate(Passage("body/x", "html", "<p>Số 12/CT-</p><p>TTg ban hành.</p>")) == []


def test_entities_keep_offsets_into_the_stored_source():
    source = "<p>Bộ Văn hóa &amp; Thể thao: Quyết định số&nbsp;1579/QĐ-TTg.</p>"
    assert _linked(source) == ["Quyết định số&nbsp;1579/QĐ-TTg"]


def test_plain_text_offsets_are_the_texts_own():
    text = "Bảo đảm thực hiện đúng Nghị định số 09/2017/NĐ-CP ngày 09/02/2017."
    assert _linked(text, "text") == ["Nghị định số 09/2017/NĐ-CP"]


def test_splicing_keeps_markup_and_escapes_plain_text():
    source = "<p>Theo <b>Nghị định 09/2017/NĐ-CP</b>.</p>"
    start = source.index("Nghị")
    end = start + len("Nghị định 09/2017/NĐ-CP")
    html = splice(source, "html", [(start, end, lambda inner: f'<a href="/x">{inner}</a>')])
    assert html == '<p>Theo <b><a href="/x">Nghị định 09/2017/NĐ-CP</a></b>.</p>'
    text = "<script> Nghị định 09/2017/NĐ-CP"
    linked = splice(text, "text", [(9, len(text), lambda inner: f"<a>{inner}</a>")])
    assert linked == "&lt;script&gt; <a>Nghị định 09/2017/NĐ-CP</a>"


def test_spans_out_of_range_or_overlapping_are_ignored():
    text = "Nghị định 09/2017/NĐ-CP"
    link = lambda inner: f"<a>{inner}</a>"  # noqa: E731
    assert (
        splice(text, "text", [(0, 9, link), (5, 12, link), (20, 99, link)])
        == "<a>Nghị định</a> 09/2017/NĐ-CP"
    )


def test_the_hash_changes_with_the_text():
    assert source_hash("<p>a</p>") == source_hash("<p>a</p>") != source_hash("<p>b</p>")
