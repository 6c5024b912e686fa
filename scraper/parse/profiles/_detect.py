"""Cheap detection witnesses shared by the profiles: generator, body classes, head URLs.

Detection runs on every page, so it reads only what ``Page`` caches plus the ``<head>``
(a few dozen elements); it never scans the whole tree.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..dom._page import Page

__all__ = ["generator_has", "head_hosts_have", "head_urls_have", "meta_has"]


def generator_has(page: Page, *needles: str) -> bool:
    """True when ``<meta name=generator>`` names one of ``needles`` (lower-case)."""
    gen = page.generator
    return bool(gen) and any(n in gen for n in needles)


def head_urls_have(page: Page, *needles: str) -> bool:
    """True when a ``link``/``script`` URL in ``<head>`` contains one of ``needles``.

    Engines betray themselves in asset paths (``/wp-content/``, ``blogger.com``) even when
    the generator meta is removed for "security"; the head is small, so this stays cheap.
    """
    # one string for the ~20 URLs: a needle is in it exactly when it is in one URL, as
    # no needle holds the NUL between them (and no attribute value holds one either)
    urls: str = page.memo("head-urls", lambda: "\x00".join(_head_urls(page)))
    return any(n in urls for n in needles)


def _head_urls(page: Page) -> tuple[str, ...]:
    """``_urls``, read once per page for every witness (three read the head)."""
    urls: tuple[str, ...] = page.memo("head-url-list", lambda: _urls(page))
    return urls


def _urls(page: Page) -> tuple[str, ...]:
    """The ``href``/``src`` of the ``<head>``'s children."""
    head = page.tree.find("head")
    if head is None:
        return ()
    return tuple(url for el in head if (url := el.get("href") or el.get("src") or ""))


def meta_has(page: Page, key: str, *needles: str) -> bool:
    """True when a ``<meta>`` called ``key`` has a value containing one of ``needles``."""
    return any(n in v.lower() for v in page.meta.get(key, ()) for n in needles)


def head_hosts_have(page: Page, *hosts: str) -> bool:
    """True when a ``<head>`` asset is served from one of ``hosts`` or their subdomains.

    Host matching, not substring: ``theedublogger.com`` is not ``blogger.com``.
    """
    # a host of a URL is a (lower-cased) substring of it: most pages name none of
    # ``hosts`` anywhere in their head, and need no ``urlsplit`` of its ~20 URLs
    urls: str = page.memo("head-urls-lower", lambda: "\n".join(_head_urls(page)).lower())
    if not any(h in urls for h in hosts):
        return False
    known: tuple[str, ...] = page.memo("head-hosts", lambda: _hosts(page))
    return any(host == h or host.endswith("." + h) for host in known for h in hosts)


def _hosts(page: Page) -> tuple[str, ...]:
    """The host names of the ``<head>`` assets, once per page (several profiles ask)."""
    out: list[str] = []
    for url in _head_urls(page):
        if "//" not in url:
            continue
        try:
            host = urlsplit(url if "://" in url else "http:" + url[url.index("//") :]).hostname
        except ValueError:  # "http://[broken" names no host
            host = None
        out.append(host or "")
    return tuple(out)
