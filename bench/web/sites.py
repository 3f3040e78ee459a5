"""The three things measured side by side: congtin, a vanilla Wagtail news site, nginx serving files.

Each site gets its own PostgreSQL database on the same server (or, with ``--sqlite``, its own SQLite
file in the working folder), the same corpus (loaded by
``bench.web.load`` in a child process under the site's settings) and the same number of gunicorn sync
workers. Varnish runs in front of congtin with the repository's VCL (``deploy/varnish/congtin.vcl``);
only the backend address is the bench's own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.web.procs import Server, free_port, start

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
VCL = REPO / "deploy" / "varnish" / "congtin.vcl"
SECRET = "congtin-bench-not-a-secret"  # noqa: S105 - a throwaway key for a server on 127.0.0.1


def database_url(server_url: str, name: str) -> str:
    parts = urlsplit(server_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def database_recreate(server_url: str, name: str) -> None:
    _psql(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _psql(server_url, f'CREATE DATABASE "{name}"')


def database_drop(server_url: str, name: str) -> None:
    _psql(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def sqlite_recreate(path: Path) -> None:
    """Remove a SQLite database file, its journal files and congtin's tantivy folder beside it."""
    for stale in (path, *(path.with_name(path.name + suffix) for suffix in ("-journal", "-wal", "-shm"))):
        stale.unlink(missing_ok=True)
    shutil.rmtree(path.with_suffix(".search-index"), ignore_errors=True)


def _psql(server_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(sql)


def congtin_env(db_url: str, redis_url: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "congtin.settings.production",
        "DATABASE_URL": db_url,
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Read by the production settings when they configure a Redis cache (prod-cache's branch);
        # harmless before.
        "REDIS_URL": redis_url,
        "CACHE_URL": redis_url,
        "PYTHONPATH": str(REPO),
    }
    if db_url.startswith("sqlite:"):
        # The embedded defaults, as `make run` has them: the search backend chosen by the database (tantivy
        # on SQLite) and its index folder beside the database file, whatever this shell exports.
        env.pop("CONGTIN_SEARCH_BACKEND", None)
        env.pop("CONGTIN_SEARCH_INDEX_DIR", None)
    return env


VANILLA_SETTINGS = '''\
"""Written by bench/web/sites.py: the template's production settings, with the bench's database."""

import os

import dj_database_url

from .production import *  # noqa: F403

SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [*INSTALLED_APPS, "bench.web.vanilla_news"]  # noqa: F405
# The same database server and the same persistent connections as congtin (congtin/settings/base.py).
DATABASES = {
    "default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=600, conn_health_checks=True)
}
'''


def vanilla_create(dest: Path) -> Path:
    """``wagtail start vanilla`` into ``dest``, plus a settings module naming the bench's database."""
    if not (dest / "manage.py").exists():  # else --reuse: the project is there, its settings rewritten
        dest.mkdir(parents=True)
        subprocess.run([str(BIN / "wagtail"), "start", "vanilla", str(dest)], check=True, capture_output=True)  # noqa: S603
    (dest / "vanilla" / "settings" / "bench.py").write_text(VANILLA_SETTINGS, encoding="utf-8")
    return dest


def vanilla_env(project: Path, db_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "vanilla.settings.bench",
        "DATABASE_URL": db_url,
        "SECRET_KEY": SECRET,
        "PYTHONPATH": f"{project}{os.pathsep}{REPO}",
    }


def load(site: str, corpus: Path, env: dict[str, str], cwd: Path, log: Path) -> dict:
    """Run ``bench.web.load`` for one site; its JSON answer (also kept beside the log, for ``--reuse``)."""
    saved = log.with_suffix(".json")
    if saved.exists():
        # A kept database follows the tree it is measured with: its new migrations, and static files
        # collected in this checkout (production settings refuse a page whose static manifest is missing);
        # congtin's search index in step with this tree's schema and its article texts rendered by this
        # tree's code, as a deployment does (docs/deployment.md).
        commands = [["migrate", "--noinput"], ["collectstatic", "--noinput"]]
        if site == "congtin":
            commands += [["search_index_catch_up"], ["render_article_texts"]]
        for command in commands:
            subprocess.run(  # noqa: S603
                [sys.executable, "-m", "django", *command, "-v", "0"], env=env, cwd=cwd, check=True
            )
        return json.loads(saved.read_text(encoding="utf-8"))
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "bench.web.load", site, str(corpus)],
            env=env,
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=out,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"loading {site} failed; see {log}")
    answer = done.stdout.strip().splitlines()[-1]
    saved.write_text(answer, encoding="utf-8")
    return json.loads(answer)


