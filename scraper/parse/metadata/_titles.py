"""Headline cleaning: the site name off a title (bylines are cleaned in ``_bylines``).

Pages decorate titles: ``<title>`` and ``og:title`` carry " | Site" or "Site - ". These
rules remove decoration only where another witness (another title candidate, the site
name, the host) shows it is decoration.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlsplit

from ..dom._css import page_select
from ..dom._page import Page
from ..dom._text import collapse, join_url
from ..profiles._profile import Profile
from ._candidates import Scan, el_text
from ._dates import parse_text
from ._headlines import declared_h1, headline_text, in_widget, inner_heading
from ._slug import slug_cover, slug_words
from ._structured import ld_text
from ._witnesses import (
    APART,
    GROUP,
    SEP,
    SEP_END,
    norm,
    off_topic,
    seconded,
    section_label,
    typographic,
    untruncated,
    without_sections,
    words,
)

__all__ = [
    "links_home",
    "pick_title",
    "strip_site",
    "title_candidates",
    "title_parts",
    "title_remainder",
    "unescape_text",
]

# WordPress's old default theme titles a post "Blog » Blog Archive » Post" (German "Blog
# Archiv"): the middle part names the page type, neither site nor post
_ARCHIVE = re.compile(r"\s+»\s+blog[ -]?archiv(?:e|es)?\s+»\s+", re.IGNORECASE)


def title_candidates(
    page: Page, profile: Profile, scan: Scan, article: dict[str, Any] | None, site: str | None
) -> list[tuple[str, str]]:
    """Every headline witness as ``(source, text)``, the visible headline first.

    The ``h1`` of the article is what a reader sees as the title; JSON-LD and Open Graph
    headlines are often SEO variants, and ``<title>`` carries the site name. An ``h1`` that
    is the site's logo (it names the site, or is the site part of ``<title>``) is skipped.
    """
    out: list[tuple[str, str]] = []

    def add(source: str, value: str | None) -> None:
        text = unescape_text(value)
        text = _ARCHIVE.sub(" » ", text)
        # "Tags:", "Share:" are labels that happen to carry a title class
        if text and len(text) < 400 and not text.endswith((":", "：")):
            out.append((source, text))

    h1s = [el for el in _visible(scan.h1) if not in_widget(el)]
    inside = [h.el for h in scan.h1 if h.in_article and not h.in_comment]
    h1_el = inside[0] if inside else h1s[0] if len(h1s) == 1 else None
    # an h1 the head declares is placed like one in the post: only a short one is a logo
    declared = h1_el is None and len(h1s) > 1
    if declared:
        h1_el = declared_h1(h1s, page, scan.title, article)
    h1 = headline_text(h1_el) if h1_el is not None else None
    # the whole heading, kicker included, is what a logo check compares with <title>
    logo = h1_el is not None and (
        links_home(h1_el, page.url)
        or _is_logo(el_text(h1_el), site, scan.title, bool(inside) or declared)
    )
    if h1 and not logo:
        add("h1", h1)
    for sel in profile.title:
        for el in page_select(page, sel)[:1]:
            add("profile", headline_text(el))
    for hit in scan.prop("headline"):
        add("itemprop", hit.el.get("content") or headline_text(hit.el))
        break
    for el in _visible(scan.titles)[:1]:
        add("class", headline_text(inner_heading(el)))
    if article:
        add("jsonld", ld_text(article.get("headline")) or ld_text(article.get("name")))
    add("og", _meta(page, "og:title"))
    add("twitter", _meta(page, "twitter:title"))
    add("title", scan.title)
    if logo:
        add("logo", h1)  # not a title: a witness of the site's name for strip_site
    out = untruncated(out)
    named = [(s, t) for s, t in out if not site or norm(t) != norm(site) or s == "logo"]
    # a page whose every headline is the site's name (a one-page site, a home page) is
    # titled with that name
    return named if any(s != "logo" for s, _ in named) else out


def unescape_text(value: str | None) -> str:
    """Collapsed text with HTML entities decoded: JSON-LD and meta values are often
    escaped twice (``&amp;#038;``) by the CMS that wrote them."""
    text = collapse(value)
    for _ in range(2):
        if "&" not in text or ";" not in text:
            break
        text = collapse(html.unescape(text))
    return text


def title_parts(title: str) -> list[str]:
    """``<title>`` cut at its separators (" | ", " - ", "_" ...)."""
    return [p for p in SEP.split(title) if p.strip()]


def title_remainder(full: str, title: str, url: str | None = None) -> str | None:
    """What ``<title>`` says besides the post title ("Post_Site" gives "Site"), when short."""
    if title == full or title not in full:
        return None
    rest = full.replace(title, "\x00", 1)
    head, _, tail = rest.partition("\x00")
    for part, sep_first in ((tail, True), (head, False)):
        m = SEP.match(part) if sep_first else SEP_END.search(part)
        if m:
            name = part[m.end() :] if sep_first else part[: m.start()]
            name = _site_of_sections(collapse(name), title, sep_first, url)
            if name and len(name.split()) <= 6 and not (head.strip() and tail.strip()):
                return name
    return None


def _site_of_sections(name: str, title: str, last: bool, url: str | None) -> str:
    """The site's name alone from "iPhone | Forum | Site" beside a post title that lost
    those section names (``without_sections``): only when the host names that outer part,
    as it did when the site's name was cut (a "Site - Tagline" stays whole)."""
    parts = SEP.split(name)
    if len(parts) < 2 or not url:
        return name
    inner, outer = (parts[:-1], parts[-1]) if last else (parts[1:], parts[0])
    names = _site_names(None, url, [])
    if all(section_label(p, title) for p in inner) and names and _is_site(outer, names):
        return collapse(outer)
    return name


def links_home(el: Any, base: str | None) -> bool:
    """An element whose only link points at the site's home page (a logo heading)."""
    links = el.findall(".//a[@href]")
    if len(links) != 1 or "home" in (links[0].get("rel") or ""):
        return len(links) == 1
    href = join_url(base or "", links[0].get("href") or "")
    try:
        parts = urlsplit(href) if href is not None else None
    except ValueError:
        parts = None
    if parts is None:
        return False
    page_host = urlsplit(base or "").netloc
    return parts.path.strip("/") == "" and (not page_host or parts.netloc == page_host)


def _is_logo(h1: str, site: str | None, title: str | None, in_article: bool) -> bool:
    """An ``h1`` naming the site rather than the post (themes that put the logo in h1)."""
    n = norm(h1)
    if site and n == norm(site):
        return True
    if title and SEP.search(title) and len(h1.split()) <= 8:
        # "Post | Site" with the site's name in the h1; an h1 in the post that is the
        # longer part is the post ("News - Post" names a section, not the site)
        parts = SEP.split(title)
        shorter = 2 * len(n) < len(norm(title))
        ends = len(parts) >= 2 and norm(parts[-1]) == n and norm(parts[0]) != n
        return ends and (shorter or not in_article)
    return False


def _visible(hits: Any) -> list[Any]:
    return [h.el for h in hits if not h.in_comment and not h.in_side]


def _meta(page: Page, key: str) -> str | None:
    values = page.meta.get(key)
    return values[0] if values else None


def _plain(text: str) -> str:
    return text.replace("\xad", "").casefold()


def pick_title(
    page: Page, profile: Profile, scan: Scan, article: dict[str, Any] | None, site: str | None
) -> str | None:
    """The headline: the most trusted witness, with any site-name decoration removed.

    A witness that ends with another one carries a kicker or a date before the headline
    ("Holocaust-Gedenktag Erinnerung an ...", JSON-LD's "Neue Leipziger Schule: Judy
    Lybke, ..." beside Open Graph's "Judy Lybke, ..."); the shorter witness is the title.
    """
    every = title_candidates(page, profile, scan, article, site)
    cands = [(s, t) for s, t in every if s != "logo"]
    if not cands:
        return None
    return typographic(_chosen(page, every, cands, site), cands)


def _chosen(
    page: Page, every: list[tuple[str, str]], cands: list[tuple[str, str]], site: str | None
) -> str:
    source, best = cands[0]
    others = [t for _, t in cands[1:]]
    logos = [t for s, t in every if s == "logo"]
    plain = _plain(best)
    for other in others:
        p = _plain(other)
        kicker = 15 <= len(p) < len(plain) and plain.endswith(p)
        if kicker and not plain[-len(p) - 1].isalnum() and _kicker_end(plain[: -len(p)], source):
            return other
    if source == "h1":
        off = _off_slug(best, cands[1:], page.url)
        if off is not None:
            return strip_site(off, [t for t in others if t != off], site, page.url, logos)
    if source in ("class", "profile"):
        off = off_topic(best, cands)
        if off is not None:
            return strip_site(off, [t for t in others if t != off], site, page.url, logos)
    if source == "jsonld":
        best = _outvoted(best, cands, site, page.url, logos)
    # the visible headline loses a part only on a named witness, not on host similarity
    visible = source == "h1"
    return strip_site(best, others, site, None if visible else page.url, logos, not visible)


def _kicker_end(head: str, source: str) -> bool:
    """A kicker ends where the headline starts: on its own line in a visible heading, at a
    colon, a dash or a quote in a text written in one line ("Collapse of the bank:
    regulator ..." beside "Bank: regulator ..." has no kicker)."""
    head = head.rstrip()
    return source == "h1" or (bool(head) and not head[-1].isalnum())


def _outvoted(
    headline: str, cands: list[tuple[str, str]], site: str | None, url: str | None, logos: list[str]
) -> str:
    """JSON-LD's headline, unless Open Graph and ``<title>`` (without the site's name)
    agree on another text: two witnesses the page shows its readers and sharers over the
    one only machines read."""
    og = next((t for s, t in cands if s == "og"), None)
    title = next((t for s, t in cands if s == "title"), None)
    if og is None or title is None or norm(og) == norm(headline):
        return headline
    shown = strip_site(title, [t for _, t in cands if t != title], site, url, logos)
    return og if norm(shown) == norm(og) else headline


def _off_slug(h1: str, cands: list[tuple[str, str]], url: str | None) -> str | None:
    """The witness to take instead of an ``h1`` that is some other heading: the h1 shares
    no word with any other witness and (almost) none with the URL's slug, while a
    witness written apart from it holds most of the slug."""
    slug = slug_words(url)
    if len(slug) < 3 or slug_cover(h1, slug) > 0.25:
        return None
    mine = set(words(h1))
    if any(mine & set(words(t)) for s, t in cands if s in APART):
        return None
    apart = [(GROUP.get(s, s), t) for s, t in cands if s in APART]
    for group, text in apart:
        if slug_cover(text, slug) >= 0.75 and seconded(text, group, apart):
            return text
    return None


def _site_names(site: str | None, url: str | None, extra: list[str]) -> list[str]:
    names = [norm(x) for x in (site, *extra) if x]
    host = urlsplit(url or "").hostname or ""
    labels = [x for x in host.split(".") if x not in ("www", "m", "blog", "blogs", "de", "com")]
    if labels:
        names.append(norm("".join(labels[:-1]) if len(labels) > 1 else labels[0]))
        names.append(norm(host))
        # the registered name on its own, without a subdomain ("MyOOS" on foren.myoos.de):
        # a subdomain is often a common word ("news", "edition") no title part may contain
        parts = host.split(".")
        if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "net", "gov", "ac", "or"):
            parts = parts[:-1]
        if len(parts) >= 2 and len(parts[-2]) >= 4:
            names.append(norm(parts[-2]))
    return [n for n in names if len(n) >= 3]


