import dataclasses
import json

from archive_samples import comment, post

from archive.recapture._history import build_history, diff_posts, diff_words, history, post_history
from scraper._records import Body, Post


def test_identical_posts_have_no_changes() -> None:
    d = diff_posts(post(), post())
    assert not d.changed
    assert d.to_dict()["changed"] is False


def test_comment_added_removed_and_edited() -> None:
    old = post(comments=(comment("1", "a"), comment("2", "b"), comment("3", "c")))
    new = post(comments=(comment("1", "a"), comment("3", "c, edited"), comment("4", "new")))
    d = diff_posts(old, new)
    assert [c.id for c in d.comments_added] == ["4"]
    assert [c.id for c in d.comments_removed] == ["2"]
    assert d.comments_removed[0].old_text == "b"
    assert [(c.id, c.fields) for c in d.comments_edited] == [("3", ("text", "html"))]
    assert d.comments_edited[0].old_text == "c"
    assert d.comments_edited[0].new_text == "c, edited"


def test_author_change_counts_as_edit() -> None:
    c = comment("1", "a")
    renamed = dataclasses.replace(c, author=dataclasses.replace(c.author, name="someone"))
    d = diff_posts(post(comments=(c,)), post(comments=(renamed,)))
    assert d.comments_edited[0].fields == ("author",)


def test_field_changes() -> None:
    old = post()
    new = dataclasses.replace(
        old, title="New title", tags=("korea", "media"), modified="2024-03-01"
    )
    fields = {f.field: f for f in diff_posts(old, new).fields}
    assert set(fields) == {"title", "tags", "modified"}
    assert fields["tags"].old == ["korea"]
    assert fields["tags"].new == ["korea", "media"]
    json.dumps(diff_posts(old, new).to_dict())  # JSON-ready


def test_word_diff_is_compact_with_context() -> None:
    words = " ".join(f"w{i}" for i in range(100))
    changed = words.replace("w50", "CHANGED")
    ops = diff_words(words, changed, context=3)
    tags = [o.op for o in ops]
    assert tags == ["equal", "replace", "equal"]
    assert ops[1].old == "w50"
    assert ops[1].new == "CHANGED"
    assert ops[0].old == "… w47 w48 w49"
    assert ops[2].old == "w51 w52 w53 …"


def test_body_edit_appears_in_diff() -> None:
    old = post(body="The minister said yes.")
    new = dataclasses.replace(old, body=Body("The minister said no.", "<p>...</p>"))
    d = diff_posts(old, new)
    assert d.body_changed
    assert [(o.op, o.old, o.new) for o in d.body if o.op != "equal"] == [("replace", "yes.", "no.")]


def test_removed_comment_stays_in_history() -> None:
    v1 = post(comments=(comment("1", "a"), comment("2", "rude")))
    v2 = post(comments=(comment("1", "a"),))
    v3 = post(comments=(comment("1", "a"), comment("5", "late")))
    versions = [(1, "2024-01-01", v1), (2, "2024-01-02", v2), (3, "2024-01-03", v3)]
    changes = history(versions)
    assert [c.crawl_id for c in changes] == [2, 3]
    assert [c.id for c in changes[0].diff.comments_removed] == ["2"]
    assert [c.id for c in changes[1].diff.comments_added] == ["5"]
    lives = {c.id: c for c in build_history("u", versions).comments}
    assert lives["2"].removed_at == "2024-01-02"
    assert lives["2"].text == "rude"
    assert lives["2"].last_seen == "2024-01-01"
    assert lives["1"].removed_at is None
    assert lives["5"].first_seen == "2024-01-03"


def test_post_history_over_a_version_source() -> None:
    class Source:
        def post_versions(self, url: str) -> list[tuple[int, str, Post]]:
            return [(1, "t1", post()), (2, "t2", post(title="Changed"))]

    h = post_history(Source(), "https://blog.example/2024/01/post-1/")
    data = json.loads(json.dumps(h.to_dict()))
    assert data["captures"] == [
        {"crawl_id": 1, "captured_at": "t1"},
        {"crawl_id": 2, "captured_at": "t2"},
    ]
    assert data["changes"][0]["fields"][0]["field"] == "title"


def test_comments_without_id_match_by_content() -> None:
    anon = dataclasses.replace(comment("x", "hello"), id=None)
    assert not diff_posts(post(comments=(anon,)), post(comments=(anon,))).changed
