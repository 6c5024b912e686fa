"""URL canonicalization, scope and address classification: the crawler's dedup keys.

Canonical form: lowercase scheme and host, no default port, no fragment, no tracking or
per-visitor parameters (``utm_*``, ``fbclid``, ``gclid``, ``replytocom`` ...) and no session
ids (``PHPSESSID``, ``;jsessionid=``, a token-like ``sid`` ...), query order
kept (a site may care about it), path kept as the site writes it (trailing slash included:
WordPress redirects between the two forms, and the redirect is followed and captured).
"""

from __future__ import annotations

import ipaddress
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, unquote, urljoin, urlparse, urlsplit, urlunsplit

__all__ = [
    "Scope",
    "canonicalize",
    "comment_page_post",
    "host_of",
    "is_private_address",
    "origin",
    "post_page_number",
]

_DROP_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "replytocom", "_ga", "igshid"}
)
_DROP_PREFIXES = ("utm_",)
# Session ids: the same page under a new id on every visit is an endless URL space
# (Heritrix strips the same). ``sid`` only when its value looks like a token.
_SESSION_PARAMS = frozenset(
    {"phpsessid", "jsessionid", "aspsessionid", "sessionid", "session_id", "sessid", "cfid",
     "cftoken", "zenid", "osCsid".lower()}
)  # fmt: skip
_TOKEN = re.compile(r"[0-9A-Za-z_-]{8,}")
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/?#]*", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SAFE_PATH = "/:@!$&'()*+,;=-._~%"
_SAFE_QUERY = _SAFE_PATH + "?/"
_COMMENT_PAGE = re.compile(r"/comment-page-\d+/?$")


def canonicalize(url: str, base: str | None = None) -> str | None:
    """The canonical form of ``url`` (resolved against ``base``), or ``None`` if not http(s).

    >>> canonicalize("HTTP://Blog.Example:80/a/b/?utm_source=x&p=2#c")
    'http://blog.example/a/b/?p=2'

    Blog pages repeat the same absolute links (sidebar, menus, related posts) on every page:
    those are cached, keyed by the URL and the base's scheme (all ``urljoin`` looks at when
    the link names its own scheme and host).
    """
    url = url.strip()
    if base is not None and url.startswith(("http://", "https://")) and url.isprintable():
        host_start = url.index("//") + 2
        if len(url) > host_start and url[host_start] not in "/?#":
            scheme = _scheme_of(base)
            if scheme is not None:
                return _canonical_absolute(url, scheme)
    return _canonicalize(url, base)


@lru_cache(maxsize=256)
def _scheme_of(base: str) -> str | None:
    try:
        return urlparse(base).scheme
    except ValueError:
        return None


@lru_cache(maxsize=16384)
def _canonical_absolute(url: str, base_scheme: str) -> str | None:
    return _canonicalize(url, f"{base_scheme}://base.invalid/")


def _canonicalize(url: str, base: str | None) -> str | None:
    if base is not None:
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _normalize_path(parts.path)
    query = _clean_query(parts.query)
    return urlunsplit((scheme, netloc, path, query, ""))


def _normalize_path(path: str) -> str:
    if not path:
        return "/"
    if ";" in path:
        path = _PATH_SESSION.sub("", path) or "/"
    path = quote(path, safe=_SAFE_PATH)  # %XX kept as written: %2F is not /
    if "/." in path:  # resolve ./ and ../ but keep the trailing slash
        trailing = path.endswith("/")
        path = posixpath.normpath(path)
        path = "/" if path in (".", "//") else path
        if trailing and not path.endswith("/"):
            path += "/"
    return path


def _clean_query(query: str) -> str:
    if not query:
        return ""
    kept = []
    for pair in query.split("&"):
        if not pair:
            continue
        name = unquote(pair.split("=", 1)[0]).lower()
        if name in _DROP_PARAMS or name.startswith(_DROP_PREFIXES) or name in _SESSION_PARAMS:
            continue
        if name == "sid" and _TOKEN.fullmatch(pair.partition("=")[2]):
            continue
        kept.append(quote(pair, safe=_SAFE_QUERY + "="))
    return "&".join(kept)


def host_of(url: str) -> str:
    """``host[:port]`` of a canonical URL: the key for politeness and robots.txt."""
    return urlsplit(url).netloc


def origin(url: str) -> str:
    """``scheme://host[:port]`` of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def comment_page_post(url: str) -> str | None:
    """The post a comment page belongs to (``.../slug/comment-page-2/`` -> ``.../slug/``).

    Also ``?cpage=N``; ``None`` when ``url`` is not a comment page.
    """
    parts = urlsplit(url)
    if _COMMENT_PAGE.search(parts.path):
        path = _COMMENT_PAGE.sub("/", parts.path)
        return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))
    if parts.query:
        pairs = parts.query.split("&")
        kept = [p for p in pairs if not p.startswith("cpage=")]
        if len(kept) != len(pairs):
            return urlunsplit((parts.scheme, parts.netloc, parts.path, "&".join(kept), ""))
    return None


def post_page_number(url: str, post_url: str) -> int | None:
    """Which page of a ``<!--nextpage-->`` post ``url`` is: 1 for the post's own URL, N for
    WordPress's ``.../slug/N/``; ``None`` for any other URL (a comment page, another post).
    """
    if url == post_url:
        return 1
    base = post_url.split("#", 1)[0].split("?", 1)[0]
    if not url.startswith(base.rstrip("/") + "/"):
        return None
    rest = url[len(base.rstrip("/")) + 1 :].rstrip("/")
    return int(rest) if rest.isdigit() and rest[0] != "0" and int(rest) > 1 else None


def is_private_address(address: str) -> bool:
    """True for loopback, private, link-local, unspecified, reserved or multicast IPs."""
    try:
        ip = ipaddress.ip_address(address.strip("[]").split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_unspecified
        or ip.is_reserved
        or ip.is_multicast
    )


@dataclass(frozen=True, slots=True)
class Scope:
    """Which URLs belong to the crawl: the seeds' hosts (under the seed path, when given).

    ``extra`` widens it: a bare host (``cdn.example``) admits that whole host, a URL admits
    everything under it.
    """

    prefixes: tuple[str, ...]
    hosts: frozenset[str]

    @classmethod
    def from_seeds(cls, seeds: Iterable[str], extra: Iterable[str] = ()) -> Scope:
        prefixes: list[str] = []
        hosts: set[str] = set()
        for item in [*seeds, *extra]:
            if "://" not in item:
                hosts.add(item.lower().strip("/"))
                continue
            url = canonicalize(item)
            if url is None:
                continue
            parts = urlsplit(url)
            path = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
            prefixes.append(f"{parts.scheme}://{parts.netloc}{path}")
        return cls(tuple(prefixes), frozenset(hosts))

    def __contains__(self, url: object) -> bool:
        if not isinstance(url, str):
            return False
        if any(url.startswith(p) for p in self.prefixes):
            return True
        return host_of(url) in self.hosts or _hostname(url) in self.hosts

    def has_host(self, url: str) -> bool:
        """Same host as a seed: enough for robots.txt, sitemaps and feeds."""
        host = host_of(url)
        return host in self.hosts or any(host_of(p) == host for p in self.prefixes)


def _hostname(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
