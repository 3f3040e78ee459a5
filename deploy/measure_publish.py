#!/usr/bin/env python3
"""Measure publish → visible through the front cache on the `make run-prod` stack (demo content).

    deploy/run-prod start && deploy/measure_publish.py [ROUNDS]

Run with the same environment as run-prod (this script sets it for the defaults). Each round publishes a
new revision of a demo article with a marker in its title, in this process, exactly as the admin's
publish does, then polls its page, its section, the home page and the sitemap through Varnish until
every one shows the change; it prints the time from the commit to the last page fresh. The path
measured is the production one: commit → task row → db_worker → BAN → Varnish → gunicorn.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STATE = Path(os.environ.get("CONGTIN_PROD_DIR", REPO / ".prod"))
# Where deploy/run-prod keeps varnishd's working folder (a folder varnishd's own user may enter).
VARNISH_DIR = Path(
    os.environ.get("CONGTIN_VARNISH_DIR")
    or Path(tempfile.gettempdir()) / f"congtin-prod-varnish-{os.getuid()}"
)
VARNISH = f"http://127.0.0.1:{os.environ.get('VARNISH_PORT', '8088')}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congtin.settings.production")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/congtin_prod")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECRET_KEY", (STATE / "secret_key").read_text().strip())
os.environ.setdefault("CONGTIN_FRONTCACHE_HOSTS", VARNISH)
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6390/0")
sys.path.insert(0, str(REPO))


def get(path: str) -> str:
    with urllib.request.urlopen(VARNISH + path, timeout=10) as response:  # noqa: S310
        return str(response.read().decode())


def _newest_ban_time() -> float | None:
    """When Varnish recorded its newest ban (varnishadm ban.list), as a Unix time."""
    import subprocess

    listing = subprocess.run(  # noqa: S603
        ["varnishadm", "-n", str(VARNISH_DIR / "work"), "ban.list"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    ).stdout.splitlines()
    for line in listing[1:]:
        try:
            return float(line.split()[0])
        except (IndexError, ValueError):
            continue
    return None


def main(rounds: int) -> None:
    import django

    django.setup()
    from congtin.news.models import ArticlePage

    article = ArticlePage.objects.live().order_by("-first_published_at").first()
    if article is None:
        raise SystemExit("no live article: run deploy/run-prod start (it loads the demo)")
    base_title = article.title.split(" [", 1)[0]
    section = article.get_parent().url
    timings = []
    for n in range(rounds):
        for path in (article.url, section, "/"):
            get(path)  # warm
        marker = f"[{time.time_ns()}]"
        article.title = f"{base_title} {marker}"
        article.save_revision().publish()
        committed = time.perf_counter()
        committed_wall = time.time()
        pending = {article.url, section, "/"}
        while pending:
            pending = {path for path in pending if marker not in get(path)}
            if time.perf_counter() - committed > 30:
                raise SystemExit(f"still stale after 30 s: {sorted(pending)}")
        timings.append(time.perf_counter() - committed)
        banned = _newest_ban_time()
        ban_note = f", ban reached Varnish after {(banned - committed_wall) * 1000:.0f} ms" if banned else ""
        print(f"round {n + 1}: {timings[-1] * 1000:.0f} ms{ban_note}")  # noqa: T201
    article.title = base_title
    article.save_revision().publish()
    print(  # noqa: T201
        f"publish → article, section and home fresh through Varnish: median {statistics.median(timings) * 1000:.0f} ms,"
        f" max {max(timings) * 1000:.0f} ms over {rounds} rounds"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
