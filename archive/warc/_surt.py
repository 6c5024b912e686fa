"""SURT keys exactly as the replay tools compute them.

pywb, ``cdxj-indexer`` and py-wacz look a URL up by the key of the ``surt`` package with its
defaults (the Internet Archive's canonicalizer, a port of webarchive-commons'
``WaybackURLKeyMaker``). A key of ours that differs by one character is a capture replay
never finds, so this is the same algorithm, step for step, on bytes as theirs is:

1. parse: trim, drop tabs and newlines, add ``http://`` to a URL without a scheme, collapse
   ``http://https://``; a ``http`` URL with an empty authority takes its host from the path;
2. Google's canonicalization: drop the fragment; unescape the host, path and query until
   nothing changes, then escape once (controls, space, ``#``, ``%`` and non-ASCII bytes);
   a non-ASCII host to IDNA; ``..`` in the host to ``.``; a numeric host
   (``2130706433``, ``0177.1``) to its dotted quad; resolve ``.`` / ``..`` and ``//`` in
   the path;
3. the Internet Archive's rules: lowercase host, path and query; drop ``www.``, ``www2.``
   ...; drop the default port; strip ASP.NET path session ids and ``jsessionid``,
   ``phpsessid``, ``sid``, ``aspsessionid``, ``cfid``/``cftoken`` query session ids; drop
   a trailing ``/`` (not the root's) and an empty query; sort the query's arguments;
4. reverse the host labels (IP addresses too) and close them with ``)``.

We do not import ``surt`` itself: it is AGPL-3.0 (this project is MIT) and pulls in
``tldextract`` for features the key does not use. The tests compare the two on many URL
shapes when the package is installed.
"""

from __future__ import annotations

import re
import socket
import struct
from urllib.parse import SplitResultBytes, quote_from_bytes, unquote_to_bytes

__all__ = ["surt"]

_SPACES = re.compile(rb"[\n\r\t]")
_HAS_SCHEME = re.compile(rb"^[a-zA-Z][a-zA-Z0-9+\-.]*:")
_MANY_SCHEMES = re.compile(rb"^(https?://)+")
_URI = re.compile(rb"^(([a-zA-Z][a-zA-Z0-9+.-]*):)?((//([^/?#]*))?([^?#]*)(\?([^#]*))?)?(#(.*))?$")
_DECIMAL_IP = re.compile(rb"^([1-9][0-9]*)(\.[0-9]+)?(\.[0-9]+)?(\.[0-9]+)?$")
_OCTAL_IP = re.compile(rb"^(0[0-7]*)(\.[0-7]+)?(\.[0-7]+)?(\.[0-7]+)?$")
_WWW = re.compile(rb"www\d*\.")
_SAFE = b"!\"$&'()*+,-./:;<=>?@[\\]^_`{|}~"
# A byte that escaping would change (outside _SAFE, ASCII letters and digits): a quick test.
_UNSAFE = re.compile(rb"[^A-Za-z0-9!\"$&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]")
_PATH_SESSION_IDS = (
    re.compile(rb"^(.*/)(\((?:[a-z]\([0-9a-z]{24}\))+\)/)([^\?]+\.aspx.*)$", re.I),
    re.compile(rb"^(.*/)(\([0-9a-z]{24}\)/)([^\?]+\.aspx.*)$", re.I),
)
_QUERY_SESSION_IDS = (
    re.compile(rb"^(.*)(?:jsessionid=[0-9a-zA-Z]{32})(?:&(.*))?$", re.I),
    re.compile(rb"^(.*)(?:phpsessid=[0-9a-zA-Z]{32})(?:&(.*))?$", re.I),
    re.compile(rb"^(.*)(?:sid=[0-9a-zA-Z]{32})(?:&(.*))?$", re.I),
    re.compile(rb"^(.*)(?:ASPSESSIONID[a-zA-Z]{8}=[a-zA-Z]{24})(?:&(.*))?$", re.I),
    re.compile(rb"^(.*)(?:cfid=[^&]+&cftoken=[^&]+)(?:&(.*))?$", re.I),
)
_DEFAULT_PORTS = {b"http": 80, b"https": 443}


def surt(url: str) -> str:
    """``https://www2.Example.com:443/A/?b=2&a=1#f`` -> ``com,example)/a?a=1&b=2``."""
    raw = url.encode("utf-8")
    if not raw:
        return "-"
    if raw.startswith(b"filedesc"):
        return url
    return _key(raw).decode("utf-8")


def _key(url: bytes) -> bytes:
    scheme, host, port, path, query = _parse(url)
    if host is not None:
        host = _canonical_host(host)
    path = _unescape(path)
    if host:
        path = _normalize_path(path)
    path = _escape(path)
    if query is not None:
        query = _escape(_unescape(query))
    return _ia_key(scheme, host, port, path, query)


