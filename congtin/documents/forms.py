"""The admin form for a registry entry: the model's rules, extended to the relations typed inline."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm


class OfficialDocumentForm(WagtailAdminModelForm):
    """Check each relation row against the document being saved, with its values as edited.

    A relation row is validated by ``DocumentRelation.clean``, which needs its source; the inline
    formset validates rows before the parent is known to them, so the check runs here, once the
    parent instance holds the submitted values (a self-relation, or acting on a later document).
    """

    def _post_clean(self) -> None:
        super()._post_clean()
        relations = self.formsets.get("relations_out")
        if relations is None:
            return
        for form in relations.forms:
            if not form.is_valid() or not form.has_changed():
                continue
            if relations.can_delete and relations._should_delete_form(form):
                continue
            form.instance.source = self.instance
            try:
                form.instance.clean()
            except ValidationError as error:
                form.add_error(None, error)
