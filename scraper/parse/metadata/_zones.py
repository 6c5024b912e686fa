"""The local day of a UTC instant, from the country a site's domain names.

A page that gives only a UTC instant (``2022-11-06T23:00:00Z``) and no local time
anywhere still says which country it is written for through its country-code domain;
when every civil time zone of that country puts the instant on the same day, that day
(and, with a single offset, the local time) is what the page's readers saw.

The zones come from the ``tzdata`` package, never from the host's database: the same
page gives the same record on every machine (zone rules change every year, and a host
without a database, as slim containers are, would give none).
"""

from __future__ import annotations

import functools
from datetime import datetime
from importlib import resources
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

__all__ = ["COUNTRY_ZONES", "day_in_country"]

# Civil time zones of countries whose top-level domain serves mostly their own sites, every
# zone of the country listed (its extremes are what matters). Generic-use ccTLDs (.co, .io,
# .tv, .me, .fm, ...) are left out on purpose, and so are countries that span too many
# zones to agree on a day (Russia).
_COUNTRY_ZONES_RAW = {
    "Europe/": "de:Berlin at:Vienna ch:Zurich fr:Paris it:Rome nl:Amsterdam be:Brussels "
    "lu:Luxembourg pl:Warsaw cz:Prague sk:Bratislava hu:Budapest si:Ljubljana hr:Zagreb "
    "rs:Belgrade ba:Sarajevo dk:Copenhagen se:Stockholm no:Oslo fi:Helsinki ee:Tallinn "
    "lv:Riga lt:Vilnius gr:Athens ro:Bucharest bg:Sofia ua:Kyiv md:Chisinau ie:Dublin "
    "uk:London gb:London tr:Istanbul by:Minsk",
    "Asia/": "in:Kolkata jp:Tokyo kr:Seoul cn:Shanghai tw:Taipei hk:Hong_Kong sg:Singapore "
    "ph:Manila il:Jerusalem th:Bangkok vn:Ho_Chi_Minh my:Kuala_Lumpur pk:Karachi ir:Tehran "
    "ae:Dubai sa:Riyadh",
    "Africa/": "eg:Cairo za:Johannesburg ng:Lagos ke:Nairobi",
    "America/": "ar:Argentina/Buenos_Aires pe:Lima ve:Caracas uy:Montevideo",
}
_MULTI_ZONE = {
    "es": ("Europe/Madrid", "Atlantic/Canary"),
    "pt": ("Europe/Lisbon", "Atlantic/Azores"),
    "is": ("Atlantic/Reykjavik",),
    "nz": ("Pacific/Auckland", "Pacific/Chatham"),
    "cl": ("America/Santiago", "Pacific/Easter"),
    "br": ("America/Noronha", "America/Sao_Paulo", "America/Manaus", "America/Rio_Branco"),
    "mx": ("America/Cancun", "America/Mexico_City", "America/Hermosillo", "America/Tijuana"),
    "ca": (
        "America/St_Johns", "America/Halifax", "America/Toronto", "America/Winnipeg",
        "America/Regina", "America/Edmonton", "America/Vancouver", "America/Whitehorse",
    ),
    "us": (
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
        "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu",
    ),
    "au": (
        "Australia/Perth", "Australia/Eucla", "Australia/Darwin", "Australia/Adelaide",
        "Australia/Brisbane", "Australia/Sydney", "Australia/Lord_Howe",
    ),
    "id": ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"),
}  # fmt: skip


def _build_zones() -> dict[str, tuple[str, ...]]:
    table = dict(_MULTI_ZONE)
    for prefix, pairs in _COUNTRY_ZONES_RAW.items():
        for pair in pairs.split():
            cc, city = pair.split(":")
            table[cc] = (prefix + city,)
    return table


COUNTRY_ZONES = _build_zones()


@functools.cache  # a few dozen names; ``from_file`` skips ZoneInfo's own cache
def _zone(name: str) -> ZoneInfo | None:
    try:
        with resources.files("tzdata.zoneinfo").joinpath(*name.split("/")).open("rb") as f:
            return ZoneInfo.from_file(f, key=name)
    except (ImportError, OSError, ValueError):  # tzdata missing or without the zone
        return None


def day_in_country(value: str, url: str | None) -> str | None:
    """A UTC instant as the site's country reads it, when the URL's country-code domain
    names a country whose every time zone puts the instant on the same day, and that day
    is not the UTC one: the instant in the country's offset when it has one offset then,
    the bare date when its zones agree on the day only. ``None`` when nothing can be said
    (a generic domain, zones that disagree, no time zone database) or nothing changes.

    Midnight UTC is left alone: it is how many systems stamp a bare date.

    >>> day_in_country("2022-11-06T23:30:00+00:00", "https://www.example.de/a")
    '2022-11-07T00:30:00+01:00'
    """
    if not value.endswith("+00:00") or "T00:00:00" in value or not url:
        return None
    host = urlsplit(url).hostname or ""
    zones = COUNTRY_ZONES.get(host.rsplit(".", 1)[-1])
    if not zones:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    local = []
    for name in zones:
        zone = _zone(name)
        if zone is None:
            return None
        local.append(when.astimezone(zone))
    days = {t.date() for t in local}
    if len(days) != 1 or local[0].date() == when.date():
        return None
    if len({t.utcoffset() for t in local}) == 1:
        return local[0].isoformat()
    return local[0].date().isoformat()
