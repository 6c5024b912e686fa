"""Dates as pages write them, to ISO 8601: machine values, visible text in many languages, URLs.

Three entry points, from most to least precise:

* ``parse_iso`` reads machine-readable values (``datetime=``, JSON-LD, ``<meta>``): ISO 8601
  in its many real-world spellings and RFC 2822. The UTC offset is kept as the page gives it
  (``+0100`` becomes ``+01:00``, ``Z`` stays UTC as ``+00:00``); a bare date stays a date.
* ``parse_text`` reads a date out of visible text ("22. März 2013", "2013年3月22日",
  "March 22nd, 2013", "22.03.2013"). Numeric day/month orders that cannot be told apart
  ("03/04/2013") give ``None`` unless the caller knows the order: a wrong date is worse
  than none.
* ``_urldates.date_from_url`` reads ``/2013/03/22/``-style paths, a date-only last resort.

dateparser is deliberately not used: it is slow and guesses; the month table (``_months``)
covers the languages of the blogs we archive, and each entry is a fact, not a heuristic.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_tz

from ._months import month_number, month_of

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "day_in_month",
    "month_number",
    "parse_clock",
    "parse_iso",
    "parse_text",
    "valid_day",
]

MIN_YEAR = 1990
MAX_YEAR = 2099

_ISO = re.compile(
    r"^\s*(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*"
    r"(Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?",
    re.IGNORECASE,
)
_YMD_LOOSE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


def valid_day(y: int, m: int, d: int) -> date | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _offset(tz: str | None) -> str:
    if not tz:
        return ""
    tz = tz.upper()
    if tz in ("Z", "UTC", "GMT"):
        return "+00:00"
    digits = tz[1:].replace(":", "")
    if len(digits) == 2:
        digits += "00"
    hours, minutes = int(digits[:2]), int(digits[2:4])
    if hours > 14 or minutes > 59:
        return ""
    return f"{tz[0]}{digits[:2]}:{digits[2:4]}"


def parse_iso(value: str | None) -> str | None:
    """A machine-readable date (ISO 8601 or RFC 2822) as ISO 8601; ``None`` when it is none.

    >>> parse_iso("2013-03-22T10:15:00+0100")
    '2013-03-22T10:15:00+01:00'
    >>> parse_iso("2013-03-22")
    '2013-03-22'
    """
    if not value:
        return None
    value = value.strip()[:80]
    m = _ISO.match(value)
    if m:
        y, mo, d, hh, mi, ss, tz = m.groups()
        day = valid_day(int(y), int(mo), int(d))
        if day is None:
            return None
        if hh is None:
            return day.isoformat()
        if int(hh) > 23 or int(mi) > 59 or (ss and int(ss) > 59):
            return day.isoformat()
        return f"{day.isoformat()}T{int(hh):02d}:{mi}:{ss or '00'}{_offset(tz)}"
    return _parse_rfc2822(value) or _parse_loose_machine(value)


_TWELVE_HOUR = re.compile(r"\d\s*[ap]\.?m\b", re.IGNORECASE)
_JS_ZONE = re.compile(r"\d:\d\d GMT([+-])(0\d|1[0-4])([0-5]\d)\b")
_UTC_NAMES = frozenset({"UT", "UTC", "GMT", "Z", "+0000", "-0000", "+00:00", "-00:00"})


def _parse_rfc2822(value: str) -> str | None:
    """RFC 2822 as mail and feeds write it. ``parsedate_tz`` takes any word after the time
    for a zone and an unknown one for UTC, so "December 11, 2014, 1:40 PM" (a visible
    date copied into a meta tag) would become 01:40 UTC: a 12-hour clock is left to
    ``parse_text``, and only a zone RFC 2822 names (or a numeric one) gives an offset."""
    if not any(c.isalpha() for c in value[:5]) and "," not in value:
        return None
    if _TWELVE_HOUR.search(value):
        return None
    parts = parsedate_tz(value)
    if not parts:
        return None
    y, mo, d, hh, mi, ss = parts[:6]
    day = valid_day(y, mo, d)
    if day is None:
        return None
    offset = parts[9]
    js_zone = _JS_ZONE.search(value)
    if js_zone:  # JavaScript's Date#toString: "... 01:00:00 GMT+0100 (Central European ...)"
        sign = -1 if js_zone.group(1) == "-" else 1
        offset = sign * (int(js_zone.group(2)) * 3600 + int(js_zone.group(3)) * 60)
    elif offset == 0 and not any(word.upper() in _UTC_NAMES for word in value.split()):
        offset = None  # a word parsedate_tz does not know: no zone was given
    if offset is None:
        return f"{day.isoformat()}T{hh:02d}:{mi:02d}:{ss:02d}"
    stamp = datetime(y, mo, d, hh, mi, ss, tzinfo=timezone(timedelta(seconds=offset)))
    return stamp.isoformat()


def _parse_loose_machine(value: str) -> str | None:
    """Machine fields that hold text ("22.03.2013", "March 22, 2013"): date only."""
    return parse_text(value)


# --- visible text --------------------------------------------------------------------------

_WORD = r"([^\W\d_]{3,}\.?)"
_DAY = r"(\d{1,2})(?:\.|st|nd|rd|th|er|e|º|°)?"
# the end of a day-first year: no digit follows, or the next date does, glued to it by a
# text of adjacent elements (WordPress's published and updated <time>s: "22. Dezember
# 201922. Dezember 2019", "22.03.201922.03.2019")
_YEAR_END = r"(?:(?!\d)|(?=\d{1,2}\.\s?(?:\d|[^\W\d_]{3})))"
_TEXT_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?"), "ymd"),
    (_YMD_LOOSE, "ymd"),
    # Hungarian and Korean space the parts: "2020. 08. 18. 21:35"
    (re.compile(r"(?<!\d)(\d{4})\.\s(\d{1,2})\.\s?(\d{1,2})\.?(?!\d)"), "ymd"),
    (re.compile(rf"(?<!\d)(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?(\d{{4}}){_YEAR_END}"), "dmy"),
    (re.compile(r"(?<![\d/])(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?![\d/])"), "ambiguous"),
    # spaced out, as Arabic and some designed datelines write it: "١ / ١٢ / ٢٠٢٠", "26 | 01 | 2022"
    (
        re.compile(
            r"(?<![\d/|])(\d{1,2})(?:\s+/\s+|\s*\|\s*)(\d{1,2})(?:\s+/\s+|\s*\|\s*)(\d{4})(?!\d)"
        ),
        "ambiguous",
    ),
    (
        # "7 de desembre de 2026", "7 d'abril de 2026", "07-Dec-2026"; the Levant names a
        # month twice ("24 نيسان / أبريل 2020"), the first name counts
        re.compile(
            rf"(?<!\d){_DAY}\s*(?:de\s+|of\s+|d['’]\s*|[-/])?{_WORD}(?:\s*/\s*[^\W\d_]{{3,}})?"
            rf"\s*,?\s*(?:de\s+|del\s+|[-/])?(\d{{4}}){_YEAR_END}",
            re.IGNORECASE,
        ),
        "d_word_y",
    ),
    (
        # "Nov. 6,2012" too: a comma or a space before the year
        re.compile(rf"{_WORD}\s+{_DAY}(?:\s*,\s*|\s+)(\d{{4}})(?!\d)", re.IGNORECASE),
        "word_d_y",
    ),
    (
        # year first, as Hungarian ("2026. december 7.") and Lithuanian ("2026 m. gruodžio
        # 7 d.") write it: the year's dot or "m." says so, a bare "2026 May 7" is not read
        re.compile(rf"(?<!\d)(\d{{4}})(?:\.|\s+m\.)\s*{_WORD}\s*(\d{{1,2}})(?!\d)"),
        "y_word_d",
    ),
)


_YEAR_DIGITS = re.compile(r"\d{4}")
# Vietnamese numbers its months: "ngày 3 tháng 3 năm 2014", "03 tháng 03, 2014" (day,
# "month" and its number, the year after "năm", a comma or a space); no month name to look
# up, so none of _TEXT_PATTERNS reads it
_VI_MONTH = re.compile(
    r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,\s*|\s+năm\s+|\s+)(\d{4})(?!\d)", re.IGNORECASE
)
# the time zones of the United States as its pages name them after a time of day
_US_ZONE = re.compile(r"\d\s*(?:[AaPp]\.?[Mm]\.?)?\s+(?:[ECMP][SD]T|ET|PT)\b")
_SHORT_YEAR = re.compile(r"(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{2})(?![\d./])")
# a date's own label right before a two-digit-year date: "Datum: 17.03.14", "vom 17.03.14"
_SHORT_LABEL = re.compile(
    r"(?:\b(?:datum|date|stand|vom|posted|published|veröffentlicht|erstellt|publié|"
    r"publicado|fecha)|[|•·])\s*:?\s*$",
    re.IGNORECASE,
)
# a month's name with an apostrophe's two-digit year: "14 Feb ’20", "Feb 14, '20"; the
# apostrophe marks the elided century, as only a year is written
_APOSTROPHE_YEAR = re.compile(
    r"(?<!\d)(\d{1,2})\.?\s+([^\W\d_]{3,}\.?)\s*['’‘](\d{2})(?!\d)|"
    r"([^\W\d_]{3,}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s*['’‘](\d{2})(?!\d)"
)


def parse_text(
    text: str | None, *, dayfirst: bool | None = None, short_year: bool = False
) -> str | None:
    """The first unambiguous date in a short visible text, as ``YYYY-MM-DD`` (with
    ``THH:MM`` when a time of day follows it: no offset, the page gives none).

    ``dayfirst`` settles "03/04/2013" when the caller knows the page's convention
    (``True`` for most of the world, ``False`` for US English); left ``None``, such a date
    is skipped unless one number is over 12.

    ``short_year`` also reads "31.10.23" (day, month, two-digit year: 1970-2069; month
    first with ``dayfirst=False`` when it can be: "11.12.12" is November on a US page), when
    nothing else matched; only for a text known to be a date, such as a short date-classed
    element, as in prose it could be a version number.

    >>> parse_text("Veröffentlicht am 22. März 2013 um 10:15")
    '2013-03-22'
    """
    if not text:
        return None
    text = text[:300]
    found: list[tuple[int, int, date]] = []
    # every pattern of _TEXT_PATTERNS holds a four-digit year: most texts (bylines,
    # labels) have none and skip the searches
    patterns = _TEXT_PATTERNS if _YEAR_DIGITS.search(text) else ()
    if dayfirst is None and patterns and _US_ZONE.search(text):
        dayfirst = False  # "10/04/2016 05:07 AM EDT": a US time zone, a US date
    for pattern, kind in patterns:
        for m in pattern.finditer(text):
            day = _from_match(m.groups(), kind, dayfirst)
            if day is not None:
                found.append((m.start(), m.end(), day))
                break
    if patterns and ("háng" in text or "HÁNG" in text):
        vi = _VI_MONTH.search(text)
        day = valid_day(int(vi.group(3)), int(vi.group(2)), int(vi.group(1))) if vi else None
        if vi and day is not None:
            found.append((vi.start(), vi.end(), day))
    if not found and ("." in text or "/" in text):
        for m in _SHORT_YEAR.finditer(text):
            # a time of day right after it makes "25.04.24 | 14:07" a date anywhere, and
            # a date's label before it ("Datum: 17.03.14", "By Jane • 11/08/23") makes
            # either form one; a version number or a score has neither
            if not (
                short_year
                or (m.group(2) == "." and _clock(text[m.end() : m.end() + 30]))
                or _SHORT_LABEL.search(text[max(m.start() - 16, 0) : m.start()])
            ):
                continue
            short = _short_date(
                int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4)), dayfirst
            )
            if short is not None:
                found.append((m.start(), m.end(), short))
                break
    if not found and ("'" in text or "’" in text or "‘" in text):
        named = _APOSTROPHE_YEAR.search(text)
        if named:
            d, word, yy = named.group(1, 2, 3) if named.group(1) else named.group(5, 4, 6)
            month = month_of(word)
            short = valid_day(2000 + int(yy), month, int(d)) if month else None
            if short is not None:
                found.append((named.start(), named.end(), short))
    if not found and ":" in text:
        # "27 Mar 20 à 9:21": a month's name and a two-digit year, a date when a time
        # of day follows (French regional news); without one "12 May 20" could be a count
        named = _WORD_SHORT_YEAR.search(text)
        month = month_of(named.group(2)) if named else None
        if named and month and _clock(text[named.end() : named.end() + 30]):
            short = valid_day(2000 + int(named.group(3)), month, int(named.group(1)))
            if short is not None:
                found.append((named.start(), named.end(), short))
    if not found:
        return _asctime(text) if ":" in text else None
    _, end, day = min(found, key=lambda item: item[0])
    glued = text[end : end + 1].isdigit()  # the next date (_YEAR_END), not a time of day
    return day.isoformat() + ("" if glued else _clock(text[end : end + 30]))


# C's asctime (ctime(3), Perl's scalar localtime, strftime "%c" in the C locale): the clock
# sits between the day and the year, "Wed Jan  3 11:00:00 2024"
_ASCTIME = re.compile(
    rf"{_WORD}\s+(\d{{1,2}})\s+(\d{{1,2}}:\d{{2}}(?::\d{{2}})?)\s+(\d{{4}})(?!\d)", re.IGNORECASE
)


def _asctime(text: str) -> str | None:
    m = _ASCTIME.search(text)
    month = month_of(m.group(1)) if m else None
    day = valid_day(int(m.group(4)), month, int(m.group(2))) if m and month else None
    return day.isoformat() + _clock(m.group(3)) if m and day else None


def _short_date(a: int, sep: str, b: int, yy: int, dayfirst: bool | None) -> date | None:
    """The date of "17.03.14" or "3/17/14" (a two-digit year: 1970-2069). Dots are day
    first but on a US page; slashes are ordered as the page's language orders them, or by
    a number over 12, and give nothing when neither tells."""
    year = yy + (1900 if yy >= 70 else 2000)
    if sep == ".":
        # US English writes the month first whatever the separator; "05.24.16" has no
        # month 24, so it is the US order beyond doubt
        if dayfirst is False and a <= 12:
            return valid_day(year, a, b)
        return valid_day(year, b, a) or (valid_day(year, a, b) if a <= 12 < b else None)
    if a > 12 or (dayfirst and b <= 12) or a == b:
        return valid_day(year, b, a)
    if b > 12 or dayfirst is False:
        return valid_day(year, a, b)
    return None


_WORD_SHORT_YEAR = re.compile(r"(?<!\d)(\d{1,2})\.?\s+([^\W\d_]{3,}\.?)\s+(\d{2})(?!\d)")


def day_in_month(text: str, month: int) -> int | None:
    """The day of a date written without its year ("11 de mayo", "11. Mai", "May 11th")
    in a short text, when its month is ``month``: a page whose URL gives the year and the
    month often shows only the day and the month's name."""
    if len(text) > 40 or _YEAR_DIGITS.search(text):
        return None
    for m in _DAY_MONTH.finditer(text):
        day, word = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if month_of(word) == month and 1 <= int(day) <= 31:
            return int(day)
    return None


