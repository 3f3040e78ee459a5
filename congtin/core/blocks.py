"""StreamField blocks shared by every page type that carries a body."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript", "subscript"]


class SanitisedRichTextBlock(blocks.RichTextBlock):
    """Rich text whose stored HTML is always whitelisted, whichever path wrote it.

    The admin editor already drops unknown markup, but imports, the demo loader and future APIs write
    HTML directly; whitelisting on save keeps a pasted ``<script>`` off the page on every path.
    """

    def get_prep_value(self, value: Any) -> str:
        # Imported here: the converter needs the app registry, which is not ready when blocks load.
        from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

        source = super().get_prep_value(value)
        converter = EditorHTMLConverter(features=self.features)
        # The stored format names pages and documents by id (``<a linktype="page" id="3">``); the
        # whitelist reads the editor's format, where such a link has ``data-linktype``, and would strip
        # it to a bare ``<a>``. So the source goes to the editor's format and back through the whitelist.
        return converter.to_database_format(converter.from_database_format(source))


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tiêu đề"), max_length=255)
    level = blocks.ChoiceBlock(choices=[("h2", _("Cấp 2")), ("h3", _("Cấp 3"))], default="h2", label=_("Cấp"))

    class Meta:
        icon = "title"
        label = _("Tiêu đề mục")
        template = "core/blocks/heading.html"


class ListBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("ul", _("Gạch đầu dòng")), ("ol", _("Đánh số"))], default="ul", label=_("Kiểu")
    )
    items = blocks.ListBlock(blocks.CharBlock(label=_("Mục")), label=_("Các mục"))

    class Meta:
        icon = "list-ul"
        label = _("Danh sách")
        template = "core/blocks/list.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("Nguồn ảnh / tác giả"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "core/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(label=_("Người / nguồn"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "core/blocks/quote.html"


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Tên bảng"), required=False, max_length=255)
    table = TableBlock(label=_("Bảng"), table_options={"renderer": "text"})

    class Meta:
        icon = "table"
        label = _("Bảng")
        template = "core/blocks/table.html"


class AttachedDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Tệp đính kèm"))
    title = blocks.CharBlock(label=_("Tên hiển thị"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = _("Tài liệu đính kèm")
        template = "core/blocks/document.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = SanitisedRichTextBlock(features=RICH_TEXT_FEATURES, label=_("Đoạn văn"))
    heading = HeadingBlock()
    list = ListBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = CaptionedTableBlock()
    document = AttachedDocumentBlock()
