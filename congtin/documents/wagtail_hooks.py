"""The registry in Wagtail's admin: documents, issuing bodies and fields under one "Văn bản" menu.

The admin forms validate through the models' ``clean()``, the same rules the services apply, so an
entry typed in the admin and one imported from a file meet the same checks.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from congtin.documents import queries, services
from congtin.documents.forms import OfficialDocumentForm
from congtin.documents.models import PUBLISH_PERMISSION, Field, OfficialDocument, Organisation


class DocumentIndexView(IndexView):
    """Search by symbol in any spelling ("nd 9/2017", "09/2017/NĐ-CP") or by words of the trích yếu."""

    def search_queryset(self, queryset: Any) -> Any:
        if not self.is_searching:
            return queryset
        return queries.documents_filter(q=self.search_query, queryset=queryset)


class DocumentCreateView(CreateView):
    def save_instance(self) -> OfficialDocument:
        document: OfficialDocument = super().save_instance()
        services.document_citations_refresh(document=document)
        return document


class DocumentEditView(EditView):
    def save_instance(self) -> OfficialDocument:
        document: OfficialDocument = super().save_instance()
        services.document_citations_refresh(document=document)
        return document


class DocumentViewSet(ModelViewSet):
    model = OfficialDocument
    url_prefix = "van-ban"
    icon = "doc-full"
    menu_label = _("Văn bản")
    add_to_admin_menu = False
    index_view_class = DocumentIndexView
    add_view_class = DocumentCreateView
    edit_view_class = DocumentEditView
    list_display = ["__str__", "summary", "issuer", "issued_on", "status", "is_published"]
    list_filter = ["doc_type", "status", "is_published", "issuer", "year", "fields"]
    list_export = ["canonical_symbol", "doc_type", "issued_on", "issuer", "summary", "status", "is_published"]
    search_fields = ["canonical_symbol", "search_keys", "search_text"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("doc_type"), FieldPanel("printed_symbol")]),
                    FieldPanel("issuer"),
                    FieldPanel("co_issuers"),
                ],
                heading=_("Loại, số ký hiệu và cơ quan ban hành"),
            ),
            FieldPanel("summary"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_position")]),
                    FieldRowPanel([FieldPanel("issued_on"), FieldPanel("year")]),
                    FieldRowPanel([FieldPanel("effective_on"), FieldPanel("expires_on")]),
                    FieldPanel("status"),
                ],
                heading=_("Ký, ban hành và hiệu lực"),
            ),
            FieldPanel("fields", widget=forms.CheckboxSelectMultiple),
            InlinePanel("attachments", heading=_("Tệp đính kèm (PDF, DOCX)"), label=_("tệp")),
            InlinePanel("relations_out", heading=_("Văn bản này tác động tới"), label=_("quan hệ")),
            FieldPanel("full_text"),
            # Publishing puts the entry on the portal and in the API: the editor-in-chief decides.
            FieldPanel("is_published", permission=PUBLISH_PERMISSION),
        ],
        base_form_class=OfficialDocumentForm,
    )


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    url_prefix = "co-quan-ban-hanh"
    icon = "group"
    menu_label = _("Cơ quan ban hành")
    add_to_admin_menu = False
    list_display = ["name", "abbreviation", "symbol_code", "kind", "successor"]
    list_filter = ["kind"]
    search_fields = ["name", "abbreviation", "symbol_code", "name_en"]
    search_backend_name = None
    form_fields = ["abbreviation", "symbol_code", "name", "name_en", "kind", "successor", "dissolved_on"]
    copy_view_enabled = False


class FieldViewSet(ModelViewSet):
    model = Field
    url_prefix = "linh-vuc"
    icon = "tag"
    menu_label = _("Lĩnh vực")
    add_to_admin_menu = False
    list_display = ["name", "slug"]
    search_fields = ["name"]
    search_backend_name = None
    form_fields = ["name", "slug"]
    copy_view_enabled = False


class DocumentRegistryGroup(ModelViewSetGroup):
    menu_label = _("Văn bản")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (DocumentViewSet, OrganisationViewSet, FieldViewSet)


class DocumentChooserFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Tìm số ký hiệu hoặc trích yếu"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Ví dụ: 09/2017/NĐ-CP")}),
    )

    def filter(self, objects: Any) -> Any:
        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query:
            objects = queries.documents_filter(q=query, queryset=objects)
            self.is_searching = True
            self.search_query = query
        return objects


class DocumentChooseView(ChooseView):
    filter_form_class = DocumentChooserFilterForm


class DocumentChooseResultsView(ChooseResultsView):
    filter_form_class = DocumentChooserFilterForm


class DocumentChooserViewSet(ChooserViewSet):
    """Pick the other document of a relation by searching, instead of scrolling thousands of options."""

    model = OfficialDocument
    icon = "doc-full"
    choose_one_text = _("Chọn văn bản")
    choose_another_text = _("Chọn văn bản khác")
    edit_item_text = _("Sửa văn bản")
    choose_view_class = DocumentChooseView
    choose_results_view_class = DocumentChooseResultsView


@hooks.register("register_admin_viewset")
def register_document_registry() -> list[Any]:
    return [
        DocumentRegistryGroup(),
        DocumentChooserViewSet("documents_chooser", url_prefix="chon-van-ban"),
    ]
