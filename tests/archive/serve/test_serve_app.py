"""``serve``'s pages over a small archive: list, search, filters, paging, a post and its
thread, history, replay with assets, downloads."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import lxml.html
import pytest
from archive_build import site_with_comments, store_site
from conftest import REPLAY_PORT, Served
from serve_build import ASSET_POST, HOSTILE_POST, PNG, TIMED_URL, Built, Client

from archive.serve import ServeConfig, create_app, create_replay_app, open_state
from archive.serve import _pages as pages_module
from scraper._records import Post


def _doc(text: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(text)


def _titles(html: str) -> list[str]:
    return [a.text_content() for a in _doc(html).cssselect("a.post-link")]


def _count(html: str) -> int:
    text = _doc(html).get_element_by_id("count").text_content()
    return int(re.match(r"([\d,]+)", text).group(1).replace(",", ""))  # type: ignore[union-attr]


def test_list_shows_every_post_newest_first(served: Served) -> None:
    r = served.app.get("/")
    assert r.status_code == 200
    titles = _titles(r.text)
    assert len(titles) == len(served.built.site.posts) + 2 == _count(r.text)
    dates = [td.text_content() for td in _doc(r.text).cssselect("td.date")]
    assert dates == sorted(dates, reverse=True)


def test_search_finds_words_of_title_and_text_and_marks_them(served: Served) -> None:
    r = served.app.get("/", q="styled")
    assert _titles(r.text) == ["A styled post"]
    r = served.app.get("/", q="kaleidoscopic lanterns")  # words of the body only
    assert _titles(r.text) == ["A styled post"]
    assert "<mark>" in r.text
    assert _count(served.app.get("/", q="nosuchwordanywhere").text) == 0


def test_search_input_is_never_fts_syntax(served: Served) -> None:
    for q in ['"', "AND", "title:x", "a*", "NEAR(a b)", "(", "-x", "^"]:
        assert served.app.get("/", q=q).status_code == 200


def test_filters_by_author_category_tag_site_and_dates(served: Served) -> None:
    db = served.state.index.db
    author, n_author = db.execute(
        "SELECT author, COUNT(*) FROM posts WHERE author IS NOT NULL GROUP BY author LIMIT 1"
    ).fetchone()
    assert _count(served.app.get("/", author=author).text) == n_author
    kind_name_n = db.execute(
        "SELECT kind, name, COUNT(*) FROM labels GROUP BY kind, name ORDER BY 3 DESC LIMIT 1"
    ).fetchone()
    kind, name, n = kind_name_n
    assert _count(served.app.get("/", **{kind: name}).text) == n
    assert _count(served.app.get("/", site="blog.test").text) == len(
        _titles(served.app.get("/").text)
    )
    assert _count(served.app.get("/", site="other.example").text) == 0
    everything = _count(served.app.get("/").text)
    early = _count(served.app.get("/", until="2020-01-01").text)
    late = _count(served.app.get("/", since="2020-01-02").text)
    assert 0 < early < everything
    assert 0 < late < everything
    assert _count(served.app.get("/", since="2020-01-01", until="2020-01-01").text) == 1


def test_keyset_pages_walk_forward_and_back(served: Served) -> None:
    small = Client(create_app(dataclasses.replace(served.state, page_size=2), ["testserver"]))
    every = _titles(served.app.get("/").text)
    seen: list[str] = []
    pages = []
    params: dict[str, str] = {}
    while True:
        html = small.get("/", **params).text
        pages.append(html)
        seen += _titles(html)
        nxt = _doc(html).cssselect("a[rel=next]")
        if not nxt:
            break
        params = {k: v[0] for k, v in parse_qs(urlsplit(nxt[0].get("href")).query).items()}
    assert seen == every
    assert len(pages) == 3
    prev = _doc(pages[-1]).cssselect("a[rel=prev]")[0].get("href")
    back = {k: v[0] for k, v in parse_qs(urlsplit(prev).query).items()}
    assert _titles(small.get("/", **back).text) == _titles(pages[-2])


def test_post_page_lays_out_the_record_and_nests_the_thread(served: Served) -> None:
    url = served.built.edited_post
    r = served.app.get("/post", url=url)
    assert r.status_code == 200
    doc = _doc(r.text)
    post = served.state.archive.post_versions(url)[-1][2]
    assert doc.get_element_by_id("title").text_content() == post.title
    comments = doc.cssselect("li.comment")
    assert len(comments) == len(post.comments)
    for li, c in zip(comments, post.comments, strict=True):
        depth = len([a for a in li.iterancestors("li") if "comment" in a.get("class", "")])
        assert depth == c.depth  # nested as on the page
        assert li.cssselect(".when")[0].text_content() == (c.published or "undated")
        if c.url:
            assert li.cssselect("a.permalink")[0].get("href") == c.url
    assert doc.cssselect("#history-link")
    assert doc.cssselect("#replay-link")


def test_post_of_unknown_url_is_404_with_the_cli_message(served: Served) -> None:
    r = served.app.get("/post", url="http://blog.test/nothing/")
    assert r.status_code == 404
    assert "blog-archiver: error: no post" in r.text


def test_history_shows_versions_chart_and_the_changes(served: Served) -> None:
    url = served.built.edited_post
    r = served.app.get("/history", url=url)
    assert r.status_code == 200
    doc = _doc(r.text)
    assert len(doc.cssselect("#timeline > li")) == 2
    assert len(doc.cssselect("svg.chart circle")) == 2
    diff = doc.get_element_by_id("diff").text_content()
    assert "1 comment edited" in diff
    assert "1 comment removed" in diff
    assert "Edited after the fact." in diff
    versions = [v[0] for v in served.state.archive.post_versions(url)]
    same = served.app.get("/history", url=url, a=str(versions[0]), b=str(versions[0]))
    assert "No change between these two captures" in same.text


def test_post_json_is_the_record(served: Served) -> None:
    r = served.app.get("/post.json", url=served.built.edited_post)
    assert r.status_code == 200
    assert r.headers["content-disposition"].startswith("attachment;")
    post = Post.from_dict(json.loads(r.text))
    assert post == served.state.archive.post_versions(served.built.edited_post)[-1][2]


def test_replay_frame_points_at_the_replay_origin_sandboxed(served: Served) -> None:
    r = served.app.get("/replay", url=ASSET_POST, at="2100")
    assert r.status_code == 200
    frame = _doc(r.text).get_element_by_id("replay")
    assert frame.get("sandbox") == ""
    src = frame.get("src")
    assert src.startswith(f"http://testserver:{REPLAY_PORT}/")
    assert src.endswith(ASSET_POST)
    assert served.app.get("/replay", url="http://blog.test/none/", at="2100").status_code == 404


def test_replay_serves_the_page_and_its_assets_from_the_archive(served: Served) -> None:
    # the newest capture is a 304 revisit: the page comes from the record it refers to
    rows = list(served.state.archive.captures(ASSET_POST))
    assert [(r.record_type, r.status) for r in rows][-1] == ("revisit", 304)
    r = served.replay.get(f"/2100/{ASSET_POST}")
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    assert "set-cookie" not in r.headers  # the site's cookie is not the replay's
    doc = _doc(r.text)
    css = doc.cssselect("link[rel=stylesheet]")[0].get("href")
    img = doc.cssselect("img")[0].get("src")
    assert re.fullmatch(r"/\d{14,20}/http://blog\.test/css/site\.css", css)
    author = doc.cssselect("a.url")[0].get("href")
    assert author.endswith("/http://blog.test/author/ann/")
    sheet = served.replay.get(css)
    assert sheet.status_code == 200
    assert "text/css" in sheet.headers["content-type"]
    bg = re.search(r"url\(([^)]+)\)", sheet.text).group(1)  # type: ignore[union-attr]
    assert bg.startswith("/")
    assert bg.endswith("http://blog.test/img/bg.png")
    for path in (img, bg):
        got = served.replay.get(path)
        assert got.status_code == 200
        assert got.content == PNG
        assert got.headers["content-type"] == "image/png"


def test_replay_of_what_was_not_captured_is_404_never_fetched(served: Served) -> None:
    r = served.replay.get("/2100/http://blog.test/img/missing.png")
    assert r.status_code == 404
    assert served.replay.get("/2100/https://example.com/").status_code == 404
    assert served.replay.get("/notatime/http://blog.test/").status_code == 404


def test_replay_finds_the_capture_nearest_the_time(served: Served) -> None:
    for at, body in (("2020", "old"), ("20211231", "old"), ("20220701", "new"), ("2100", "new")):
        r = served.replay.get(f"/{at}/{TIMED_URL}")
        assert r.text == body, at
    assert served.replay.get(f"/2020/{TIMED_URL}").headers["memento-datetime"] == (
        "Fri, 01 Jan 2021 00:00:00 GMT"
    )


def test_exports_are_listed_and_downloaded(served: Served) -> None:
    exports = served.built.root / "exports"
    exports.mkdir(exist_ok=True)
    (exports / "posts.jsonl").write_text('{"a": 1}\n')
    r = served.app.get("/exports/")
    assert "posts.jsonl" in r.text
    got = served.app.get("/exports/posts.jsonl")
    assert got.status_code == 200
    assert got.text == '{"a": 1}\n'
    assert got.headers["content-disposition"].startswith("attachment")


def test_hostile_post_is_listed_under_its_title(served: Served) -> None:
    r = served.app.get("/", q="hostile")
    assert _titles(r.text) == ["<script>alert('title')</script> & \"quotes\""]
    assert served.app.get("/post", url=HOSTILE_POST).status_code == 200


def test_posts_crawled_while_serving_join_the_list(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "arc"
    shutil.copytree(built.root, root, ignore=shutil.ignore_patterns("search.sqlite*"))
    monkeypatch.setattr(pages_module, "REFRESH_EVERY", 0.0)
    config = ServeConfig(root, allowed_hosts=("testserver",))
    with open_state(config, 1, 2) as (state, _info):
        client = Client(create_app(state, config.hosts()))
        before = _count(client.get("/").text)
        store_site(root, site_with_comments(2, seed=40), base="http://other.test")
        after = client.get("/")
        assert _count(after.text) > before
        assert _count(client.get("/", site="other.test").text) == _count(after.text) - before


def test_a_capture_whose_warc_file_is_gone_is_a_404_that_says_so(
    built: Built, tmp_path: Path
) -> None:
    root = tmp_path / "arc"
    shutil.copytree(built.root, root, ignore=shutil.ignore_patterns("search.sqlite*"))
    config = ServeConfig(root, allowed_hosts=("testserver",))
    with open_state(config, 1, 2) as (state, _info):
        row = next(state.archive.captures(TIMED_URL))
        (root / "warc" / row.warc_file).unlink()
        replay = Client(create_replay_app(state.replayer, config.hosts()))
        r = replay.get(f"/2021/{TIMED_URL}")
        assert r.status_code == 404
        assert "is missing" in r.text
        app = Client(create_app(state, config.hosts()))
        assert app.get("/").status_code == 200  # the rest of the archive still reads
