"""gunicorn settings for congtin (deploy/run-prod uses them; a server's systemd unit can too).

Every value can be overridden from the environment, so one file serves a laptop and a ministry's
application servers: GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_THREADS, GUNICORN_TIMEOUT,
GUNICORN_ACCESS_LOG / GUNICORN_ERROR_LOG ("-" for stdout/stderr), GUNICORN_PIDFILE,
GUNICORN_WORKER_TMP_DIR.
"""

import multiprocessing
import os

wsgi_app = "congtin.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Sync workers: a page is CPU-bound rendering plus a few fast queries. Varnish holds slow clients.
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 10
keepalive = 5
# Each worker tells the master it is alive by changing its heartbeat file's mode on every request. On a
# disk's file system that dirties an inode per request for the journal to write: with the file in
# /tmp on ext4 the article page served 335-364 pages a second at 16 connections, with it in /dev/shm
# (memory) 369-398, the workers' CPU 7-12% lower, in three alternating rounds (session 8).
_shm = "/dev/shm"  # noqa: S108 -- gunicorn makes its file there with mkstemp and unlinks it at once
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or (_shm if os.path.isdir(_shm) else None)
# Recycle workers now and then so a slow leak never grows into an outage. Each worker draws its limit
# anywhere in 50,000-100,000 requests. A worker serving articles, sections and the home page kept its
# memory flat (125.4 -> 127.2 MiB after its warm-up, then +12 KiB over 38,458 requests: session 6), so
# a recycling guards against a leak of some future change, not a known one -- and every recycling costs:
# the new worker warms itself (70-740 ms of CPU on a busy machine) while the others carry its share.
# At 5,000-5,500 the workers reached their limits together and the home page's p99 at 16 connections
# went from 26 ms to 450-990 ms (session 5); at 5,000-10,000 each worker was still replaced once a
# minute at 800 pages a second, and a replacement during the home row took its p99 to 51 ms.
max_requests = 50000
max_requests_jitter = 50000
# Load the application once in the master: workers fork with the code already imported.
preload_app = True


def when_ready(server):  # type: ignore[no-untyped-def]
    """The master serves the same pages once before forking, so every worker inherits what they loaded."""
    from congtin.core.warmup import when_ready as warm

    warm(server)


def post_worker_init(worker):  # type: ignore[no-untyped-def]
    """A new or recycled worker serves the home page and the main sections to itself before its first
    reader (congtin/core/warmup.py): its connections, templates and page chrome are ready."""
    from congtin.core.warmup import post_worker_init as warm

    warm(worker)


accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
# Python warnings and logging that reach stderr (e.g. "Redis unavailable") land in the error log too.
capture_output = True
pidfile = os.environ.get("GUNICORN_PIDFILE") or None
# Varnish on the same host forwards X-Forwarded-For / -Proto.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "congtin"
# One control socket per instance under the state dir, never the shared ~/.gunicorn/gunicorn.ctl.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket
