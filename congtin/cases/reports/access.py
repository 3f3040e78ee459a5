"""Who may read which reports, and who may export personal data.

A leader (lãnh đạo) — a coordinator, a superuser, or a holder of ``cases.view_all_case_reports`` (the
"Lãnh đạo" group) — sees every unit. A handler sees only the units they belong to. Personal data in an
export needs ``cases.export_personal_data`` on top, whatever the scope.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from congtin.cases import queries
from congtin.users.models import User
from congtin.users.roles import Role

VIEW_ALL_PERMISSION = "cases.view_all_case_reports"
EXPORT_PERSONAL_DATA_PERMISSION = "cases.export_personal_data"

LEADER = Role("case_leader", "Lãnh đạo", _("Lãnh đạo"), (), model_permissions=(VIEW_ALL_PERMISSION,))


@dataclass(frozen=True)
class ReportScope:
    """The units whose cases a report may count: all of them, or the listed ones."""

    all_units: bool
    unit_ids: frozenset[int] = frozenset()

    @property
    def allowed(self) -> bool:
        return self.all_units or bool(self.unit_ids)


NO_SCOPE = ReportScope(all_units=False)
PUBLIC_SCOPE = ReportScope(all_units=True)


def report_scope(user: User) -> ReportScope:
    if not (user.is_authenticated and user.is_active):
        return NO_SCOPE
    if queries.user_is_coordinator(user) or user.has_perm(VIEW_ALL_PERMISSION):
        return ReportScope(all_units=True)
    if queries.user_is_handler(user):
        return ReportScope(all_units=False, unit_ids=frozenset(user.case_units.values_list("pk", flat=True)))
    return NO_SCOPE


def can_export_personal_data(user: User) -> bool:
    return user.is_active and user.has_perm(EXPORT_PERSONAL_DATA_PERMISSION)
