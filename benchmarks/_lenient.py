"""Lenient title scoring for gold that keeps the site's name ("Title | Site").

The shared scorer's lenient title accepts up to 5 extra words at either end of the
*prediction* only, whatever they are. That is wrong twice for gold written like
metascraper's (``og:title`` with the site's name left in): a prediction without the name
("Title" for "Title | Engadget") is never forgiven, and a prediction that runs on past the
gold title ("... Klare Ansage von Profis" for "... Klare Ansage") is, though the extra
words name no site. Here a site part is forgiven on either side, and only when it is one:
set off by a separator (" | ", " - ", " · " ...) and naming the site that the page or its
host declares (``og:site_name``, ``application-name``, JSON-LD ``publisher`` or
``WebSite`` name, the host's registered name). Section names and a date beside the site's
name ("Title | Politics | Metro News", "Title | DW | 28.04.2023") ride along within the same
5 words.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from urllib.parse import urlsplit

__all__ = ["lenient_title", "site_names"]

_WORD = re.compile(r"\w+")
# a separator between a title and a site's name: a bar, dot or guillemet anywhere, a dash,
# slash or tilde between spaces (a colon sets off a kicker, not a site, and is not one);
# CJK titles write theirs full-width or without spaces ("…需求-新华网", "…：中日新聞Web")
_CJK = "\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef"
_SEP = re.compile(
    r"\s+[-–—|·•»«~/]+\s+|\s*[|·•｜：－]\s*|"
    rf"(?<=[{_CJK}])[-:](?=\S)|(?<=\S)[-:](?=[{_CJK}])"
)
_META = re.compile(
    rb"<meta\b[^>]*?(?:property|name)\s*=\s*[\"']?(?:og:site_name|application-name)[\"']?"
    rb"[^>]*?content\s*=\s*(?:\"([^\"]*)\"|'([^']*)')",
    re.IGNORECASE,
)
_META_REV = re.compile(
    rb"<meta\b[^>]*?content\s*=\s*(?:\"([^\"]*)\"|'([^']*)')[^>]*?"
    rb"(?:property|name)\s*=\s*[\"']?(?:og:site_name|application-name)[\"' >/]",
    re.IGNORECASE,
)
_LD = re.compile(rb"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)
_MAX_EXTRA = 5
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "or", "ne"})


def _tokens(text: str | None) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text or "").casefold())


def _compact(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if c.isalnum())


def site_names(page: bytes, url: str | None) -> list[str]:
    """The names the page and its URL give the site, compacted (letters and digits)."""
    found: list[str] = []
    for pattern in (_META, _META_REV):
        for m in pattern.finditer(page):
            raw = (m.group(1) or m.group(2) or b"").decode("utf-8", "replace")
            found.append(html.unescape(raw))
    for m in _LD.finditer(page):
        try:
            data = json.loads(m.group(1))
        except ValueError:
            continue
        found += _ld_names(data, 0)
    # the registered name ("metro" of metro.co.uk), not a subdomain ("news", "blog"): a
    # common word that many a title's last words hold
    labels = (urlsplit(url or "").hostname or "").split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL:
        labels = labels[:-1]
    if len(labels) >= 2:
        found.append(labels[-2])
    out = [_compact(x) for x in found]
    return [x for x in dict.fromkeys(out) if len(x) >= 2]


def _ld_names(data: object, depth: int) -> list[str]:
    """``publisher`` names and ``WebSite``/``Organization`` names anywhere in JSON-LD."""
    if depth > 6:
        return []
    out: list[str] = []
    if isinstance(data, list):
        for item in data:
            out += _ld_names(item, depth + 1)
    elif isinstance(data, dict):
        kind = data.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        named = isinstance(data.get("name"), str)
        if named and any(k in ("WebSite", "Organization", "NewsMediaOrganization") for k in kinds):
            out.append(data["name"])
        publisher = data.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            out.append(publisher["name"])
        for value in data.values():
            if isinstance(value, list | dict):
                out += _ld_names(value, depth + 1)
    return out


def _is_site(part: str, names: list[str]) -> bool:
    c = _compact(part)
    # a short name ("DW", "BFI") only as the whole part; a longer one may be spelt shorter
    # ("TechCrunch" beside "techcrunch.com") or with a little more ("Metro News")
    return c in names or (len(c) >= 3 and any(len(n) >= 3 and (c in n or n in c) for n in names))


def _with_site(longer: str, shorter: list[str], names: list[str]) -> bool:
    """``longer`` is ``shorter`` plus a site part at its start or end."""
    for m in _SEP.finditer(longer):
        head, tail = longer[: m.start()], longer[m.end() :]
        for title, rest in ((head, tail), (tail, head)):
            if _tokens(title) != shorter:
                continue
            parts = [p for p in _SEP.split(rest) if p.strip()]
            extra = len(_tokens(rest))
            if parts and 0 < extra <= _MAX_EXTRA and any(_is_site(p, names) for p in parts):
                return True
    return False


def lenient_title(pred: str | None, gold: str | None, names: list[str]) -> bool:
    """The same title, allowing quote and dash variants and a site part on either side."""
    p, g = _tokens(pred), _tokens(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    if len(p) > len(g):
        return _with_site(pred or "", g, names)
    return _with_site(gold or "", p, names)
