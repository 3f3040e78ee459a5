"""Geometry of the report's charts, drawn as inline SVG by the templates; no JavaScript library.

Each chart is an image with a title and a one-sentence description (``role="img"``); the numbers
themselves are in the data table printed beside it, which is what screen readers and exports use.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

LABEL_CHARS = 28


def format_int(value: int) -> str:
    """1234567 → '1.234.567' (Vietnamese groups thousands with dots)."""
    return f"{value:,}".replace(",", ".")


def nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 × 10^k at or above ``value`` (at least 1): a round top for an axis."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power  # pragma: no cover


def _shorten(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


@dataclass(frozen=True)
class Bar:
    label: str
    short_label: str
    value_text: str
    y: float
    width: float
    text_y: float
    value_x: float


@dataclass(frozen=True)
class BarChart:
    title: str
    description: str
    width: int
    height: int
    label_width: int
    bar_height: int
    bars: list[Bar]


def bar_chart(
    rows: Sequence[tuple[str, int]],
    *,
    title: str,
    description: str,
    width: int = 640,
    label_width: int = 220,
    row_height: int = 26,
) -> BarChart:
    """Horizontal bars, one per row, scaled to the largest value."""
    plot = width - label_width - 70
    top = max((value for _label, value in rows), default=0) or 1
    bar_height = row_height - 8
    bars = []
    for index, (label, value) in enumerate(rows):
        y = index * row_height + 4
        length = plot * value / top
        bars.append(
            Bar(
                label=label,
                short_label=_shorten(label),
                value_text=format_int(value),
                y=y,
                width=round(length, 1),
                text_y=y + bar_height - 4,
                value_x=round(label_width + length + 6, 1),
            )
        )
    return BarChart(
        title, description, width, max(len(rows), 1) * row_height + 8, label_width, bar_height, bars
    )


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    value_text: str
    show_label: bool


@dataclass(frozen=True)
class Tick:
    y: float
    text: str


@dataclass(frozen=True)
class LineChart:
    title: str
    description: str
    width: int
    height: int
    left: int
    right: int
    baseline: float
    points: list[Point]
    ticks: list[Tick]

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


def line_chart(
    rows: Sequence[tuple[str, int]],
    *,
    title: str,
    description: str,
    width: int = 640,
    height: int = 260,
    max_labels: int = 12,
) -> LineChart:
    """A line through one point per period, with four gridlines and at most ``max_labels`` x labels."""
    left, right, top, bottom = 56, width - 16, 12, height - 40
    axis_top = nice_ceiling(max((value for _label, value in rows), default=0))
    count = len(rows)
    step = (right - left) / (count - 1) if count > 1 else 0
    every = max(1, math.ceil(count / max_labels))
    points = [
        Point(
            x=round(left + index * step if count > 1 else (left + right) / 2, 1),
            y=round(bottom - (bottom - top) * value / axis_top, 1),
            label=label,
            value_text=format_int(value),
            show_label=index % every == 0 or index == count - 1,
        )
        for index, (label, value) in enumerate(rows)
    ]
    ticks = [
        Tick(y=round(bottom - (bottom - top) * k / 4, 1), text=format_int(round(axis_top * k / 4)))
        for k in range(5)
    ]
    return LineChart(title, description, width, height, left, right, bottom, points, ticks)
