"""The one place settings read the environment, so every knob is visible and typed."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str:
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise ImproperlyConfigured(
                f"Biến môi trường {name} là bắt buộc trong môi trường production ({name} is required)."
            )
        return default or ""
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in _TRUE


def env_list(name: str, default: list[str] | None = None, *, required: bool = False) -> list[str]:
    raw = env_str(name, required=required)
    if not raw:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]
