"""Public page sets with gold answers: each preparer turns a checkout of a public project
into ``(gold, pages)`` for ``external.py prepare``.

Every set is a project's own test suite: real saved pages beside what the project expects
of them. How each gold was made (hand-written assertions, a tool's reviewed output, a
snapshot) is said in ``benchmarks/README.md``; a preparer keeps a field only where the
source states it, and leaves out a page whose gold is empty for every field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Gold = dict[str, dict[str, Any]]
Prepared = tuple[Gold, dict[str, Path]]


_JS_STR = r"(?:'((?:[^'\\]|\\.)*)'|`([^`]*)`|\"((?:[^\"\\]|\\.)*)\")"


_READ_FIXTURE = re.compile(r"readFileSync\(\s*['`\"]([^'`\"]+)")


def _js_assert(src: str, field: str) -> str | None:
    """The string a Postlight test asserts for ``field`` about its first fixture: the text
    before a ``readFileSync`` of another fixture (a second test case reads another page,
    and its assertions are that page's). A date is also asserted as a day derived from it
    (``new_date_published = moment(date_published).format().split('T')[0]``)."""
    reads = list(_READ_FIXTURE.finditer(src))
    second = next((r.start() for r in reads if r.group(1) != reads[0].group(1)), len(src))
    first = src[:second]
    name = rf"\w*{field}" if field == "date_published" else field
    m = re.search(rf"assert\.equal\(\s*{name}\s*,\s*{_JS_STR}\s*\)", first, re.S)
    if not m:
        return None
    return _js_value(m).strip() or None


_META_TAG = re.compile(rb"<meta\b[^>]*>", re.I)
_VALUE_ATTR = re.compile(rb"\svalue=", re.I)


def _meta_content(html: bytes) -> bytes:
    """Postlight's fixtures were saved with every ``<meta content=...>`` rewritten to
    ``value=...`` (its own preprocessing), which hides the pages' meta tags from every
    extractor; written back as the sites served them."""

    def fix(m: re.Match[bytes]) -> bytes:
        tag = m.group(0)
        if b"content=" in tag.lower():
            return tag
        return _VALUE_ATTR.sub(b" content=", tag, count=1)

    return _META_TAG.sub(fix, html)


def _postlight(src_root: Path) -> Prepared:
    """Postlight (Mercury) parser: each custom extractor's test names a fixture page, its
    URL and the expected title, author and date_published (taken as the UTC date)."""
    gold: Gold = {}
    pages: dict[str, Path] = {}
    for test in sorted((src_root / "src" / "extractors" / "custom").glob("*/index.test.js")):
        src = test.read_text(encoding="utf-8", errors="replace")
        fixture = re.search(r"readFileSync\(\s*'\./(fixtures/[^']+\.html)'", src)
        url = re.search(r"url\s*=\s*['`]([^'`]+)['`]", src)
        if not fixture or not (src_root / fixture.group(1)).is_file():
            continue
        pid = test.parent.name
        entry: dict[str, Any] = {"url": url.group(1) if url else None}
        for field, key in (("title", "title"), ("author", "author"), ("date_published", "date")):
            value = _js_assert(src, field)
            if value:
                entry[key] = value[:10] if key == "date" else value
        if "date" in entry:
            stated = _js_assert(src, "date_published") or ""
            entry.update(_postlight_day(stated, test.parent / "index.js"))
        if len(entry) > 1:
            gold[pid] = entry
            pages[pid] = src_root / fixture.group(1)
    return gold, pages


_TIMEZONE = re.compile(r"timezone:\s*['\"]([^'\"]+)['\"]")


def _postlight_day(stated: str, extractor: Path) -> dict[str, Any]:
    """The gold day of a Postlight test. The test states a UTC instant; where the extractor
    reads the page's date in the publisher's zone (``timezone: 'Asia/Tokyo'``), that instant
    is the page's local day at midnight (a page dated 5 March in Tokyo is
    ``2019-03-04T15:00:00.000Z``), so the gold is the day in that zone and predictions are
    compared in it (``date_tz``); otherwise the UTC day, compared as such (``date_utc``)."""
    src = extractor.read_text(encoding="utf-8", errors="replace") if extractor.is_file() else ""
    zone = _TIMEZONE.search(src)
    if "T" not in stated:
        return {}  # a day the test derives in the tester's own zone: compared as it is
    if zone:
        try:
            local = datetime.fromisoformat(stated.replace("Z", "+00:00"))
            local = local.astimezone(ZoneInfo(zone.group(1)))
        except (ValueError, ZoneInfoNotFoundError):
            return {"date_utc": True}
        return {"date": local.date().isoformat(), "date_tz": zone.group(1)}
    return {"date_utc": True}  # the test states the UTC instant ("...T21:19:00.000Z")


def _newspaper4k(src_root: Path) -> Prepared:
    """newspaper4k's regression pages: ``html/X.html`` with the expected article text in
    ``txt/X.txt`` and, for some, expected metadata in ``metadata/X.json``."""
    data = src_root / "tests" / "data"
    gold: Gold = {}
    pages: dict[str, Path] = {}
    for html in sorted((data / "html").glob("*.html")):
        pid = html.stem
        entry: dict[str, Any] = {"url": None}
        txt = data / "txt" / f"{pid}.txt"
        if txt.is_file():
            entry["body"] = txt.read_text(encoding="utf-8", errors="replace")
        meta_path = data / "metadata" / f"{pid}.json"
        if meta_path.is_file():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            entry["url"] = meta.get("url")
            if meta.get("title"):
                entry["title"] = meta["title"]
            if meta.get("authors"):
                entry["author"] = "; ".join(meta["authors"])
            if meta.get("publish_date"):
                entry["date"] = str(meta["publish_date"])[:10]
        if len(entry) > 1:
            gold[pid] = entry
            pages[pid] = html
    return gold, pages


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", name))


def _fundus(src_root: Path) -> Prepared:
    """Fundus's parser tests: per publisher, saved pages ``<Publisher>_<date>.html.gz`` (URL
    in the folder's ``meta.info``) and ``<Publisher>.json`` with the expected title, authors,
    publishing date and body of each parser version. Versions and pages pair in order (the
    oldest page tests the oldest version), as fundus's own loader pairs them by date."""
    gold: Gold = {}
    pages: dict[str, Path] = {}
    root = src_root / "tests" / "resources" / "parser" / "test_data"
    for expected in sorted(root.glob("*/*.json")):
        info_path = expected.parent / "meta.info"
        info = json.loads(info_path.read_text("utf-8")) if info_path.is_file() else {}
        htmls = sorted(expected.parent.glob(f"{expected.stem}_*.html.gz"))
        versions = json.loads(expected.read_text("utf-8"))
        if not isinstance(versions, dict) or len(versions) != len(htmls):
            continue  # unclear pairing: left out rather than guessed
        for version, html in zip(sorted(versions, key=_version_key), htmls, strict=True):
            want = versions[version]
            pid = f"{expected.parent.name}-{html.name.removesuffix('.html.gz')}"
            entry: dict[str, Any] = {"url": info.get(html.name, {}).get("url")}
            if want.get("title"):
                entry["title"] = want["title"]
            if want.get("authors"):
                entry["author"] = "; ".join(want["authors"])
            stamp = want.get("publishing_date")
            if stamp:
                entry["date"] = str(stamp)[:10]
                # fundus stores the page's own instant; +00:00 may be a conversion to UTC
                if str(stamp).endswith("+00:00"):
                    entry["date_utc"] = True
            body = want.get("body") or {}
            parts = list(body.get("summary") or [])
            for section in body.get("sections") or []:
                parts += [*(section.get("headline") or []), *(section.get("paragraphs") or [])]
            if parts:
                entry["body"] = "\n".join(parts)
            if len(entry) > 1:
                gold[pid] = entry
                pages[pid] = html
    return gold, pages


