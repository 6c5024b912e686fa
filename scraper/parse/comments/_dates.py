"""Visible comment dates to ISO 8601: "March 22, 2013 at 2:47 PM", "22.03.2013 в 11:20",
"2013年3月22日 11:02 PM", "Fri, 03/22/2013 - 10:15".

Comments rarely carry ``<time datetime>``; their dates are text in the theme's format. We
search the text for one date in a known shape plus an optional clock time; anything else is
``None`` (never a guess). No offset is added: the page does not give one.
"""

from __future__ import annotations

import re
from datetime import date

from ..metadata._dates import month_number

__all__ = ["parse_visible_date"]

_MONTH = r"([A-Za-zÀ-ÿ]{3,10})\.?"
_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ymd", re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")),
    ("ymd", re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")),
    ("dmy", re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")),
    ("mdy", re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")),
    ("d_m_y", re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+{_MONTH},?\s+(\d{{4}})")),
    ("m_d_y", re.compile(rf"{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})")),
    # C's asctime, the clock before the year: "Wed Jan  3 11:00:00 2024" (ikiwiki's "%c")
    (
        "m_d_y",
        re.compile(
            rf"{_MONTH}\s+(\d{{1,2}})\s+(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?)\s+(\d{{4}})(?!\d)"
        ),
    ),
)
_CLOCK = re.compile(
    r"(?<!\d)(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*([AaPp])?\.?\s*[Mm]?\.?(?![A-Za-z])"
)


def parse_visible_date(text: str | None) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM`` or with seconds; ``None`` when no date is seen."""
    if not text or len(text) > 120:
        return None
    for kind, rx in _SHAPES:
        m = rx.search(text)
        if m is None:
            continue
        day = _day(kind, m.groups())
        if day is None:
            continue
        clock = _clock(text[m.end() :]) or _clock(text[: m.start()]) or _clock(m.group())
        return f"{day.isoformat()}T{clock}" if clock else day.isoformat()
    return None


def _day(kind: str, g: tuple[str, ...]) -> date | None:
    try:
        if kind == "ymd":
            y, mo, d = int(g[0]), int(g[1]), int(g[2])
        elif kind == "dmy":
            d, mo, y = int(g[0]), int(g[1]), int(g[2])
        elif kind == "mdy":
            mo, d, y = int(g[0]), int(g[1]), int(g[2])
            y = y + 2000 if y < 100 else y
        elif kind == "d_m_y":
            d, mo, y = int(g[0]), month_number(g[1]) or 0, int(g[2])
        else:
            mo, d, y = month_number(g[0]) or 0, int(g[1]), int(g[2])
        return date(y, mo, d)
    except ValueError:
        return None


def _clock(text: str) -> str | None:
    m = _CLOCK.search(text)
    if m is None:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    half = (m.group(4) or "").lower()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    seconds = f":{m.group(3)}" if m.group(3) else ""
    return f"{hour:02d}:{minute:02d}{seconds}"
