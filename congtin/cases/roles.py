"""Who works on cases. A handler acts only on the cases of the units they belong to; a coordinator
classifies and assigns across units (and may act on any case, to cover absences)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from congtin.users.roles import Role

HANDLER = Role("case_handler", "Cán bộ xử lý", _("Cán bộ xử lý"), ())
COORDINATOR = Role("case_coordinator", "Điều phối", _("Điều phối"), ())