def _parse(url: bytes) -> tuple[bytes, bytes | None, int | None, bytes | None, bytes | None]:
    url = _SPACES.sub(b"", url.strip())
    if url and not _HAS_SCHEME.match(url):
        url = b"http://" + url
    url = _MANY_SCHEMES.sub(lambda m: m.group(1), url)
    m = _URI.match(url)
    assert m is not None  # every part of the pattern is optional
    parts = SplitResultBytes(
        m.group(2) or b"", m.group(5) or b"", m.group(6) or b"", m.group(8) or b"", b""
    )
    if parts.netloc.endswith(b":"):
        parts = parts._replace(netloc=parts.netloc.rstrip(b":"))
    try:
        port = parts.port or None
    except ValueError:  # a port out of range or not a number: the library raises; we keep none
        port = None
    host = parts.hostname or None
    path = parts.path or None
    if parts.scheme.startswith(b"http") and host is None and path is not None:
        first, _, rest = path.lstrip(b"/").partition(b"/")
        host, path = first, b"/" + rest
    return parts.scheme, host, port, path, parts.query or None


def _canonical_host(host: bytes) -> bytes:
    host = _unescape(host) or b""
    if not host.isascii():
        try:
            host = host.decode("utf-8", "ignore").encode("idna")
        except ValueError:  # not IDNA-encodable: the bytes stay, escaped below
            pass
    host = host.replace(b"..", b".").strip(b".")
    ip = _ip(host)
    return ip if ip is not None else _escape(host.lower()) or b""


def _ip(host: bytes) -> bytes | None:
    """A numeric host as its dotted quad, as ``gethostbyname`` reads it (``inet_aton``)."""
    if host.isdigit():
        return socket.inet_ntoa(struct.pack(">L", int(host) & 0xFFFFFFFF)).encode("ascii")
    if _DECIMAL_IP.match(host) or _OCTAL_IP.match(host):
        try:
            return socket.inet_ntoa(socket.inet_aton(host.decode("ascii"))).encode("ascii")
        except OSError:
            return None
    return None


def _unescape(value: bytes | None) -> bytes | None:
    if value is None or b"%" not in value:
        return value
    while True:
        once = unquote_to_bytes(value)
        if once == value:
            return value
        value = once


def _escape(value: bytes | None) -> bytes | None:
    if not value or not _UNSAFE.search(value):
        return value
    return quote_from_bytes(value, safe=_SAFE).encode("ascii")


def _normalize_path(path: bytes | None) -> bytes:
    if not path:
        return b"/"
    if path.startswith(b"/") and b"//" not in path and b"/." not in path:
        return path  # nothing to resolve: the common case, kept as the loop would keep it
    kept: list[bytes] = []
    for segment in path.split(b"/")[1:]:
        if segment == b".":
            continue
        if segment == b"..":
            if kept:
                kept.pop()
            else:
                kept.append(segment)
        else:
            kept.append(segment)
    # Empty segments are dropped (``//``) except the last one: a trailing ``/`` stays.
    out = b"/" + b"".join(s + b"/" for s in kept[:-1] if s)
    return out + (kept[-1] if kept else b"")


def _ia_key(
    scheme: bytes, host: bytes | None, port: int | None, path: bytes | None, query: bytes | None
) -> bytes:
    if host:
        host = host.lower()
        if scheme != b"dns" and (m := _WWW.match(host)):
            host = host[m.end() :]
    if port == _DEFAULT_PORTS.get(scheme.lower(), 0):
        port = None
    if path:
        path = path.lower()
        for pattern in _PATH_SESSION_IDS if b".aspx" in path else ():
            if m := pattern.match(path):
                path = m.group(1) + m.group(3)
        if path.endswith(b"/") and len(path) > 1:
            path = path[:-1]
    if query:
        lowered = query.lower()
        maybe_session = b"sessionid" in lowered or b"sid=" in lowered or b"cfid=" in lowered
        for pattern in _QUERY_SESSION_IDS if maybe_session else ():
            if m := pattern.match(query):
                query = m.group(1) + m.group(2) if m.group(2) else m.group(1)
        query = _sort_query(query.lower()) or None
    if not host:
        out = scheme + b":"
    else:
        out = b",".join(reversed(host.split(b".")))
        if port is not None:
            out += b":%d" % port
        out += b")"
    if path:
        out += path
    elif query is not None:
        out += b"/"
    if query is not None:
        out += b"?" + query
    return out


def _sort_query(query: bytes) -> bytes:
    """Arguments in byte order, each kept as written (``a`` and ``a=`` stay different)."""
    if len(query) <= 1:
        return query
    args = sorted(tuple(arg.split(b"=", 1)) for arg in query.split(b"&"))
    return b"&".join(b"=".join(arg) for arg in args)
