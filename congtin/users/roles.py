"""The editorial roles of a Vietnamese press organ and the permissions each holds.

Only the editor-in-chief may publish: the Press Law makes that person answerable for what goes out,
so every other role reaches the public only through the approval workflow.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Printing a correction notice under a published article (Press Law, Art. 42) is an editor's job.
ADD_CORRECTION = "news.add_articlecorrection"


@dataclass(frozen=True)
class Role:
    key: str
    group_name: str
    label: Promise
    page_permissions: tuple[str, ...]
    # Django model permissions, as "app_label.codename".
    model_permissions: tuple[str, ...] = ()
    admin_access: bool = True


REPORTER = Role("reporter", "Phóng viên", _("Phóng viên"), ("add_page",))
COLLABORATOR = Role("collaborator", "Cộng tác viên", _("Cộng tác viên"), ())
EDITOR = Role(
    "editor",
    "Biên tập viên",
    _("Biên tập viên"),
    ("add_page", "change_page", "lock_page"),
    model_permissions=(ADD_CORRECTION,),
)
EDITOR_IN_CHIEF = Role(
    "editor_in_chief",
    "Tổng biên tập",
    _("Tổng biên tập"),
    ("add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"),
    model_permissions=(ADD_CORRECTION,),
)

ROLES: tuple[Role, ...] = (REPORTER, COLLABORATOR, EDITOR, EDITOR_IN_CHIEF)

# Collaborators write only in the sections assigned to them, person by person; Wagtail grants page
# permissions to groups, so each collaborator gets a personal group holding those sections.
COLLABORATOR_GROUP_PREFIX = "Cộng tác viên: "
