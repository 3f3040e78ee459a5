"""Running ``wrk`` (Debian's package) against 127.0.0.1 and reading its report.

Each target is a list of paths; a small Lua script makes every wrk thread walk the list round-robin
from its own offset, so 100 articles are read, not one hot row.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

PATHS_SCRIPT = """\
-- Written by bench/web/wrk.py: each thread requests the paths listed in the file given after "--",
-- round-robin, starting at its own offset.
local paths = {}
local counter = 0
local offset = 0
local thread_count = 0

function setup(thread)
  thread:set("offset", thread_count * 7)
  thread_count = thread_count + 1
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  counter = tonumber(offset) or 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
"""

ACCEPT_ENCODING = "gzip, deflate, br"
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_DURATION = re.compile(r"^([\d.]+)(us|ms|s|m|h)$")


@dataclass
class WrkResult:
    requests: int = 0
    seconds: float = 0.0
    requests_per_s: float = 0.0
    latency_ms: dict[str, float] = field(default_factory=dict)  # "50", "75", "90", "99"
    non_2xx_3xx: int = 0
    socket_errors: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return self.non_2xx_3xx + sum(self.socket_errors.values())


def duration_ms(text: str) -> float:
    """``"1.23ms"`` → 1.23; ``"850.00us"`` → 0.85; ``"2.01s"`` → 2010.0."""
    match = _DURATION.match(text.strip())
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def parse(output: str) -> WrkResult:
    """Read wrk's text report (run with ``--latency``)."""
    result = WrkResult()
    for percent, value in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)\s*$", output, re.MULTILINE):
        result.latency_ms[percent] = duration_ms(value)
    if match := re.search(r"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m|h)", output, re.MULTILINE):
        result.requests = int(match.group(1))
        result.seconds = float(match.group(2)) * _UNITS[match.group(3)] / 1000
    if match := re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE):
        result.requests_per_s = float(match.group(1))
    if match := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output):
        result.non_2xx_3xx = int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        result.socket_errors = dict(
            zip(("connect", "read", "write", "timeout"), map(int, match.groups()), strict=True)
        )
    if not result.requests:
        raise ValueError("wrk reported no requests:\n" + output)
    return result


def wrk_path() -> str | None:
    return shutil.which("wrk")


def run(
    base_url: str,
    paths: list[str],
    *,
    seconds: float,
    connections: int,
    threads: int,
    workdir: Path,
    timeout_s: int = 30,
) -> tuple[WrkResult, str]:
    """One wrk run over ``paths``; the parsed result and wrk's own text."""
    script = workdir / "paths.lua"
    script.write_text(PATHS_SCRIPT, encoding="utf-8")
    listing = workdir / "paths.txt"
    listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
    command = [
        wrk_path() or "wrk",
        f"--threads={min(threads, connections)}",
        f"--connections={connections}",
        f"--duration={max(1, round(seconds))}s",
        f"--timeout={timeout_s}s",
        "--latency",
        f"--script={script}",
        # As every browser asks: the front cache and nginx answer with their compressed copies.
        f"--header=Accept-Encoding: {ACCEPT_ENCODING}",
        base_url + paths[0],
        "--",
        str(listing),
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    return parse(output), output