def _host_words(url: str | None) -> list[list[str]]:
    """The words of each hyphenated host label ("leichtathletik-berlin" gives
    leichtathletik, berlin): a site's name spells them with words between or inflected
    ("Berliner Leichtathletik Verband")."""
    host = urlsplit(url or "").hostname or ""
    out = []
    for label in host.split("."):
        words = [norm(w) for w in label.split("-")]
        if len(words) >= 2 and all(len(w) >= 3 for w in words):
            out.append(words)
    return out


def _is_site(
    part: str, names: list[str], words: list[list[str]] | None = None, loose: bool = True
) -> bool:
    p = norm(part)
    if not p:
        return False
    # the part may be a shorter spelling of the name ("Tages-Anzeiger" in the host) or the
    # name plus a little ("Die FURCHE"), not a long text that happens to contain it; the
    # visible headline loses only what spells the name itself ("Welpen kaufen – Tipps"
    # keeps its first part on a site named "Welpen")
    if any(
        p == n or (len(p) >= 4 and (p in n or (loose and n in p and len(p) - len(n) <= 20)))
        for n in names
    ):
        return True
    short = len(part.split()) <= 6
    return short and any(all(w in p for w in group) for group in words or ())


def strip_site(
    text: str,
    others: list[str],
    site: str | None,
    url: str | None,
    site_names: list[str] | None = None,
    loose: bool = True,
) -> str:
    """``text`` without a site-name prefix or suffix, when a witness shows which part it is."""
    if not SEP.search(text):
        return text
    for other in others:
        if other == text or len(other) < 4 or SEP.fullmatch(other):
            continue
        if text.startswith(other) and SEP.match(text, len(other)):
            return other
        if text.endswith(other) and SEP_END.search(text[: len(text) - len(other)]):
            return other
    for name in (site, *(site_names or [])):
        rest = _without_name(text, name) if name else None
        if rest:
            return without_sections(rest) if loose else rest
    text = _strip_date_part(text)
    names = _site_names(site, url, site_names or [])
    host_words = _host_words(url)
    parts = SEP.split(text)
    seps = SEP.findall(text)
    if len(parts) < 2 or not names:
        return text
    if _is_site(parts[-1], names, host_words, loose):
        rest = collapse(text[: len(text) - len(parts[-1]) - len(seps[-1])])
    elif _is_site(parts[0], names, host_words, loose):
        rest = collapse(text[len(parts[0]) + len(seps[0]) :])
    else:
        return text
    # a witness apart from the visible headline keeps no section names either
    return without_sections(rest) if loose else rest


