"""The fixture runner on tiny temporary fixtures: loading, diff output, exit codes, add."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from archive._cli import main
from archive._fixtures import (
    FieldDiff,
    FixtureError,
    FixtureResult,
    add_fixture,
    check_fixture,
    diff_records,
    fetch_page,
    field_counts,
    format_diffs,
    load_fixtures,
    parse_fixture,
)
from scraper import parse_page

PAGE = b"<html><body><article><h1>Hi</h1><p>Text.</p></article></body></html>"
URL = "https://blog.example/hi/"


def _current(page: bytes = PAGE, url: str = URL) -> dict[str, Any]:
    """Today's record for ``page``: a fixture built from it passes by construction."""
    return parse_page(page, url).to_dict()


def _write(
    root: Path, name: str, record: dict[str, Any], page: bytes = PAGE, url: str = URL
) -> Path:
    (root / "engine").mkdir(parents=True, exist_ok=True)
    (root / "engine" / f"{name}.html").write_bytes(page)
    doc = {"fixture": {"url": url, "content_type": None, "note": "t"}, "record": record}
    path = root / "engine" / f"{name}.expected.json"
    path.write_text(json.dumps(doc), "utf-8")
    return path


def test_load_finds_single_and_multi_page_and_skips_tools(tmp_path: Path) -> None:
    _write(tmp_path, "one", _current())
    multi = tmp_path / "engine" / "multi"
    multi.mkdir()
    (multi / "page-1.html").write_bytes(PAGE)
    (multi / "page-2.html").write_bytes(PAGE)
    pages = [{"file": "page-1.html", "url": URL}, {"file": "page-2.html", "url": URL + "2/"}]
    (multi / "expected.json").write_text(
        json.dumps({"fixture": {"pages": pages, "content_type": None}, "record": _current()})
    )
    (tmp_path / "_tools").mkdir()
    (tmp_path / "_tools" / "x.expected.json").write_text("not json")
    fixtures = load_fixtures(tmp_path)
    assert [f.name for f in fixtures] == ["engine/multi", "engine/one"]
    assert [p.url for p in fixtures[0].pages] == [URL, URL + "2/"]
    assert parse_fixture(fixtures[0]).to_dict() == parse_page(PAGE, URL).to_dict()


def test_missing_page_file_is_a_fixture_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "one", _current())
    path.with_name("one.html").unlink()
    with pytest.raises(FixtureError, match=r"one\.html"):
        load_fixtures(tmp_path)


def test_a_matching_fixture_has_no_diffs(tmp_path: Path) -> None:
    record = _current()
    record["extractor"]["version"] = "0.0.0-other"  # ignored
    record["source"] = {"fetched_url": "x"}  # ignored
    _write(tmp_path, "one", record)
    [fx] = load_fixtures(tmp_path)
    assert check_fixture(fx) == []


def test_scalar_diff_reads_expected_and_got() -> None:
    diffs = diff_records(
        {"comments": [{"id": "1", "author": {"name": "Ann", "url": None}}]},
        {"comments": [{"id": "1", "author": {"name": "Ann says:", "url": None}}]},
    )
    assert [d.render() for d in diffs] == [
        "comments[0].author.name: expected 'Ann' got 'Ann says:'"
    ]


def test_lists_report_missing_and_added_items() -> None:
    exp = {"categories": ["News", "Asia", "Tech"]}
    got = {"categories": ["News", "Tech", "Uncategorized"]}
    lines = [d.render() for d in diff_records(exp, got)]
    assert "categories[1]: missing 'Asia'" in lines
    assert "categories[+2]: unexpected 'Uncategorized'" in lines
    assert len(lines) == 2


def test_comments_align_by_id_when_one_is_missing() -> None:
    def c(i: str, text: str) -> dict[str, Any]:
        return {"id": i, "text": text}

    exp = {"comments": [c("1", "a"), c("2", "b"), c("3", "c")]}
    got = {"comments": [c("1", "a"), c("3", "C")]}
    lines = [d.render() for d in diff_records(exp, got)]
    assert lines == [
        'comments[1]: missing {"id": "2", "text": "b"}',
        "comments[2].text: expected 'c' got 'C'",
    ]


def test_long_strings_show_a_word_diff() -> None:
    exp = "word " * 30 + "the quick brown fox jumps " + "tail " * 30
    got = "word " * 30 + "the slow brown fox jumps " + "tail " * 30
    [d] = diff_records({"body": {"text": exp}}, {"body": {"text": got}})
    out = d.render()
    assert out.startswith("body.text: differs")
    assert "[-quick-] {+slow+}" in out
    assert out.count("word") <= 5  # context is compact


def test_fields_filter_and_ignored_fields() -> None:
    exp = {"title": "A", "url": "u", "extractor": {"name": "wordpress", "version": "1"}}
    got = {"title": "B", "url": "v", "extractor": {"name": "generic", "version": "2"}}
    assert [d.path for d in diff_records(exp, got, ["title"])] == ["title"]
    assert [d.path for d in diff_records(exp, got)] == ["title", "url", "extractor.name"]


