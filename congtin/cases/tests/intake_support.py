"""Fixtures and sample files for the public intake tests: real files, a real SMTP server, a dead database."""

from __future__ import annotations

import email
import io
import socket
import struct
import zipfile
import zlib
from collections.abc import Iterator
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections
from django.test import override_settings
from PIL import Image


@pytest.fixture
def case_files(tmp_path: Path) -> Iterator[Path]:
    """A private attachment directory of the test's own, and empty rate-limit counters."""
    root = tmp_path / "case-files"
    caches["default"].clear()
    with override_settings(CONGTIN_CASE_FILES_ROOT=root):
        yield root
    caches["default"].clear()


# --- sample files -----------------------------------------------------------------------------------


def pdf_bytes(text: str = "Đơn kiến nghị", pad: int = 0) -> bytes:
    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\n"
        + b"% "
        + text.encode()
        + b"\n"
        + b"0" * pad
        + b"\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return body


def png_bytes(size: tuple[int, int] = (4, 4)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def jpeg_bytes(size: tuple[int, int] = (8, 8)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (30, 30, 200)).save(out, format="JPEG")
    return out.getvalue()


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><w:document>Kiến nghị</w:document>')
    return out.getvalue()


def zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("doc-truoc.txt", "Tệp nén không phải văn bản.")
    return out.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


# --- a real SMTP server -------------------------------------------------------------------------


class Inbox:
    def __init__(self) -> None:
        self.received: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append((list(envelope.rcpt_tos), email.message_from_bytes(envelope.content)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class MailServer:
    """An aiosmtpd server on a fixed port that the test starts and stops at will."""

    def __init__(self) -> None:
        self.port = free_port()
        self.inbox = Inbox()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def mail_server() -> Iterator[MailServer]:
    """Settings pointing Django's SMTP backend at the server; it is not started (the server is 'down')."""
    server = MailServer()
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=server.port,
        EMAIL_USE_TLS=False,
        EMAIL_TIMEOUT=5,
        DEFAULT_FROM_EMAIL="congtin@congtin.test",
    ):
        try:
            yield server
        finally:
            server.stop()


def mail_text(message: Message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode(part.get_content_charset() or "utf-8")


def mail_subject(message: Message) -> str:
    return str(email.header.make_header(email.header.decode_header(message["Subject"])))


# --- a database that is down ------------------------------------------------------------------------


class DatabaseDown:
    """While active, the default connection points at a server that is not there.

    PostgreSQL: a closed port on 127.0.0.1. SQLite: a file in a directory that does not exist. The
    test's own connection (and its transaction) is set aside and put back afterwards.
    """

    def __enter__(self) -> None:
        self.saved = connections["default"]
        settings_dict = dict(self.saved.settings_dict)
        if self.saved.vendor == "sqlite":
            settings_dict["NAME"] = "/nonexistent-congtin-dir/db.sqlite3"
            settings_dict["TEST"] = {**settings_dict.get("TEST", {}), "NAME": settings_dict["NAME"]}
        else:
            settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", str(free_port())
        dead = type(self.saved)(settings_dict, alias="default")
        connections["default"] = dead
        self.dead = dead

    def __exit__(self, *exc: object) -> None:
        self.dead.close()
        connections["default"] = self.saved
