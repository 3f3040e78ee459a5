"""Processes the bench starts, and what the kernel says they cost (``/proc``).

CPU is the run time of every thread of a server's processes (master and workers), from the scheduler's
``/proc/<pid>/task/<tid>/schedstat`` in nanoseconds, read before and after a measurement; memory is each process's ``VmRSS``. Linux only, like the servers measured.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _stat_fields(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) may hold spaces; everything after its closing parenthesis is fixed.
    return raw[raw.rindex(")") + 2 :].split()


def process_tree(root: int) -> list[int]:
    """``root`` and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            fields = _stat_fields(int(entry))
            if fields:
                children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _runtime_ns(pid: int) -> int | None:
    """The CPU time of every live thread of ``pid``, in nanoseconds (the first field of each thread's
    ``schedstat``: the scheduler's own count, where ``stat``'s utime and stime are in 10 ms ticks)."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return None
    total = 0
    for task in tasks:
        try:
            total += int(Path(f"/proc/{pid}/task/{task}/schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue
    return total


def cpu_seconds(pids: list[int]) -> float:
    """CPU time of ``pids``: their threads' exact run time, plus (in ticks) that of children they reaped
    -- a worker recycled during the row. Over the 30 requests of a one-at-a-time row, ticks alone
    would be 0.33 ms per request per process, as large as a cached page's whole cost."""
    total = 0.0
    for pid in pids:
        fields = _stat_fields(pid)
        if not fields:
            continue
        runtime = _runtime_ns(pid)
        if runtime is None:
            total += (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
        else:
            total += runtime / 1e9
        total += (int(fields[13]) + int(fields[14])) / CLOCK_TICKS
    return total


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def machine_busy() -> tuple[int, int]:
    """(busy, total) jiffies of all CPUs since boot, from ``/proc/stat``."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    total = sum(values[:8])  # without guest time, already counted in user
    return total - idle, total


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


@dataclass
class Server:
    """A server process the bench started (gunicorn master, nginx master, varnishd manager)."""

    name: str
    process: subprocess.Popen[bytes]
    port: int
    log: Path
    extra_roots: list[int] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def pids(self) -> list[int]:
        pids = process_tree(self.process.pid)
        for root in self.extra_roots:
            pids += process_tree(root)
        return pids

    def cpu(self) -> float:
        return cpu_seconds(self.pids())

    def memory(self) -> list[tuple[int, int]]:
        """(pid, RSS KiB) of each process."""
        return [(pid, rss_kib(pid)) for pid in self.pids()]

    def wait_ready(self, path: str = "/", timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited ({self.process.returncode}); see {self.log}")
            try:
                with urllib.request.urlopen(self.url + path, timeout=max(5.0, deadline - time.monotonic())):  # noqa: S310
                    return
            except urllib.error.HTTPError:
                return  # it answers; the path's status is checked by the caller
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not answer on {self.url} in {timeout:.0f} s; see {self.log}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start(
    name: str,
    command: list[str],
    *,
    port: int,
    workdir: Path,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> Server:
    log = workdir / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(  # noqa: S603 - our own command line
            command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd, start_new_session=True
        )
    return Server(name=name, process=process, port=port, log=log)


def fetch(url: str, timeout: float = 60.0) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of a GET (any status)."""
    request = urllib.request.Request(url, headers={"User-Agent": "congtin-bench"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - 127.0.0.1 only
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def postgres_backends(server_url: str, database: str, connection: Any = None) -> list[int]:
    """PIDs of the PostgreSQL server processes serving ``database``: one per connection, and the parallel
    workers and autovacuum workers at work in it at the time. ``connection``: an open psycopg connection
    to ask with (autocommit), else one is opened for the question."""
    sql = "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
    if connection is not None:
        return [int(row[0]) for row in connection.execute(sql, (database,)).fetchall()]
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as opened:
        return [int(row[0]) for row in opened.execute(sql, (database,)).fetchall()]


class DatabaseCPU:
    """CPU of the PostgreSQL processes serving one database between ``__init__`` and ``seconds()``.

    Processes come and go: Django replaces a connection older than ``CONN_MAX_AGE`` after a request, a
    query may run parallel workers for its duration. A thread reads the database's processes every ``poll``
    seconds and keeps each one's latest reading: one that appears meanwhile counts in full, one that ended
    counts up to its last reading (at most ``poll`` seconds of its work are lost, never counted negative).
    Reading only at both ends, as this did until 29/11/2026, lost everything a replaced connection did in
    the window, and never saw a process that came and went: vanilla Wagtail's search statements run two
    parallel workers each (PostgreSQL's default ``max_parallel_workers_per_gather``), which did more than
    half of its database's work and were never counted (ten of its statements at 10,000 articles: 0.59 s
    read at both ends, 1.42 s polled every 0.05 s; 0.63 s in one process without parallel workers).
    """

    POLL = 0.05

    def __init__(self, server_url: str, database: str, *, poll: float | None = POLL) -> None:
        self.server_url, self.database = server_url, database
        self._connection: Any = None
        self._lock = threading.Lock()
        self.before = self._readings()
        self.latest = dict(self.before)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if poll:
            self._thread = threading.Thread(target=self._poll, args=(poll,), daemon=True)
            self._thread.start()

    def _readings(self) -> dict[int, float]:
        with self._lock:
            if self._connection is None:
                import psycopg

                # One connection for every reading: opening one each time would cost the server a process.
                self._connection = psycopg.connect(self.server_url, autocommit=True)
            pids = postgres_backends(self.server_url, self.database, self._connection)
        return {pid: cpu_seconds([pid]) for pid in pids}

    def _read(self) -> None:
        for pid, value in self._readings().items():
            self.latest[pid] = max(value, self.latest.get(pid, 0.0))

    def _poll(self, interval: float) -> None:
        while not self._stop.wait(interval):
            with contextlib.suppress(Exception):  # a reading missed is a reading missed; the last one counts
                self._read()

    def seconds(self) -> float:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._read()
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
        return sum(max(0.0, value - self.before.get(pid, 0.0)) for pid, value in self.latest.items())
