"""Dates spelled in a URL path (``/2013/03/22/``, ``-20130322-``, ``/2019/10/``): a
date-only last resort, and the month a post was published in."""

from __future__ import annotations

import re

from ._dates import valid_day

__all__ = ["date_from_url", "month_from_url"]


_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-]([01]?\d)[/-]([0-3]?\d)(?:[/_.-]|$)"
    # "/20231102/", "-20231102-headline", "_20231102_1698920402": eight digits set apart
    r"|[/_-]((?:19|20)\d{2})([01]\d)([0-3]\d)(?:[/_.-]|$)"
)
# "/23-01-2022-headline", "/meldungen/29-10-2021": day first, as most of the world writes
_URL_DMY = re.compile(r"/([0-3]\d)[-_.]([01]\d)[-_.]((?:19|20)\d{2})(?:[/_.-]|$)")


def date_from_url(url: str | None) -> str | None:
    """A date spelled in a URL path (``/2013/03/22/``, ``/2013-03-22-title``, ``-20130322-``,
    ``/22-03-2013-title`` when the day is over 12, so the order is beyond doubt), date only.
    """
    if not url:
        return None
    m = _URL_DATE.search(url)
    if m:
        g = [x for x in m.groups() if x is not None]
        day = valid_day(int(g[0]), int(g[1]), int(g[2]))
        return day.isoformat() if day else None
    m = _URL_DMY.search(url)
    if m and int(m.group(1)) > 12:
        day = valid_day(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return day.isoformat() if day else None
    return None


_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/([01]\d)/")


def month_from_url(url: str | None) -> str | None:
    """``YYYY-MM`` of a dated path: ``/2019/10/`` (Blogger, WordPress permalinks by month)
    or a full date (``date_from_url``): the month the post was published in."""
    day = date_from_url(url)
    if day:
        return day[:7]
    m = _URL_MONTH.search(url or "")
    if m is None or not 1 <= int(m.group(2)) <= 12:
        return None
    return f"{m.group(1)}-{m.group(2)}"