def test_type_mismatch_is_a_diff() -> None:
    assert diff_records({"comment_count": 1}, {"comment_count": True}) != []
    assert diff_records({"author": None}, {"author": {"name": "x", "url": None}}) == [
        FieldDiff("author", None, {"name": "x", "url": None})
    ]


def test_format_diffs_indents_every_line() -> None:
    text = format_diffs([FieldDiff("title", "a", "b")])
    assert text == "  title: expected 'a' got 'b'"


def test_cli_check_pass_and_fail_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, "good", _current())
    bad = _current()
    bad["title"] = "Not Hi"
    _write(tmp_path, "bad", bad)
    assert main(["fixtures", "check", str(tmp_path), "-k", "good"]) == 0
    assert "1 passed, 0 failed" in capsys.readouterr().out
    assert main(["fixtures", "check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "PASS engine/good" in out
    assert "FAIL engine/bad" in out
    got_title = "null" if _current()["title"] is None else repr(_current()["title"])
    assert f"title: expected 'Not Hi' got {got_title}" in out
    assert out.rstrip().endswith("1 passed, 1 failed")
    assert main(["fixtures", "check", str(tmp_path), "--fields", "url"]) == 0


def test_cli_check_usage_errors(tmp_path: Path) -> None:
    assert main(["fixtures", "check", str(tmp_path / "nope")]) == 2
    _write(tmp_path, "good", _current())
    assert main(["fixtures", "check", str(tmp_path), "-k", "zzz"]) == 2
    assert main(["fixtures"]) == 2


def test_add_saves_page_and_record_that_then_passes(tmp_path: Path) -> None:
    src = tmp_path / "My Page.html"
    src.write_bytes(PAGE)
    path = add_fixture(src, tmp_path / "fx" / "generic", url=URL)
    assert path.name == "my-page.expected.json"
    assert (path.parent / "my-page.html").read_bytes() == PAGE
    doc = json.loads(path.read_text("utf-8"))
    assert doc["fixture"]["url"] == URL
    assert doc["record"]["source"] is None
    [fx] = load_fixtures(tmp_path / "fx")
    assert fx.name == "generic/my-page"
    assert check_fixture(fx) == []
    with pytest.raises(FileExistsError):
        add_fixture(src, tmp_path / "fx" / "generic", url=URL)
    by_bytes = add_fixture(PAGE, tmp_path / "fx", url=URL, name="Other One")
    assert by_bytes.name == "other-one.expected.json"


def test_cli_add(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "p.html"
    src.write_bytes(PAGE)
    dest = tmp_path / "out"
    assert main(["fixtures", "add", str(src), "--url", URL, "--name", "n", "--dir", str(dest)]) == 0
    assert (dest / "n.html").is_file()
    assert "n.expected.json" in capsys.readouterr().out
    assert main(["fixtures", "add", str(src), "--name", "n", "--dir", str(dest)]) == 2
    assert main(["fixtures", "add", str(tmp_path / "missing.html")]) == 2


def test_field_counts_fold_indices_and_count_once_per_fixture(tmp_path: Path) -> None:
    path = _write(tmp_path, "one", _current())
    [fx] = load_fixtures(path.parent.parent)
    a = FixtureResult(
        fx,
        (
            FieldDiff("comments[0].published", "x", None),
            FieldDiff("comments[3].published", "y", None),
            FieldDiff("title", "t", None),
        ),
    )
    b = FixtureResult(
        fx, (FieldDiff("comments[+2]", None, {}, "added"), FieldDiff("title", "t", "u"))
    )
    assert field_counts([a, b]) == [("title", 2), ("comments[]", 1), ("comments[].published", 1)]


def test_cli_prints_field_stats_when_several_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a", "b"):
        bad = _current()
        bad["title"] = "Wrong " + name
        _write(tmp_path, name, bad)
    assert main(["fixtures", "check", str(tmp_path), "-q"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-2] == "fields differing most (fixtures): title (2)"
    assert out[-1] == "0 passed, 2 failed"


def test_fetch_page_then_add_by_bytes(tmp_path: Path) -> None:
    import httpx

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url == URL
        return httpx.Response(
            200, headers={"content-type": "text/html; charset=utf-8"}, content=PAGE
        )

    capture = fetch_page(URL, transport=httpx.MockTransport(handler))
    assert capture.status == 200
    assert capture.content == PAGE
    path = add_fixture(
        capture.content, tmp_path, url=capture.url, content_type=capture.content_type
    )
    assert path.name == "blog-example-hi.expected.json"
    doc = json.loads(path.read_text("utf-8"))
    assert doc["fixture"]["content_type"] == "text/html; charset=utf-8"