def _without_name(text: str, name: str) -> str | None:
    """``text`` without a site name that has separators of its own ("Salsa-Figuren - Rueda
    in Berlin", "☆☆☆☆☆ - Journalistenwatch e.V. - Aktuelle Geschehnisse"), which a split at
    the separators cannot see whole."""
    if len(name) < 4 or not SEP.search(name):
        return None
    if text.endswith(name):
        head = text[: len(text) - len(name)]
        if SEP_END.search(head):
            return collapse(SEP_END.sub("", head)) or None
    if text.startswith(name):
        m = SEP.match(text, len(name))
        if m:
            return collapse(text[m.end() :]) or None
    return None


def _strip_date_part(text: str) -> str:
    """A headline without a date riding on it as its own segment ("... : 31.10.2023, 10.19
    Uhr", "23.01.2022 - ..."): the date is metadata, not title."""
    parts = SEP.split(text)
    seps = SEP.findall(text)
    if len(parts) < 2:
        return text
    for index, part in ((len(parts) - 1, parts[-1]), (0, parts[0])):
        if parse_text(part) and sum(c.isalpha() for c in part) <= 6:
            if index:
                return collapse(text[: len(text) - len(part) - len(seps[-1])])
            return collapse(text[len(part) + len(seps[0]) :])
    return text
