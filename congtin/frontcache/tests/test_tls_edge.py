"""deploy/nginx/congtin-tls.conf for real: nginx terminating TLS in front of Varnish and congtin.

The file is used as shipped, with only its lines marked SITE (and its ports) pointed at this test's
servers; the certificate is a self-signed one made here with openssl.
"""

from __future__ import annotations

import http.client
import re
import shutil
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from congtin.frontcache.tests.conftest import needs_varnish
from congtin.frontcache.tests.stack import _listening, _private_dir, fetch, free_port, wait_until
from congtin.news.tests.helpers import published_article

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REPO = Path(__file__).resolve().parents[3]
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
OPENSSL = shutil.which("openssl")
needs_nginx = pytest.mark.skipif(
    not (NGINX and OPENSSL), reason="nginx or openssl is not installed (apt-get install nginx-light openssl)"
)

MAIN = """\
daemon off;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {dir}/tmp-body;
    proxy_temp_path {dir}/tmp-proxy;
    fastcgi_temp_path {dir}/tmp-fastcgi;
    uwsgi_temp_path {dir}/tmp-uwsgi;
    scgi_temp_path {dir}/tmp-scgi;
    include {dir}/congtin-tls.conf;
}}
"""


class Edge:
    def __init__(self, varnish_port: int) -> None:
        self.dir = _private_dir("congtin-tls-")
        self.http_port, self.https_port = free_port(), free_port()
        cert, key = self.dir / "fullchain.pem", self.dir / "privkey.pem"
        subprocess.run(  # noqa: S603
            [OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
            check=True, capture_output=True,
        )  # fmt: skip
        key.chmod(0o644)  # read by nginx's unprivileged workers in this private folder
        self.cert = cert
        conf = (REPO / "deploy" / "nginx" / "congtin-tls.conf").read_text(encoding="utf-8")
        conf = re.sub(r"^\s*listen \[::\].*\n", "", conf, flags=re.MULTILINE)  # no IPv6 needed here
        conf = conf.replace("listen 80;", f"listen 127.0.0.1:{self.http_port};")
        conf = conf.replace("listen 443 ssl", f"listen 127.0.0.1:{self.https_port} ssl")
        conf = conf.replace("server 127.0.0.1:6081;", f"server 127.0.0.1:{varnish_port};")
        conf = conf.replace("/etc/ssl/congtin/fullchain.pem", str(cert))
        conf = conf.replace("/etc/ssl/congtin/privkey.pem", str(key))
        conf = conf.replace("/var/www/acme", str(self.dir))
        conf = conf.replace("portal.example.gov.vn", "localhost")
        (self.dir / "congtin-tls.conf").write_text(conf, encoding="utf-8")
        (self.dir / "nginx.conf").write_text(MAIN.format(dir=self.dir), encoding="utf-8")
        self.process = subprocess.Popen(  # noqa: S603
            [NGINX, "-c", str(self.dir / "nginx.conf"), "-p", str(self.dir)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        wait_until(lambda: self.process.poll() is None and _listening(self.https_port), "nginx listening")

    def https(
        self, method: str, path: str, headers: dict[str, str] | None = None
    ) -> http.client.HTTPResponse:
        context = ssl.create_default_context(cafile=str(self.cert))
        connection = http.client.HTTPSConnection("localhost", self.https_port, context=context, timeout=30)
        connection.request(method, path, headers={"Host": "localhost", **(headers or {})})
        response = connection.getresponse()
        response.read()
        connection.close()
        return response

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def edge(varnish, settings) -> Iterator[Edge]:
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
    server = Edge(varnish.port)
    yield server
    server.stop()


@needs_varnish
@needs_nginx
def test_readers_reach_the_portal_over_tls_and_plain_http_is_sent_there(edge, varnish, site_tree) -> None:
    article = published_article(site_tree.news, title="Thông cáo báo chí về cải cách hành chính")

    plain = fetch(edge.http_port, article.url, headers={"Host": "localhost"})
    first = edge.https("GET", article.url, headers={"Accept-Encoding": "gzip"})
    second = edge.https("GET", article.url, headers={"Accept-Encoding": "gzip"})

    assert plain.status == 301
    assert plain.headers["location"] == f"https://localhost{article.url}"
    assert first.status == second.status == 200
    assert second.getheader("X-Cache") == "HIT"
    # The front cache's compressed copy passes through as it is; the browser is told to stay on HTTPS.
    assert second.getheader("Content-Encoding") == "gzip"
    assert second.getheader("Strict-Transport-Security") == "max-age=31536000"


@needs_varnish
@needs_nginx
def test_a_reader_cannot_ban_or_purge_the_front_cache_through_the_tls_proxy(edge, varnish, site_tree) -> None:
    article = published_article(site_tree.news, title="Bài không ai xóa được khỏi bộ đệm")
    edge.https("GET", article.url)
    assert edge.https("GET", article.url).getheader("X-Cache") == "HIT"

    banned = edge.https("BAN", "/", headers={"X-Ban-Url": "/"})
    purged = edge.https("PURGE", article.url)

    assert banned.status == purged.status == 405
    assert edge.https("GET", article.url).getheader("X-Cache") == "HIT"
