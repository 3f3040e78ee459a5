"""The editorial chain, driven through the real Wagtail admin: who may draft, review, approve and publish.

Each test walks one path by which an article could reach the public (the publish button, the workflow,
bulk actions, scheduled publishing, the API, rollback) and checks that only the editor-in-chief's
approval opens it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageLogEntry, Revision, WorkflowState

from congtin.news.models import ArticlePage
from congtin.news.queries import publication_approver
from congtin.news.tests.editorial import (
    TITLE,
    add_url,
    api_ids,
    approved_by_editor,
    approved_by_editor_in_chief,
    assert_refused,
    bulk_action,
    clock_at,
    create,
    current_task_name,
    draft,
    edit,
    edit_url,
    form_datetime,
    fresh,
    history_rows,
    in_the_future,
    submitted,
    workflow_action,
)
from congtin.news.tests.helpers import article_form_data
from congtin.users.services import (
    EDITOR_IN_CHIEF_TASK_NAME,
    EDITOR_TASK_NAME,
    collaborator_assign_sections,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(staff):
    """The staff with Vietnamese names, so the audit log can be read for who did what."""
    names = {
        staff.reporter: ("Trần Thị", "Hoa"),
        staff.collaborator: ("Phạm Minh", "Quân"),
        staff.editor: ("Lê Văn", "Nam"),
        staff.editor_in_chief: ("Nguyễn Văn", "Bình"),
    }
    for user, (last_name, first_name) in names.items():
        user.last_name, user.first_name = last_name, first_name
        user.save()
    return staff


# --- reporter ----------------------------------------------------------------------------------------


def test_reporter_can_create_a_draft_in_any_section(client, staff, site_tree):
    for section in (site_tree.news, site_tree.research):
        page = draft(client, staff.reporter, section, title=f"Bản nháp trong {section.title}")
        assert page.get_parent().pk == section.pk
        assert page.live is False
        assert page.owner == staff.reporter


def test_reporter_cannot_publish_a_new_article_with_the_publish_button(client, staff, site_tree):
    response = create(client, staff.reporter, site_tree.news, action="publish")
    assert response.status_code == 302
    page = ArticlePage.objects.get(title=TITLE)
    assert page.live is False and page.live_revision is None


def test_reporter_cannot_publish_with_the_publish_button(client, staff, site_tree):
    page = draft(client, staff.reporter, site_tree.news)
    edit(client, staff.reporter, page, action="publish", summary="Bản sửa muốn đăng ngay.")
    assert fresh(page).live is False
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()


def test_reporter_can_submit_a_draft_to_the_editorial_workflow(client, staff, site_tree):
    page = submitted(client, staff, site_tree.news)
    state = fresh(page).current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == staff.reporter
    assert current_task_name(page) == EDITOR_TASK_NAME
    assert fresh(page).live is False


def test_reporter_cannot_approve_a_workflow_step(client, staff, site_tree):
    page = submitted(client, staff, site_tree.news)
    assert_refused(workflow_action(client, staff.reporter, page))
    assert current_task_name(page) == EDITOR_TASK_NAME


def test_reporter_cannot_change_an_article_while_it_is_in_review(client, staff, site_tree):
    page = submitted(client, staff, site_tree.news)
    revisions = Revision.objects.filter(object_id=str(page.pk)).count()
    edit(client, staff.reporter, page, summary="Sửa lén khi đang chờ duyệt.")
    assert Revision.objects.filter(object_id=str(page.pk)).count() == revisions
    assert "Sửa lén" not in fresh(page).get_latest_revision_as_object().summary


# --- collaborator ------------------------------------------------------------------------------------


def test_collaborator_can_draft_in_an_assigned_section(client, staff, site_tree):
    collaborator_assign_sections(user=staff.collaborator, sections=[site_tree.research])
    page = draft(client, staff.collaborator, site_tree.research)
    assert page.live is False and page.owner == staff.collaborator


def test_collaborator_cannot_draft_in_a_section_not_assigned(client, staff, site_tree):
    collaborator_assign_sections(user=staff.collaborator, sections=[site_tree.research])
    client.force_login(staff.collaborator)
    assert_refused(client.get(add_url(site_tree.news)))
    assert_refused(create(client, staff.collaborator, site_tree.news))
    assert not ArticlePage.objects.filter(title=TITLE).exists()


def test_reassigning_a_collaborator_replaces_the_earlier_sections(client, staff, site_tree):
    collaborator_assign_sections(user=staff.collaborator, sections=[site_tree.research])
    collaborator_assign_sections(user=staff.collaborator, sections=[site_tree.news])
    assert_refused(create(client, staff.collaborator, site_tree.research))
    assert draft(client, staff.collaborator, site_tree.news).live is False


def test_collaborator_cannot_publish_with_the_publish_button(client, staff, site_tree):
    collaborator_assign_sections(user=staff.collaborator, sections=[site_tree.news])
    create(client, staff.collaborator, site_tree.news, action="publish")
    page = ArticlePage.objects.get(title=TITLE)
    assert page.live is False
    edit(client, staff.collaborator, page, action="publish")
    assert fresh(page).live is False


def test_collaborator_can_send_their_draft_to_the_editor_but_no_further(client, staff, site_tree):
    collaborator_assign_sections(user=staff.collaborator, sections=[site_tree.news])
    page = draft(client, staff.collaborator, site_tree.news)
    assert edit(client, staff.collaborator, page, action="submit").status_code == 302
    assert current_task_name(page) == EDITOR_TASK_NAME
    assert_refused(workflow_action(client, staff.collaborator, page))
    assert fresh(page).live is False


def test_collaborator_cannot_edit_someone_elses_draft_in_the_assigned_section(client, staff, site_tree):
    collaborator_assign_sections(user=staff.collaborator, sections=[site_tree.news])
    page = draft(client, staff.reporter, site_tree.news)
    assert_refused(edit(client, staff.collaborator, page, summary="Sửa bài người khác."))


# --- editor ------------------------------------------------------------------------------------------


def test_editor_approval_passes_the_article_to_the_editor_in_chief_without_publishing_it(
    client, staff, site_tree
):
    page = submitted(client, staff, site_tree.news)
    assert workflow_action(client, staff.editor, page).status_code == 302
    assert current_task_name(page) == EDITOR_IN_CHIEF_TASK_NAME
    assert fresh(page).live is False
    assert client.get("/tin-tuc-su-kien/bo-noi-vu-trien-khai-chi-thi-so-12-ct-ttg/").status_code == 404


def test_editor_cannot_approve_the_editor_in_chiefs_step(client, staff, site_tree):
    page = approved_by_editor(client, staff, site_tree.news)
    assert_refused(workflow_action(client, staff.editor, page))
    assert current_task_name(page) == EDITOR_IN_CHIEF_TASK_NAME
    assert fresh(page).live is False


def test_editor_cannot_publish_with_the_publish_button(client, staff, site_tree):
    page = approved_by_editor(client, staff, site_tree.news)
    edit(client, staff.editor, page, action="publish")
    assert fresh(page).live is False
    other = draft(client, staff.editor, site_tree.news, title="Bài biên tập viên tự viết")
    edit(client, staff.editor, other, action="publish")
    assert fresh(other).live is False


def test_editor_cannot_publish_with_the_bulk_action(client, staff, site_tree):
    page = approved_by_editor(client, staff, site_tree.news)
    bulk_action(client, staff.editor, "publish", page, include_descendants="on")
    # The section too, asking for its draft descendants to be published with it.
    bulk_action(client, staff.editor, "publish", site_tree.news, include_descendants="on")
    assert fresh(page).live is False
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()


def test_editor_cannot_unpublish_with_the_button_or_the_bulk_action(client, staff, site_tree):
    page = approved_by_editor_in_chief(client, staff, site_tree.news)
    client.force_login(staff.editor)
    assert_refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk])))
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"]) + f"?id={page.pk}"
    client.post(url, {})
    assert fresh(page).live is True


@pytest.mark.parametrize("how", ["publish_copies", "alias"])
def test_editor_cannot_publish_a_copy_or_an_alias_of_an_article(client, staff, site_tree, how):
    page = approved_by_editor_in_chief(client, staff, site_tree.news)
    client.force_login(staff.editor)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": "Bản sao", "new_slug": "ban-sao", "new_parent_page": site_tree.research.pk, how: "on"},
    )
    assert response.status_code == 302
    copy = ArticlePage.objects.get(title="Bản sao")
    assert copy.live is False and copy.alias_of_id is None


def test_editors_own_changes_made_while_approving_need_approving_again(client, staff, site_tree):
    page = submitted(client, staff, site_tree.news)
    client.force_login(staff.editor)
    task_state = fresh(page).current_workflow_task_state
    data = article_form_data(title=TITLE, summary="Sa-pô biên tập lại.")
    data.update({"action-workflow-action": "1", "workflow-action-name": "approve"})
    assert client.post(edit_url(page), data).status_code == 302
    assert fresh(page).current_workflow_task_state.pk != task_state.pk
    assert current_task_name(page) == EDITOR_TASK_NAME


# --- editor-in-chief ---------------------------------------------------------------------------------


def test_editor_in_chief_approval_publishes_and_records_the_approver(client, staff, site_tree):
    page = approved_by_editor_in_chief(client, staff, site_tree.news)
    assert page.live is True
    assert fresh(page).current_workflow_state is None
    assert publication_approver(page.live_revision) == staff.editor_in_chief
    assert client.get(page.url).status_code == 200


def test_editor_in_chief_may_publish_directly_and_is_recorded_as_approver(client, staff, site_tree):
    page = draft(client, staff.reporter, site_tree.news)
    edit(client, staff.editor_in_chief, page, action="publish")
    assert fresh(page).live is True
    assert publication_approver(fresh(page).live_revision) == staff.editor_in_chief


def test_editor_in_chief_may_bulk_publish_and_is_recorded_as_approver(client, staff, site_tree):
    page = submitted(client, staff, site_tree.news)
    bulk_action(client, staff.editor_in_chief, "publish", page)
    assert fresh(page).live is True
    assert publication_approver(fresh(page).live_revision) == staff.editor_in_chief


def test_history_shows_who_submitted_approved_and_published(client, newsroom, site_tree):
    page = approved_by_editor_in_chief(client, newsroom, site_tree.news)
    rows = history_rows(client, newsroom.editor_in_chief, page)
    workflow = "Duyệt tin bài: Biên tập → Tổng biên tập"
    assert rows[:4] == [
        ("Đã xuất bản Phiên bản đã xuất bản", "Nguyễn Văn Bình"),
        (f"Đã duyệt ở bước '{EDITOR_IN_CHIEF_TASK_NAME}'. Hoàn thành '{workflow}'", "Nguyễn Văn Bình"),
        (
            f"Đã duyệt ở bước '{EDITOR_TASK_NAME}'. Bước tiếp theo: '{EDITOR_IN_CHIEF_TASK_NAME}'",
            "Lê Văn Nam",
        ),
        (f"Đã bắt đầu '{workflow}'. Bước tiếp theo: '{EDITOR_TASK_NAME}'", "Trần Thị Hoa"),
    ]
    assert rows[-1] == ("Đã tạo", "Trần Thị Hoa")


# --- approval does not carry over to later edits --------------------------------------------------------


def test_an_edit_after_the_editors_approval_sends_the_article_back_to_the_editor(client, staff, site_tree):
    page = approved_by_editor(client, staff, site_tree.news)
    # Only the editor-in-chief may touch the article at this step; even their edit needs the editor again.
    assert edit(client, staff.editor_in_chief, page, summary="Sa-pô sửa sau khi đã duyệt.").status_code == 302
    assert workflow_action(client, staff.editor_in_chief, page).status_code == 302
    assert current_task_name(page) == EDITOR_TASK_NAME
    assert fresh(page).live is False
    assert workflow_action(client, staff.editor, page).status_code == 302
    assert workflow_action(client, staff.editor_in_chief, page).status_code == 302
    assert fresh(page).live is True and fresh(page).summary == "Sa-pô sửa sau khi đã duyệt."


def test_changes_the_editor_in_chief_requests_go_back_through_the_editor(client, staff, site_tree):
    page = approved_by_editor(client, staff, site_tree.news)
    assert workflow_action(client, staff.editor_in_chief, page, action="reject").status_code == 302
    assert fresh(page).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    edit(client, staff.reporter, page, action="submit", summary="Sa-pô sửa theo yêu cầu.")
    # The workflow resumes at the step that asked for changes, but the editor's earlier approval was
    # for other content: approving here sends the article back to the editor, not to the public.
    assert current_task_name(page) == EDITOR_IN_CHIEF_TASK_NAME
    workflow_action(client, staff.editor_in_chief, page)
    assert current_task_name(page) == EDITOR_TASK_NAME
    assert fresh(page).live is False
    workflow_action(client, staff.editor, page)
    workflow_action(client, staff.editor_in_chief, page)
    assert fresh(page).live is True and fresh(page).summary == "Sa-pô sửa theo yêu cầu."


def test_the_editor_cannot_edit_an_article_after_approving_it(client, staff, site_tree):
    page = approved_by_editor(client, staff, site_tree.news)
    revisions = Revision.objects.filter(object_id=str(page.pk)).count()
    edit(client, staff.editor, page, summary="Sửa sau khi chuyển Tổng biên tập.")
    assert Revision.objects.filter(object_id=str(page.pk)).count() == revisions


def test_an_edit_after_publication_stays_a_draft_until_approved_again(client, staff, site_tree):
    page = approved_by_editor_in_chief(client, staff, site_tree.news)
    edit(client, staff.reporter, page, summary="Sa-pô mới chưa duyệt.")
    edit(client, staff.reporter, page, action="submit", summary="Sa-pô mới chưa duyệt.")
    assert current_task_name(page) == EDITOR_TASK_NAME
    assert "Sa-pô mới chưa duyệt." not in client.get(page.url).content.decode()
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["summary"] != "Sa-pô mới chưa duyệt."
    assert publication_approver(fresh(page).live_revision) == staff.editor_in_chief


def test_the_author_cannot_overwrite_the_revision_that_was_published(client, staff, site_tree):
    page = approved_by_editor_in_chief(client, staff, site_tree.news)
    published = page.live_revision
    assert published.user == staff.reporter
    # What the editor's autosave sends: overwrite my latest revision in place.
    edit(client, staff.reporter, page, summary="Nội dung thay lén.", overwrite_revision_id=str(published.pk))
    published.refresh_from_db()
    assert published.content["summary"] != "Nội dung thay lén."
    latest = fresh(page).get_latest_revision()
    assert latest.pk != published.pk and latest.content["summary"] == "Nội dung thay lén."
    assert fresh(page).live_revision_id == published.pk
    assert publication_approver(published) == staff.editor_in_chief


def test_the_author_can_still_autosave_over_their_own_unsubmitted_draft(client, staff, site_tree):
    page = draft(client, staff.reporter, site_tree.news)
    own = fresh(page).get_latest_revision()
    edit(client, staff.reporter, page, summary="Bản lưu tự động.", overwrite_revision_id=str(own.pk))
    assert fresh(page).get_latest_revision().pk == own.pk
    own.refresh_from_db()
    assert own.content["summary"] == "Bản lưu tự động."


# --- scheduled publishing ----------------------------------------------------------------------------


def test_an_approved_article_scheduled_for_later_goes_live_only_when_publish_scheduled_runs_after_that_time(
    client, staff, site_tree
):
    go_live = in_the_future(days=1)
    page = approved_by_editor_in_chief(client, staff, site_tree.news, go_live_at=form_datetime(go_live))
    assert page.live is False and page.scheduled_revision is not None
    call_command("publish_scheduled")
    assert fresh(page).live is False
    assert page.pk not in api_ids(client)
    with clock_at(go_live + dt.timedelta(minutes=5)):
        call_command("publish_scheduled")
    page = fresh(page)
    assert page.live is True
    assert publication_approver(page.live_revision) == staff.editor_in_chief


def test_publish_scheduled_never_publishes_a_go_live_time_a_reporter_set_without_approval(
    client, staff, site_tree
):
    go_live = in_the_future(hours=2)
    drafted = draft(
        client, staff.reporter, site_tree.news, title="Bản nháp hẹn giờ", go_live_at=form_datetime(go_live)
    )
    in_review = approved_by_editor(client, staff, site_tree.research, go_live_at=form_datetime(go_live))
    assert fresh(drafted).go_live_at is not None
    with clock_at(go_live + dt.timedelta(days=1)):
        call_command("publish_scheduled")
    assert fresh(drafted).live is False
    assert fresh(in_review).live is False
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()


def test_a_scheduled_article_cannot_be_edited_until_it_is_unscheduled(client, staff, site_tree):
    go_live = in_the_future(days=1)
    page = approved_by_editor_in_chief(client, staff, site_tree.news, go_live_at=form_datetime(go_live))
    revisions = Revision.objects.filter(object_id=str(page.pk)).count()
    for user in (staff.reporter, staff.editor):
        edit(client, user, page, summary="Sửa sau khi hẹn giờ.", go_live_at=form_datetime(go_live))
    assert Revision.objects.filter(object_id=str(page.pk)).count() == revisions
    unschedule = reverse(
        "wagtailadmin_pages:revisions_unschedule", args=[page.pk, page.scheduled_revision.pk]
    )
    client.force_login(staff.editor)
    assert_refused(client.post(unschedule))
    client.force_login(staff.editor_in_chief)
    assert client.post(unschedule).status_code == 302
    assert fresh(page).scheduled_revision is None
    edit(client, staff.reporter, page, summary="Sửa sau khi bỏ hẹn giờ.")
    assert fresh(page).get_latest_revision().content["summary"] == "Sửa sau khi bỏ hẹn giờ."
    assert fresh(page).live is False


def test_publish_scheduled_publishes_the_approved_revision_not_a_later_edit(client, staff, site_tree):
    go_live = in_the_future(days=1)
    page = approved_by_editor_in_chief(client, staff, site_tree.news, go_live_at=form_datetime(go_live))
    approved = page.scheduled_revision
    # A later revision written outside the editor (an import, a script) after the schedule was set.
    later = fresh(page)
    later.summary = "Bản sửa sau khi hẹn giờ, chưa duyệt."
    later.save_revision(user=staff.reporter)
    with clock_at(go_live + dt.timedelta(minutes=1)):
        call_command("publish_scheduled")
    page = fresh(page)
    assert page.live is True
    assert page.live_revision_id == approved.pk
    assert page.summary != "Bản sửa sau khi hẹn giờ, chưa duyệt."
    assert page.has_unpublished_changes is True
    assert publication_approver(page.live_revision) == staff.editor_in_chief


# --- the public API -----------------------------------------------------------------------------------


@pytest.mark.parametrize("state", ["draft", "in_review", "approved_by_editor", "scheduled"])
def test_the_api_never_shows_an_unpublished_article(client, staff, site_tree, state):
    if state == "draft":
        page = draft(client, staff.reporter, site_tree.news)
    elif state == "in_review":
        page = submitted(client, staff, site_tree.news)
    elif state == "approved_by_editor":
        page = approved_by_editor(client, staff, site_tree.news)
    else:
        page = approved_by_editor_in_chief(
            client, staff, site_tree.news, go_live_at=form_datetime(in_the_future(days=1))
        )
    client.logout()
    assert page.pk not in api_ids(client)
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert (
        client.get(
            "/api/v2/pages/find/",
            {"html_path": "/tin-tuc-su-kien/bo-noi-vu-trien-khai-chi-thi-so-12-ct-ttg/"},
        ).status_code
        == 404
    )


def test_the_api_shows_an_article_once_the_editor_in_chief_approves_it(client, staff, site_tree):
    page = approved_by_editor_in_chief(client, staff, site_tree.news)
    client.logout()
    assert page.pk in api_ids(client)
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 200


# --- revisions: compare and roll back ---------------------------------------------------------------------


def _two_published_versions(client, staff, site_tree) -> tuple[ArticlePage, Revision, Revision]:
    page = draft(client, staff.reporter, site_tree.news, summary="Sa-pô bản đầu.")
    edit(client, staff.editor_in_chief, page, action="publish", summary="Sa-pô bản đầu.")
    first = fresh(page).live_revision
    edit(client, staff.editor_in_chief, page, action="publish", summary="Sa-pô bản hai.")
    second = fresh(page).live_revision
    assert first.pk != second.pk
    return fresh(page), first, second


def test_editor_in_chief_can_compare_two_revisions(client, staff, site_tree):
    page, first, second = _two_published_versions(client, staff, site_tree)
    client.force_login(staff.editor_in_chief)
    response = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<span class="deletion">đầu.</span><span class="addition">hai.</span>' in html


def test_editor_in_chief_can_roll_back_to_an_earlier_revision(client, staff, site_tree):
    page, first, _second = _two_published_versions(client, staff, site_tree)
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk])
    client.force_login(staff.editor_in_chief)
    assert client.get(revert_url).status_code == 200
    edit(client, staff.editor_in_chief, page, action="publish", url=revert_url, summary="Sa-pô bản đầu.")
    page = fresh(page)
    assert page.summary == "Sa-pô bản đầu."
    assert "Sa-pô bản đầu." in client.get(page.url).content.decode()
    assert publication_approver(page.live_revision) == staff.editor_in_chief
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.revert", user=staff.editor_in_chief
    ).exists()


def test_an_editor_rolling_back_cannot_publish_the_older_revision(client, staff, site_tree):
    page, first, second = _two_published_versions(client, staff, site_tree)
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk])
    client.force_login(staff.editor)
    assert client.get(revert_url).status_code == 200
    edit(client, staff.editor, page, action="publish", url=revert_url, summary="Sa-pô bản đầu.")
    page = fresh(page)
    assert page.live_revision_id == second.pk
    assert page.summary == "Sa-pô bản hai."
    assert page.get_latest_revision().content["summary"] == "Sa-pô bản đầu."  # kept as a draft to submit
