"""The replay origin: captured pages and their assets, as they were, from the WARC records.

It runs on its own port, so it is a different origin from the app: a replayed page cannot
read the app's pages or call it with the app's origin. Each answer also carries a
Content-Security-Policy that sandboxes the document (opaque origin, no scripts, no forms,
no plugins) and lets it load only from this origin, so nothing in an archived page runs
and nothing is fetched from the live web while reading it. Paths name captures by URL and
time (``/<14 digits>/<URL>``), never files: the WARC file comes from the catalog row and
must be a file inside ``DIR/warc``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from archive import Archive, ArchiveError, CaptureRow

from ..catalog import Catalog, Db, timed_captures
from ._rewrite import replay_path, rewrite_css, rewrite_html

__all__ = ["Replayer", "replay_csp", "timestamp_of"]

#: Only these response headers of a capture are passed on; the rest (cookies, the site's
#: own CSP, caching, HSTS ...) describe the live site, not the archive.
_KEPT_HEADERS = ("content-type", "content-language", "last-modified")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def replay_csp(app_origin: str) -> str:
    """The policy of every replay answer; ``app_origin`` may frame it, nothing else."""
    return (
        "sandbox; default-src 'self' data: blob:; script-src 'none'; object-src 'none'; "
        "connect-src 'none'; style-src 'self' 'unsafe-inline' data:; base-uri 'none'; "
        f"form-action 'none'; frame-ancestors {app_origin}"
    )


def timestamp_of(fetched_at: str) -> str:
    """``2024-01-02T03:04:05.123Z`` -> ``20240102030405123``: the 14 digits of CDX, then the
    fraction of a second when the capture has one, so two captures in one second (a test,
    a quick re-capture) still have addresses of their own."""
    digits = "".join(ch for ch in fetched_at.split("+")[0] if ch.isdigit())
    return digits[:20].ljust(14, "0")


def _when(timestamp: str) -> datetime:
    """A replay timestamp as a time; a short one (``2024``, ``202401``) means its start, and
    one that is no date at all means "the newest capture"."""
    padded = (timestamp + "00000101000000"[len(timestamp) :])[:14]
    fraction = timestamp[14:20].ljust(6, "0")
    try:
        when = datetime.strptime(padded, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return datetime.max.replace(tzinfo=UTC)
    return when.replace(microsecond=int(fraction))


def _variants(url: str) -> list[str]:
    """The URL as asked, then the forms a link may differ by from what was captured."""
    parts = urlsplit(url)
    out = [url]
    path = parts.path or "/"
    other_path = path[:-1] if path.endswith("/") and len(path) > 1 else path + "/"
    other_scheme = "https" if parts.scheme == "http" else "http"
    for scheme in (parts.scheme, other_scheme):
        for p in (path, other_path):
            out.append(urlunsplit((scheme, parts.netloc, p, parts.query, "")))
    return list(dict.fromkeys(out))


class Replayer:
    """Finds the capture of a URL nearest a time and answers with it."""

    def __init__(self, archive: Archive, catalog: Db, app_origin: str) -> None:
        self.archive = archive
        self.catalog = catalog
        self.csp = replay_csp(app_origin)
        self.warc_dir = archive.warc_dir.resolve()

    def _row(self, capture_id: int) -> CaptureRow | None:
        return Catalog(self.catalog).capture(capture_id)

    def find(self, url: str, timestamp: str) -> CaptureRow | None:
        """The capture of ``url`` (or a near variant) closest in time to ``timestamp``."""
        when = _when(timestamp)
        for candidate in _variants(url):
            ids = timed_captures(self.catalog, candidate)
            if ids:
                best = min(ids, key=lambda r: abs(_when(timestamp_of(r[1])) - when))
                return self._row(int(best[0]))
        return None

    def _inside(self, name: str) -> bool:
        """The catalog names WARC files; one that points outside ``warc/`` is not served."""
        path = (self.warc_dir / name).resolve()
        return path.parent == self.warc_dir

    def headers(self) -> dict[str, str]:
        return {
            "Content-Security-Policy": self.csp,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        }

    def _not_found(self, message: str) -> Response:
        return PlainTextResponse(message, status_code=404, headers=self.headers())

    def answer(self, timestamp: str, url: str) -> Response:
        row = self.find(url, timestamp)
        if row is None:
            return self._not_found(f"not in the archive: {url}")
        if row.record_type == "revisit" and row.refers_to is not None:
            # the page was unchanged: answer with the capture that holds its payload
            row = self._row(row.refers_to) or row
        if not self._inside(row.warc_file):
            return self._not_found(f"the WARC file of {url} is not in the archive")
        try:
            capture = self.archive.read_capture(row)
        except ArchiveError as exc:
            return self._not_found(str(exc))
        ts = timestamp_of(row.fetched_at)
        headers = self.headers()
        ctype = ""
        for name, value in capture.response_headers:
            low = name.lower()
            if low in _KEPT_HEADERS:
                headers[name] = value
            if low == "content-type":
                ctype = value
            if low == "location" and 300 <= capture.status < 400:
                headers["Location"] = replay_path(ts, _absolute(value, capture.url))
        mime = ctype.split(";")[0].strip().lower()
        body = capture.content
        if mime in _HTML_TYPES:
            body = rewrite_html(body, ctype, capture.url, ts)
            headers["Content-Type"] = "text/html; charset=utf-8"
        elif mime == "text/css":
            css = body.decode(_charset(ctype), errors="replace")
            body = rewrite_css(css, capture.url, ts).encode("utf-8")
            headers["Content-Type"] = "text/css; charset=utf-8"
        elif not ctype:
            headers["Content-Type"] = "application/octet-stream"
        headers["Memento-Datetime"] = _when(ts[:14]).strftime("%a, %d %b %Y %H:%M:%S GMT")
        return Response(body, status_code=capture.status or 200, headers=headers)

    async def endpoint(self, request: Request) -> Response:
        """``/<timestamp>/<URL>``; the URL is taken from the raw path, undecoded."""
        raw: bytes = request.scope.get("raw_path") or request.url.path.encode()
        head, _, rest = raw.decode("latin-1").lstrip("/").partition("/")
        if not head.isdigit() or not (4 <= len(head) <= 20) or not rest:
            return self._not_found("replay addresses are /<timestamp>/<URL>")
        url = rest
        if "://" not in url and ":/" in url:  # a proxy or client merged the slashes
            url = url.replace(":/", "://", 1)
        if request.url.query:
            url += "?" + request.url.query
        if urlsplit(url).scheme not in ("http", "https"):
            url = unquote(url)
            if urlsplit(url).scheme not in ("http", "https"):
                return self._not_found("replay addresses are /<timestamp>/<URL>")
        return self.answer(head, url)


def _absolute(location: str, base: str) -> str:
    return urljoin(base, location)


def _charset(ctype: str) -> str:
    for part in ctype.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            try:
                "".encode(value.strip().strip("\"'"))
                return value.strip().strip("\"'")
            except LookupError:
                break
    return "utf-8"
