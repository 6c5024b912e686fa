"""Archive: sink + catalog + recovery, with hand-made captures (no network, no crawler)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from archive import PROFILE_NOT_MODIFIED, Archive, ArchiveError
from archive.catalog import CaptureRow
from archive.warc._reader import iter_records
from scraper._protocols import Job, JobKind, URLState
from scraper._records import Capture, Comment, Post, Source, WarcRef

POST = "http://blog.example/2024/01/02/post/"


def _capture(url: str, body: bytes, when: str = "2024-01-02T03:04:05+00:00") -> Capture:
    return Capture(
        url=url,
        status=200,
        fetched_at=when,
        response_headers=(("Content-Type", "text/html"), ("ETag", '"v1"')),
        body=body,
        content=body,
        reason="OK",
    )


def _post(ref: WarcRef, page: str, comments: list[tuple[str, str | None]], title: str) -> Post:
    return Post(
        url=POST,
        title=title,
        published="2024-01-02T03:00:00+00:00",
        comments=tuple(
            Comment(id=cid, parent_id=parent, depth=0 if parent is None else 1, text=f"c{cid}")
            for cid, parent in comments
        ),
        source=Source(fetched_url=page, warc=ref),
    )


def _store_post(arc: Archive, title: str = "T", when: str = "2024-01-02T03:04:05+00:00") -> None:
    pages = [
        (POST, [("3", None), ("4", "3")]),
        (POST + "comment-page-1/", [("1", None), ("2", "1")]),
    ]
    for page, comments in pages:
        ref = arc.sink.write_capture(_capture(page, f"{title}{page}".encode(), when))
        arc.sink.write_post(page, POST, _post(ref, page, comments, title))


def test_posts_merge_comment_pages_and_keep_the_latest_round(
    tmp_path: Path, catalog: str | None
) -> None:
    with Archive.open(tmp_path / "a", catalog=catalog) as arc:
        first = arc.begin_crawl("crawl", {"seeds": [POST]})
        _store_post(arc, "Old")
        arc.end_crawl(first, {"pages": 2})
        second = arc.begin_crawl("recapture", {})
        _store_post(arc, "New", "2024-03-01T00:00:00+00:00")
        arc.end_crawl(second, {"pages": 2})
        (post,) = list(arc.posts())
        assert post.title == "New"
        assert [c.id for c in post.comments] == ["1", "2", "3", "4"]
        assert post.source is not None
        assert post.source.fetched_url == POST
        versions = arc.post_versions(POST)
        assert [(v[0], v[2].title) for v in versions] == [(first, "Old"), (second, "New")]
        assert versions[1][1].startswith("2024-03-01")
        assert list(arc.posts(site="blog.example", since="2024-01-01", until="2024-12"))
        assert not list(arc.posts(site="other.example"))
        assert not list(arc.posts(since="2025"))
        index = (arc.warc_dir / "index.cdxj").read_text().splitlines()
        assert len(index) == 4
        assert index == sorted(index)


def test_resumed_round_does_not_store_the_same_capture_twice(
    tmp_path: Path, catalog: str | None
) -> None:
    with Archive.open(tmp_path / "a", catalog=catalog) as arc:
        arc.begin_crawl("crawl", {})
        ref = arc.sink.write_capture(_capture(POST, b"same"))
    with Archive.open(tmp_path / "a", catalog=catalog) as arc:
        crawl_id = arc.begin_crawl("crawl", {})  # the unfinished round is resumed
        assert crawl_id == 1
        assert arc.sink.write_capture(_capture(POST, b"same")) == ref
        assert arc.sink.write_capture(_capture(POST, b"changed")) != ref
        assert [r.record_type for r in arc.captures(POST)] == ["response", "response"]


def test_revisit_reads_back_with_the_original_payload(tmp_path: Path, catalog: str | None) -> None:
    with Archive.open(tmp_path / "a", catalog=catalog) as arc:
        arc.begin_crawl("crawl", {})
        arc.sink.write_capture(_capture(POST, b"payload"))
        (row,) = arc.captures(POST)
        not_modified = Capture(url=POST, status=304, fetched_at="2024-05-01T00:00:00+00:00")
        rev = arc.write_revisit(not_modified, row, PROFILE_NOT_MODIFIED)
        assert rev.record_type == "revisit"
        assert rev.refers_to == row.id
        assert arc.read_capture(rev).body == b"payload"
        assert arc.read_capture(row).body == b"payload"


def test_recovery_quarantines_a_torn_tail_and_indexes_orphans(tmp_path: Path) -> None:
    root = tmp_path / "a"
    arc = Archive.open(root)
    arc.begin_crawl("crawl", {})
    arc.sink.write_capture(_capture(POST, b"kept"))
    writer = arc._writer
    assert writer is not None
    # A record written but never indexed (killed between WARC write and catalog commit) ...
    writer.write_exchange(_capture(POST + "comment-page-1/", b"orphan"))
    name = writer.current_file
    assert name is not None
    # ... and half a record (killed mid-write).
    with (root / "warc" / name).open("ab") as f:
        f.write(os.urandom(50))
    arc.close()

    with Archive.open(root) as arc:
        assert arc.recovery.reindexed == 1
        assert arc.recovery.truncated_bytes == 50
        urls = [r.url for r in arc.captures()]
        assert urls == [POST, POST + "comment-page-1/"]
        types = [r.record_type for r in iter_records(root / "warc" / name)]
        assert types == ["warcinfo", "response", "request", "response", "request"]
        partial = list((root / "warc" / "partial").iterdir())
        assert len(partial) == 1
        assert partial[0].stat().st_size == 50
        for row in arc.captures():
            assert arc.read_capture(row).url == row.url


def _crawled_then_revisited(
    root: Path,
) -> tuple[str, list[CaptureRow], CaptureRow, list[dict[str, object]]]:
    """A post and its comment page captured and parsed, then a later round (in a WARC file
    of its own) that found the comment page unchanged: (first file's name, rows, the
    revisit, the posts as read)."""
    with Archive.open(root) as arc:
        cid = arc.begin_crawl("crawl", {"seeds": [POST]})
        arc.frontier.add([Job(POST, JobKind.POST), Job(POST + "comment-page-1/", JobKind.COMMENTS)])
        for job in arc.frontier.claim(2):
            arc.frontier.finish(job.url, URLState.PARSED)
        _store_post(arc, "Kept")
        arc.end_crawl(cid, {})
        (name,) = [p.name for p in arc.warc_dir.glob("*.warc.gz")]
        later = arc.begin_crawl("recapture", {})
        (page,) = arc.captures(POST + "comment-page-1/")
        not_modified = Capture(url=page.url, status=304, fetched_at="2024-05-01T00:00:00+00:00")
        revisit = arc.write_revisit(not_modified, page, PROFILE_NOT_MODIFIED)
        arc.end_crawl(later, {})
        assert revisit.warc_file != name
        return name, list(arc.captures()), revisit, [p.to_dict() for p in arc.posts()]


def test_a_warc_cut_short_by_another_tool_keeps_the_parsed_pages(tmp_path: Path) -> None:
    root = tmp_path / "a"
    name, rows, revisit, before = _crawled_then_revisited(root)
    # Another tool rewrote the segment and cut it inside the second response record.
    second = rows[1]
    cut = second.offset + second.length // 2
    path = root / "warc" / name
    path.write_bytes(path.read_bytes()[:cut])

    with Archive.open(root) as arc:
        # the parses are data already captured: the post still reads as it did
        assert [p.to_dict() for p in arc.posts()] == before
        assert [r.id for r in arc.captures()] == [r.id for r in rows]  # rows kept, marked
        report = arc.recovery
        assert (report.lost_records, report.kept_pages) == (2, 1)
        (note,) = report.notes
        assert name in note
        assert f"cut to {cut:,} bytes" in note
        assert f"1 record lost ({POST}comment-page-1/)" in note
        assert "and 1 revisits that took their payload from them" in note
        assert "1 parsed page kept" in note
        assert arc.read_capture(rows[0]).body.startswith(b"Kept")
        with pytest.raises(ArchiveError, match=f"lost: {name} was cut"):
            arc.read_capture(rows[1])
        with pytest.raises(ArchiveError, match="its payload was in a record lost"):
            arc.read_capture(revisit)
        # the lost record leaves the replay index, and its URL is fetched again
        index = [json.loads(line.split(" ", 2)[2]) for line in arc.write_index().open()]
        assert [(f["url"], f["offset"]) for f in index] == [(POST, str(rows[0].offset))]
        assert [j.url for j in arc.frontier.claim(5)] == [POST + "comment-page-1/"]
    with Archive.open(root) as arc:  # noted once: the next open has nothing to say
        assert not arc.recovery


def test_a_deleted_warc_is_a_cut_at_zero(tmp_path: Path) -> None:
    root = tmp_path / "a"
    name, rows, revisit, before = _crawled_then_revisited(root)
    (root / "warc" / name).unlink()  # deleted outright, not truncated
    missing = pytest.raises(ArchiveError, match=f"lost: warc/{name} is missing")
    with Archive.open(root, readonly=True) as arc, missing:  # no recovery yet: clear error
        arc.read_capture(revisit)

    with Archive.open(root) as arc:
        assert [p.to_dict() for p in arc.posts()] == before  # the parses are kept
        assert [r.id for r in arc.captures()] == [r.id for r in rows]
        report = arc.recovery
        assert (report.lost_records, report.kept_pages) == (3, 2)
        (note,) = report.notes
        assert f"warc/{name} is missing" in note
        assert f"2 records lost ({POST}, {POST}comment-page-1/)" in note
        assert "and 1 revisits that took their payload from them" in note
        assert "2 parsed pages kept" in note
        for row in rows[:2]:
            with pytest.raises(ArchiveError, match=f"lost: {name}: file missing"):
                arc.read_capture(row)
        with pytest.raises(ArchiveError, match=f"lost when {name} went missing"):
            arc.read_capture(revisit)
        assert arc.write_index().read_text() == ""  # nothing left to replay
        assert sorted(j.url for j in arc.frontier.claim(5)) == [POST, POST + "comment-page-1/"]
    with Archive.open(root) as arc:  # noted once
        assert not arc.recovery