def _metascraper_tests(js: str) -> list[tuple[str, str, str | None]]:
    """``(test name, saved page, url)`` for each ``test('name', ...)`` of an AVA test file:
    the page is what the test reads with ``readFile(resolve(__dirname, '...'))``, the url
    the ``url`` the test declares inside its body or, failing that, at the top."""
    heads = list(re.finditer(r"\btest\)?\(\s*(['\"`])((?:(?!\1).)+)\1\s*,", js))
    top_url = re.search(rf"\burl\s*=\s*{_JS_STR}", js[: heads[0].start()] if heads else js)
    out: list[tuple[str, str, str | None]] = []
    for n, head in enumerate(heads):
        block = js[head.end() : heads[n + 1].start() if n + 1 < len(heads) else len(js)]
        page = re.search(r"readFile\(\s*resolve\(\s*__dirname\s*,\s*'([^']+)'\s*\)", block)
        if not page:
            continue
        url = re.search(rf"\burl\s*=\s*{_JS_STR}", block) or top_url
        out.append((head.group(2), page.group(1), _js_value(url) if url else None))
    return out


def _js_value(m: re.Match[str]) -> str:
    value = next(g for g in m.groups() if g is not None)
    return _unescape(value)


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _unescape(value: str) -> str:
    """A JavaScript string literal's body as its text (``\\'``, ``\\n``, ``\\u00e9``)."""

    def one(m: re.Match[str]) -> str:
        esc = m.group(1)
        if esc[0] in "ux" and len(esc) > 1:
            return chr(int(esc.strip("u{}x"), 16))
        return _ESCAPES.get(esc, esc)

    return re.sub(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", one, value)


_AVA_FIELD = re.compile(rf"^ {{6}}(\w+): (?:null|{_JS_STR}),?$", re.M)


def parse_ava_snapshots(md: str) -> dict[str, dict[str, str | None]]:
    """The first snapshot of each test in an AVA snapshot report (``index.js.md``): the
    top-level fields of the object it prints (a ``null`` field maps to None)."""
    out: dict[str, dict[str, str | None]] = {}
    for section in re.split(r"^## ", md, flags=re.M)[1:]:
        name, _, rest = section.partition("\n")
        snap = re.search(r"^> Snapshot 1\n\n {4}\{\n(.*?)^ {4}\}", rest, re.S | re.M)
        if not snap:
            continue
        fields: dict[str, str | None] = {}
        for m in _AVA_FIELD.finditer(snap.group(1)):
            value = next((g for g in m.groups()[1:] if g is not None), None)
            fields[m.group(1)] = None if value is None else _unescape(value)
        out[name.strip()] = fields
    return out


_SMART = re.compile("[‘’“”]")
_QUOTE_CLASS = {"‘": "['‘’]", "’": "['‘’]", "“": '["“”]', "”": '["“”]'}


def _page_text(data: bytes) -> str:
    return unescape(data.decode("utf-8", errors="replace"))


def page_quotes(value: str, page: str) -> str:
    """metascraper passes every title and author through ``smartquotes``, which turns the
    page's straight quotes into typographic ones; where the page holds the same text with
    other quotes, the gold takes the page's (the text every extractor reads), else it stays
    as metascraper wrote it."""
    pattern = "".join(
        _QUOTE_CLASS.get(ch) or (r"\s+" if ch.isspace() else re.escape(ch)) for ch in value
    )
    found = re.search(pattern, page)
    return " ".join(found.group(0).split()) if found else value


def _metascraper(src_root: Path) -> Prepared:
    """metascraper's integration tests: each ``test/integration/<site>/index.js`` reads a
    saved page and snapshots what metascraper extracts from it (``snapshots/index.js.md``):
    title, author and date (an ISO instant in UTC, so taken as the UTC date; the page's
    modification date where it states one, ``date_latest``). Titles and
    authors get the page's own quote marks back (``page_quotes``)."""
    gold: Gold = {}
    pages: dict[str, Path] = {}
    root = src_root / "packages" / "metascraper" / "test" / "integration"
    for test in sorted(root.glob("*/index.js")):
        report = test.parent / "snapshots" / "index.js.md"
        if not report.is_file():
            continue
        snaps = parse_ava_snapshots(report.read_text("utf-8"))
        tests = _metascraper_tests(test.read_text("utf-8"))
        for name, rel, url in tests:
            want = snaps.get(name)
            page = test.parent / rel
            if want is None or not page.is_file():
                continue
            pid = test.parent.name if len(tests) == 1 else f"{test.parent.name}-{Path(rel).stem}"
            entry: dict[str, Any] = {"url": url}
            if want.get("url") and want["url"] != url:
                entry["canonical_url"] = want["url"]
            text: str | None = None
            for field in ("title", "author"):
                value = (want.get(field) or "").strip()
                if value and _SMART.search(value):
                    text = text if text is not None else _page_text(page.read_bytes())
                    value = page_quotes(value, text)
                if value:
                    entry[field] = value
            if want.get("date"):
                entry["date"] = str(want["date"])[:10]
                entry["date_utc"] = True  # Date#toISOString: the instant in UTC
                # metascraper's ``date`` tries dateModified (JSON-LD, ``*modified_time``,
                # itemprop) before datePublished: the latest date the page states
                entry["date_latest"] = True
            if {"title", "author", "date"} & set(entry):
                gold[pid] = entry
                pages[pid] = page
    return gold, pages


# "MISSED LAST PARAGRAPH", "EXTRACTED NOTHING": capitals, short, not a single lower-case letter
_FAILURE_NOTE = re.compile(r"[^a-z]{0,300}")


def newspaper3k_files(urls: Iterable[str], names: Iterable[str]) -> dict[str, str]:
    """File stem -> URL for newspaper3k's full-text list: its test named each saved page
    after the URL's domain and a counter (the third ``reuters.com`` URL is
    ``reuters.com3``), so the stems are rebuilt the same way; the domain is the shortest
    tail of the host (two labels or more) that names a saved page."""
    have = set(names)
    counts: dict[str, int] = {}
    out: dict[str, str] = {}
    for url in urls:
        labels = (urlsplit(url).hostname or "").split(".")
        tails = [".".join(labels[-k:]) for k in range(2, len(labels) + 1)]
        base = next((t for t in tails if f"{t}1" in have), None)
        if base is None:
            continue
        counts[base] = counts.get(base, 0) + 1
        stem = f"{base}{counts[base]}"
        if stem in have:
            out[stem] = url
    return out


def _newspaper3k(src_root: Path) -> Prepared:
    """newspaper3k's full-text regression set: ``tests/data/fulltext_url_list.txt`` lists
    the URLs, ``html/<domain><n>.html`` the saved pages and ``text/<domain><n>.txt`` the
    text a person accepted as correct; where newspaper got a page wrong the file holds a
    note in capitals ("MISSED LAST PARAGRAPH") or nothing, and that page is left out."""
    data = src_root / "tests" / "data"
    urls = (data / "fulltext_url_list.txt").read_text("utf-8").split()
    stems = newspaper3k_files(urls, (p.stem for p in (data / "html").glob("*.html")))
    gold: Gold = {}
    pages: dict[str, Path] = {}
    for stem, url in sorted(stems.items()):
        txt = data / "text" / f"{stem}.txt"
        body = txt.read_text("utf-8", errors="replace").strip() if txt.is_file() else ""
        if not body or (_FAILURE_NOTE.fullmatch(body) and re.search("[A-Z]", body)):
            continue
        gold[stem] = {"url": url, "body": body}
        pages[stem] = data / "html" / f"{stem}.html"
    return gold, pages


def as_served(data: bytes) -> bytes:
    return data


# per set, how a saved page is turned back into what its site served
FIXERS: dict[str, Callable[[bytes], bytes]] = {"postlight": _meta_content}

PREPARERS: dict[str, Callable[[Path], Prepared]] = {
    "postlight": _postlight,
    "newspaper4k": _newspaper4k,
    "fundus": _fundus,
    "metascraper": _metascraper,
    "newspaper3k": _newspaper3k,
}
