"""Comment threads that a real Mezzanine showed us, written as generic markup (no engine's
head, so the generic finder reads them): a hidden reply form inside every comment, names
followed by "3 days ago", and nameless placeholders where a comment was removed."""

from __future__ import annotations

from scraper import parse_page

URL = "http://b.example/blog/ferry/"


def _comment(n: int, name: str, text: str, replies: str = "") -> str:
    return f"""
<div id="comment-{n}" class="comment media">
  <img class="avatar" src="/a.png">
  <div class="media-body">
    <h4 class="media-heading">{name} <small class="timespan">2 years, 9 months ago</small></h4>
    <p>{text}</p>
    <a href="/blog/ferry/#comment-{n}">Link</a> | <a href="#reply-{n}" class="reply">Reply</a>
    <form class="comment-reply-form" method="post" id="reply-{n}" action="/comment/"
          style="display:none;">
      <div class="form-group input_id_name"><label for="id_name">Name</label>
        <input type="text" name="name"><p class="help-block">required</p></div>
      <textarea name="comment"></textarea>
      <input type="hidden" name="replied_to" value="{n}"><input type="submit" value="Reply">
    </form>
    {replies}
  </div>
</div>"""


def _page(thread: str) -> bytes:
    return f"""<!doctype html><html lang="en"><head><title>The ferry | Notes</title></head>
<body><div class="container"><h1>The ferry</h1><div class="row"><div class="col-md-7 middle">
<p>The night ferry crosses in six hours; the bar closes at midnight, and the crew sleeps
in the forward cabins while the passengers watch the lights of the coast go by.</p>
<p>Everyone asks about the cabins. The comments below are where they asked, and where
the harbour master answered, more or less patiently.</p>
<div id="comments"><h3>Comments</h3>{thread}
<h3>New Comment</h3><form method="post" id="comment" action="/comment/">
<input type="text" name="name"><textarea name="comment"></textarea>
<input type="submit" value="Comment"></form></div>
</div></div></div></body></html>""".encode()


def test_hidden_reply_forms_do_not_hide_the_thread() -> None:
    """Every comment holds a textarea (its hidden reply form): it is still a comment, not
    the comment form, and the replies nest five deep."""
    deep = ""
    for n in range(6, 1, -1):
        deep = _comment(n, f"Reader {n}", f"Reply at depth {n - 1}, about cabin {n}.", deep)
    thread = _comment(1, "Ingrid Ødegård", "Is cabin one quiet?", deep) + _comment(
        7, "Łukasz Wróbel", "The crossing was rough on trip seven."
    )
    post = parse_page(_page(thread), url=URL)
    got = [(c.id, c.parent_id, c.depth) for c in post.comments]
    assert got == [("1", None, 0), ("2", "1", 1), ("3", "2", 2), ("4", "3", 3), ("5", "4", 4),
                   ("6", "5", 5), ("7", None, 0)]  # fmt: skip
    first = post.comments[0]
    assert first.author.name == "Ingrid Ødegård"  # not the reply form's "Name required"
    # the words are the comment's; the generic reader still leaves the "Link | Reply"
    # separator behind (Mezzanine's profile reads the paragraph alone)
    assert first.text.split("\n")[0] == "Is cabin one quiet?"


def test_relative_time_after_the_name_is_not_part_of_it() -> None:
    post = parse_page(_page(_comment(1, "佐藤 花子", "夜の東京は本当に静かですね。")), url=URL)
    assert [c.author.name for c in post.comments] == ["佐藤 花子"]
    assert post.comments[0].published is None  # "2 years, 9 months ago" is no date


def test_removed_and_held_placeholders_are_no_comments() -> None:
    """Mezzanine leaves a nameless line where a comment was removed or awaits approval."""
    placeholders = """
<div id="comment-8" class="comment media"><p><span class="glyphicon"></span> Comment deleted
<small class="timespan">2 years ago</small></p></div>
<div id="comment-9" class="comment media"><p><span class="glyphicon"></span> Comment awaiting
approval <small class="timespan">2 years ago</small></p></div>"""
    thread = _comment(1, "Ingrid", "First!") + placeholders + _comment(2, "Ana", "Second.")
    post = parse_page(_page(thread), url=URL)
    assert [c.id for c in post.comments] == ["1", "2"]


def test_a_reply_to_a_removed_comment_keeps_its_depth() -> None:
    """Mezzanine nests the replies of a removed comment under its placeholder: the reply
    stays at depth 1, its parent unknown (a record's parent_id names only comments the
    record holds, so that every reply joins its parent)."""
    shell = (
        '<div id="comment-8" class="comment media"><p>Comment deleted '
        '<small class="timespan">2 years ago</small></p>'
        + _comment(9, "Ana", "A reply to a removed comment.")
        + "</div>"
    )
    post = parse_page(_page(_comment(1, "Ingrid", "First!") + shell), url=URL)
    assert [(c.id, c.parent_id, c.depth) for c in post.comments] == [
        ("1", None, 0),
        ("9", None, 1),
    ]
