"""Production settings refuse to start on guessable or missing configuration."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _start_production(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    clean.update(env, DJANGO_SETTINGS_MODULE="congtin.settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"ALLOWED_HOSTS": "congtin.gov.vn", "DATABASE_URL": "postgres://x@db/congtin"}, "SECRET_KEY"),
        ({"SECRET_KEY": "k" * 50, "DATABASE_URL": "postgres://x@db/congtin"}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": "k" * 50, "ALLOWED_HOSTS": "congtin.gov.vn"}, "DATABASE_URL"),
    ],
)
def test_production_refuses_to_start_without_required_setting(env, missing):
    result = _start_production(**env)
    assert result.returncode != 0
    assert f"Biến môi trường {missing} là bắt buộc" in result.stderr


def test_production_starts_when_configured():
    result = _start_production(
        SECRET_KEY="k" * 50, ALLOWED_HOSTS="congtin.gov.vn", DATABASE_URL="postgres://x@db/congtin"
    )
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_site_speaks_vietnamese_in_vietnam_time(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_TZ is True
    assert settings.AUTH_USER_MODEL == "users.User"