SHM = "/dev/shm"  # noqa: S108 -- gunicorn makes its heartbeat file there with mkstemp and unlinks it


def gunicorn(
    name: str, wsgi: str, *, env: dict[str, str], cwd: Path, workers: int, workdir: Path, config: str = ""
) -> Server:
    """``config``: a gunicorn configuration (congtin's worker warm-up hook, as deploy/gunicorn.conf.py has it)."""
    port = free_port()
    # The choices of congtin's production configuration (deploy/gunicorn.conf.py: sync workers, the app
    # preloaded in the master, workers recycled now and then), for both sites alike; no access log for either.
    command = [
        str(BIN / "gunicorn"),
        wsgi,
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        "--worker-class=sync",
        "--preload",
        "--max-requests=50000",
        "--max-requests-jitter=50000",
        "--keep-alive=5",
        "--timeout=120",
        "--graceful-timeout=5",
        "--log-level=warning",
        # deploy/gunicorn.conf.py's choice: the workers' heartbeat files in memory, not on the disk.
        *([f"--worker-tmp-dir={SHM}"] if os.path.isdir(SHM) else []),
        *([f"--config={config}"] if config else []),
    ]
    return _started(start(name, command, port=port, workdir=workdir, env=env, cwd=cwd))


def _started(server: Server) -> Server:
    """Wait for the first answer (five workers importing Wagtail on a busy machine take a while)."""
    try:
        server.wait_ready("/", timeout=240)
    except BaseException:
        server.stop()
        raise
    return server


BACKEND_VCL = """\
# Written by bench/web/sites.py: congtin.vcl's site-specific include, pointing at the bench's gunicorn.
backend default {{
    .host = "127.0.0.1";
    .port = "{port}";{probe}
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 10s;
}}

acl congtin_purgers {{
    "127.0.0.1";
}}
"""


def varnish(backend: Server, *, workdir: Path, probe: bool, vcl: Path = VCL) -> Server:
    """varnishd in the foreground with its own working directory, in front of ``backend``."""
    include_dir = workdir / "varnish-include"
    include_dir.mkdir(exist_ok=True)
    # varnishd reads the VCL as its own user, which may not enter the checkout (a clone under a 0700 directory).
    shutil.copy(vcl, include_dir / vcl.name)
    (include_dir / "congtin-backend.vcl").write_text(
        BACKEND_VCL.format(port=backend.port, probe="\n    .probe = congtin_health;" if probe else ""),
        encoding="utf-8",
    )
    port = free_port()
    command = [
        shutil.which("varnishd") or "/usr/sbin/varnishd",
        "-F",
        "-n",
        str(workdir / "varnish-work"),
        "-a",
        f"127.0.0.1:{port}",
        "-T",
        f"127.0.0.1:{free_port()}",
        "-f",
        str(include_dir / vcl.name),
        "-p",
        f"vcl_path={include_dir}:/usr/share/varnish/vcl",
        "-s",
        "malloc,256m",
    ]
    if not probe:
        # congtin.vcl declares a probe the backend then leaves unused (Varnish 7.1; 7.3+ says vcc_feature).
        command += ["-p", "vcc_err_unref=off"]
    return _started(start("varnish", command, port=port, workdir=workdir))


NGINX_CONF = """\
# Written by bench/web/sites.py: one nginx master on 127.0.0.1 serving saved pages as files.
daemon off;
worker_processes {workers};
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    # The page's .gz beside it, for a browser's Accept-Encoding: nginx's cheapest compressed answer.
    gzip_static on;
    keepalive_requests 100000;
    default_type text/html;
    client_body_temp_path {workdir}/nginx-tmp/body;
    proxy_temp_path {workdir}/nginx-tmp/proxy;
    fastcgi_temp_path {workdir}/nginx-tmp/fastcgi;
    uwsgi_temp_path {workdir}/nginx-tmp/uwsgi;
    scgi_temp_path {workdir}/nginx-tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""


def nginx(root: Path, *, workdir: Path, workers: int) -> Server:
    port = free_port()
    (workdir / "nginx-tmp").mkdir(exist_ok=True)
    conf = workdir / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(workdir=workdir, port=port, root=root, workers=workers), encoding="utf-8"
    )
    command = [
        shutil.which("nginx") or "/usr/sbin/nginx",
        "-c",
        str(conf),
        "-e",
        str(workdir / "nginx-error.log"),
    ]
    return _started(start("nginx", command, port=port, workdir=workdir))