_DAY_MONTH = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:\.|st|nd|rd|th|er|e|º)?\s*(?:de\s+|of\s+)?{_WORD}|"
    rf"{_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?!\d)",
    re.IGNORECASE,
)


_CLOCK = re.compile(
    r"^\s*(?:[,|\-–—@]|um|at|à|a las|alle|ore|às|в|klo\.?|kl\.?|o)?\s*,?\s*"
    r"(\d{1,2})[:h.](\d{2})(?::(\d{2}))?(?!\d)\s*(?:uhr\b|h\b)?\s*"
    r"(?:(م|ص)(?:ساءً?|باحا?)?(?!\w)|([ap])?\.?(?:m\b\.?)?)",  # Arabic "م" pm, "ص" am
    re.IGNORECASE,
)


def parse_clock(text: str | None) -> str:
    """``THH:MM`` for a text that starts with a time of day ("6:40 pm"), else ''."""
    return _clock(text or "")


def _clock(text: str) -> str:
    """``THH:MM[:SS]`` for a time of day written right after a date, else ''."""
    m = _CLOCK.match(text)
    if not m:
        return ""
    hour, minute = int(m.group(1)), int(m.group(2))
    half = (m.group(5) or {"م": "p", "ص": "a"}.get(m.group(4) or "", "")).lower()
    if half and not 1 <= hour <= 12:
        return ""
    if half == "p" and hour != 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return ""
    seconds = f":{int(m.group(3)):02d}" if m.group(3) and int(m.group(3)) < 60 else ""
    return f"T{hour:02d}:{minute:02d}{seconds}"


def _from_match(groups: tuple[str, ...], kind: str, dayfirst: bool | None) -> date | None:
    if kind == "ymd":
        return valid_day(int(groups[0]), int(groups[1]), int(groups[2]))
    if kind == "dmy":
        d, m, y = int(groups[0]), int(groups[1]), int(groups[2])
        # "01.21.2020": no month 21, so the US order, beyond doubt
        return valid_day(y, m, d) or (valid_day(y, d, m) if d <= 12 < m else None)
    if kind == "ambiguous":
        a, b, y = int(groups[0]), int(groups[1]), int(groups[2])
        if a > 12 or (dayfirst and b <= 12) or a == b:  # "3/3/2014" reads alike both ways
            return valid_day(y, b, a)
        if b > 12 or dayfirst is False:
            return valid_day(y, a, b)
        return None
    if kind == "d_word_y":
        month = month_of(groups[1])
        return valid_day(int(groups[2]), month, int(groups[0])) if month else None
    if kind == "y_word_d":
        month = month_of(groups[1])
        return valid_day(int(groups[0]), month, int(groups[2])) if month else None
    month = month_of(groups[0])
    return valid_day(int(groups[2]), month, int(groups[1])) if month else None
