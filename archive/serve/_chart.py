"""The thread's growth over captures as a small SVG, drawn on the server.

No chart library and no script: a polyline over at most a few hundred captures is a few
lines of arithmetic, and the page stays usable with JavaScript off. Every text that goes into
the SVG is escaped here, because the result is inserted into the page as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

__all__ = ["growth_svg"]

WIDTH, HEIGHT = 560, 180
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40


def growth_svg(points: Sequence[tuple[str, int]]) -> Markup:
    """``points`` are ``(captured_at, comment count)``, oldest first."""
    if not points:
        return Markup("")
    top = max(max(n for _, n in points), 1)
    span_x = WIDTH - LEFT - RIGHT
    span_y = HEIGHT - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + (span_x * i / (len(points) - 1) if len(points) > 1 else span_x / 2)

    def y(n: int) -> float:
        return TOP + span_y * (1 - n / top)

    coords = " ".join(f"{x(i):.1f},{y(n):.1f}" for i, (_, n) in enumerate(points))
    dots = "".join(
        f'<circle cx="{x(i):.1f}" cy="{y(n):.1f}" r="3.5"><title>{escape(at)}: {n} comments'
        "</title></circle>"
        for i, (at, n) in enumerate(points)
    )
    first, last = escape(points[0][0][:10]), escape(points[-1][0][:10])
    label = f"Comments per capture, {points[0][1]} to {points[-1][1]}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'aria-label="{escape(label)}">',
        f'<line class="axis" x1="{LEFT}" y1="{TOP + span_y}" x2="{WIDTH - RIGHT}" '
        f'y2="{TOP + span_y}"/>',
        f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + span_y}"/>',
        f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end">{top}</text>',
        f'<text x="{LEFT - 6}" y="{TOP + span_y + 4}" text-anchor="end">0</text>',
        f'<text x="{LEFT}" y="{HEIGHT - 12}">{first}</text>',
        f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 12}" text-anchor="end">{last}</text>',
        f'<polyline class="line" points="{coords}"/>',
        dots,
        "</svg>",
    ]
    return Markup("".join(parts))  # every interpolated text is escaped above
