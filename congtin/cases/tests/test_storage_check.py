"""Case files must never sit where the web server publishes files."""

from __future__ import annotations

from pathlib import Path

from django.test import override_settings

from congtin.cases.storage import check_case_files_are_private


def test_a_case_file_directory_inside_media_root_fails_the_system_check(tmp_path: Path) -> None:
    with override_settings(
        MEDIA_ROOT=tmp_path / "media", CONGTIN_CASE_FILES_ROOT=tmp_path / "media" / "ho-so"
    ):
        assert [error.id for error in check_case_files_are_private()] == ["cases.E001"]
    with override_settings(MEDIA_ROOT=tmp_path / "media", CONGTIN_CASE_FILES_ROOT=tmp_path / "private"):
        assert check_case_files_are_private() == []
