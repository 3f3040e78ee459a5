"""Real servers for the front-cache tests: varnishd, redis-server and gunicorn on free 127.0.0.1 ports.

Each is a private instance in its own temporary directory, stopped by the pid this module started;
the machine's shared services are never touched.
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.servers.basehttp import ThreadedWSGIServer
from django.utils.encoding import iri_to_uri

REPO = Path(__file__).resolve().parents[3]
VARNISHD = shutil.which("varnishd") or ("/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None)
VARNISHADM = shutil.which("varnishadm") or (
    "/usr/bin/varnishadm" if Path("/usr/bin/varnishadm").exists() else None
)
REDIS_SERVER = shutil.which("redis-server")

BACKEND_VCL = """
backend default {{
    .host = "127.0.0.1";
    .port = "{port}";
    .probe = congtin_health;
    .connect_timeout = 1s;
    .first_byte_timeout = 20s;
}}
acl congtin_purgers {{ "127.0.0.1"; }}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(check: object, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():  # type: ignore[operator]
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{what}: not reached within {timeout:.0f} s")


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: str
    content: bytes = b""  # the bytes as sent (compressed when Content-Encoding says so)


def fetch(port: int, path: str, headers: dict[str, str] | None = None) -> Response:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", iri_to_uri(path), headers=headers or {})
        response = connection.getresponse()
        content = response.read()
        headers = {k.lower(): v for k, v in response.getheaders()}
        text = gzip.decompress(content) if headers.get("content-encoding") == "gzip" else content
        return Response(response.status, headers, text.decode("utf-8", "replace"), content)
    finally:
        connection.close()


def _private_dir(prefix: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix=prefix))
    # varnishd compiles the VCL as its own unprivileged user.
    path.chmod(0o755)
    return path


@dataclass
class Varnish:
    backend_port: int
    port: int = field(default_factory=free_port)
    workdir: Path = field(default_factory=lambda: _private_dir("congtin-varnish-"))
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> Varnish:
        assert VARNISHD, "varnishd is not installed"
        # varnishd reads the VCL as its own user, which may not enter the checkout (a mktemp clone is 0700).
        shutil.copy(REPO / "deploy" / "varnish" / "congtin.vcl", self.workdir / "congtin.vcl")
        (self.workdir / "congtin-backend.vcl").write_text(BACKEND_VCL.format(port=self.backend_port))
        for vcl in self.workdir.glob("*.vcl"):
            vcl.chmod(0o644)
        self.process = subprocess.Popen(  # noqa: S603
            [
                VARNISHD,
                "-F",
                "-n",
                str(self.workdir / "n"),
                "-a",
                f"127.0.0.1:{self.port}",
                "-T",
                "127.0.0.1:0",
                "-f",
                str(self.workdir / "congtin.vcl"),
                "-p",
                f"vcl_path={self.workdir}:/usr/share/varnish/vcl",
                "-s",
                "malloc,64m",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: self.process.poll() is None and _listening(self.port), "varnishd listening")  # type: ignore[union-attr]
        return self

    def get(self, path: str, headers: dict[str, str] | None = None) -> Response:
        return fetch(self.port, path, headers)

    def backend_health(self) -> str:
        assert VARNISHADM
        out = subprocess.run(  # noqa: S603
            [VARNISHADM, "-n", str(self.workdir / "n"), "backend.list"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        for line in out.splitlines():
            if "default" in line:
                return "healthy" if "healthy" in line.lower() else "sick" if "sick" in line.lower() else line
        return out

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        shutil.rmtree(self.workdir, ignore_errors=True)


@dataclass
class Redis:
    port: int = field(default_factory=free_port)
    workdir: Path = field(default_factory=lambda: _private_dir("congtin-redis-"))
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> Redis:
        assert REDIS_SERVER, "redis-server is not installed"
        self.process = subprocess.Popen(  # noqa: S603
            [
                REDIS_SERVER,
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: _listening(self.port), "redis-server listening")
        return self

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        self.kill()
        shutil.rmtree(self.workdir, ignore_errors=True)


@dataclass
class Gunicorn:
    """congtin under gunicorn with the production settings (tests/prod_settings.py: no static manifest)."""

    database_url: str
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    extra_env: dict[str, str] = field(default_factory=dict)

    def start(self) -> Gunicorn:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "congtin.frontcache.tests.prod_settings",
            "SECRET_KEY": "gunicorn-test-key-not-secret",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.database_url,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_ACCESS_LOG": "",
            **self.extra_env,
        }
        env.pop("GUNICORN_CONTROL_SOCKET", None)
        self.process = subprocess.Popen(  # noqa: S603
            [str(REPO / ".venv" / "bin" / "gunicorn"), "-c", str(REPO / "deploy" / "gunicorn.conf.py")],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

        def healthy() -> bool:
            if self.process.poll() is not None:  # type: ignore[union-attr]
                raise AssertionError(self.process.stderr.read().decode()[-3000:])  # type: ignore[union-attr]
            return fetch(self.port, "/healthz").status == 200

        wait_until(healthy, "gunicorn answering /healthz", timeout=60)
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                # A worker stuck past the graceful timeout on a loaded machine: do not leave it behind.
                self.process.kill()
                self.process.wait(timeout=10)


class ClosingWSGIServer(ThreadedWSGIServer):
    """Django's live server, whose close also ends the connections still open and waits for their threads.

    Django's threaded server closes only its listening socket: a kept-alive connection (Varnish pools its
    backend connections) keeps its thread, which goes on answering on it, and when that connection ends
    the thread closes the database connections after the test has taken the shared in-memory SQLite one
    back ("DatabaseWrapper objects created in a thread can only be used in that same thread"). Here the
    read side of each open connection is shut, so a response being written still goes out, and the close
    returns once every request thread has closed its database connections.
    """

    drain_timeout = 30.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._open_requests: set[socket.socket] = set()
        self._requests_changed = threading.Condition()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._requests_changed:
            self._open_requests.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        # Called by the request's thread after its response (and by the server for a refused request);
        # Django's close_request, inside it, closes that thread's database connections.
        try:
            super().shutdown_request(request)
        finally:
            with self._requests_changed:
                self._open_requests.discard(request)
                self._requests_changed.notify_all()

    def server_close(self) -> None:
        super().server_close()
        with self._requests_changed:
            for request in self._open_requests:
                with contextlib.suppress(OSError):
                    request.shutdown(socket.SHUT_RD)
            if not self._requests_changed.wait_for(lambda: not self._open_requests, self.drain_timeout):
                raise AssertionError(
                    f"{len(self._open_requests)} request(s) still open {self.drain_timeout:.0f} s after the"
                    " application server closed"
                )


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0
