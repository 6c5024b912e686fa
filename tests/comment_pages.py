"""The pages of the comment-system catalog (``comment_catalog``): the comments a page
shows (``Said``), the page around them, and how a thread's items nest."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

URL = "https://blog.example/2012/10/bread/"


@dataclass(frozen=True, slots=True)
class Said:
    """One comment the page shows."""

    n: int  # the system's comment number (ids, anchors)
    author: str
    text: str
    date: str | None  # ISO prefix the record must carry; None: the page shows no date
    parent: int | None  # index of the parent in the entry's list
    shown: tuple[str, ...]  # the date as the page prints it, in a few forms


TEXTS = (
    "I tried this recipe last weekend and the loaf came out dense. Any idea why?",
    "Probably the yeast was old. Check the date on the packet next time.",
    "Great write-up, thanks for sharing the photos from the market.",
    "Agreed, fresh yeast makes all the difference in my kitchen too.",
)
NAMES = ("Alice Moore", "Bob Tran", "Carol Jones", "Dan Price")
THREADED = (None, 0, None, 1)
ONE_LEVEL = (None, 0, None, 0)  # Blogger, Disqus-like two-level threads
FLAT = (None, None, None, None)
# day, hour, minute; shown as the era's templates did
WHEN = ((3, 9, 15), (3, 10, 20), (4, 11, 25), (5, 14, 30))


def _shown(day: int, hour: int, minute: int) -> tuple[str, ...]:
    h12 = hour % 12 or 12
    ap = "am" if hour < 12 else "pm"
    return (
        f"October {day}, 2012 at {h12}:{minute:02d} {ap}",  # 0 WordPress
        f"October {day}, 2012 {h12}:{minute:02d} {ap.upper()}",  # 1 Movable Type
        f"10/{day:02d}/2012 - {hour:02d}:{minute:02d}",  # 2 Drupal
        f"2012-10-{day:02d} {hour:02d}:{minute:02d}",  # 3 ISO-ish (JComments, LJ)
        f"October {day:02d}, 2012 at {h12:02d}:{minute:02d} {ap.upper()}",  # 4 TypePad
        f"Wed, October {day}, 2012 at {h12}:{minute:02d}{ap.upper()}",  # 5 Squarespace
        f"Oct. {day}, 2012 at {h12}:{minute:02d} {ap[0]}.m.",  # 6 NYT
        f"{day} October 2012 {h12}:{minute:02d}{ap}",  # 7 Guardian
        f"10/{day:02d}/12 {h12}:{minute:02d}{ap}",  # 8 Gawker
        f"10-{day:02d}-2012, {h12:02d}:{minute:02d} {ap.upper()}",  # 9 vBulletin
        f"Wed Oct {day:02d}, 2012 {h12}:{minute:02d} {ap}",  # 10 phpBB
    )


def thread(parents: tuple[int | None, ...] = THREADED, dated: bool = True) -> list[Said]:
    return [
        Said(
            101 + i,
            NAMES[i],
            TEXTS[i],
            f"2012-10-{d:02d}T{h:02d}:{m:02d}" if dated else None,
            parents[i],
            _shown(d, h, m),
        )
        for i, (d, h, m) in enumerate(WHEN)
    ]


def page(thread_html: str, head: str = "", form: bool = True) -> str:
    respond = (
        "<div id='respond'><h3 id='reply-title'>Leave a Reply</h3>"
        "<form action='/wp-comments-post.php' method='post' id='commentform'>"
        "<p class='comment-notes'>Your email address will not be published.</p>"
        "<p><label for='author'>Name</label><input id='author' name='author'></p>"
        "<p><textarea id='comment' name='comment'></textarea></p>"
        "<p class='form-allowed-tags'>You may use these HTML tags and attributes: "
        '&lt;a href="" title=""&gt; &lt;b&gt; &lt;em&gt;</p>'
        "<p><input name='submit' type='submit' value='Post Comment'></p></form></div>"
        if form
        else ""
    )
    return (
        f"<html><head><title>Dense bread | A kitchen blog</title>{head}</head><body>"
        "<div id='wrapper'><div id='main'><div id='content'>"
        "<div class='post hentry'><h1 class='entry-title'>Why my bread was dense</h1>"
        "<div class='entry-content'><p>Baking bread at home takes patience, and the "
        "first loaves rarely come out the way the pictures promise.</p>"
        "<p>This week I went back to basics: flour, water, salt and yeast, and a long, "
        "slow rise in a cool kitchen.</p></div></div>"
        f"{thread_html}{respond}</div></div>"
        "<div id='sidebar'><h3>Recent Comments</h3><ul id='recentcomments'>"
        "<li class='recentcomments'>Eve on <a href='/2012/09/cake/#comment-7'>Cake</a></li>"
        "<li class='recentcomments'>Fay on <a href='/2012/09/pie/#comment-8'>Pie</a></li>"
        "</ul></div></div></body></html>"
    )


WP_HEAD = "<meta name='generator' content='WordPress 3.4.2'>"
WRAP0 = '<dl class="children">{}</dl>'
WRAP1 = '<div class="indented">{kids}</div>'
WRAP2 = '<div class="comments-list" id="comments-list-{n}">{kids}</div>'
WRAP3 = '<ul class="dsq-children">{}</ul>'
WRAP4 = '<div class="idc-thread-children">{}</div>'
WRAP5 = '<ul class="d2-responses">{}</ul>'
WRAP6 = '<ul class="commentReplies">{}</ul>'
Render = Callable[[int, Said, str], str]


def nested(cs: list[Said], item: Render, children: str = "<ul class='children'>{}</ul>") -> str:
    """Replies inside their parent's item (WordPress ``ul.children`` ...)."""

    def one(i: int) -> str:
        kids = "".join(one(j) for j, c in enumerate(cs) if c.parent == i)
        return item(i, cs[i], children.format(kids) if kids else "")

    return "".join(one(i) for i, c in enumerate(cs) if c.parent is None)


def after(cs: list[Said], item: Render, children: str) -> str:
    """Replies in a box after their parent's item (Drupal ``div.indented`` ...)."""

    def one(i: int) -> str:
        kids = "".join(one(j) for j, c in enumerate(cs) if c.parent == i)
        return item(i, cs[i], "") + (children.format(n=cs[i].n, kids=kids) if kids else "")

    return "".join(one(i) for i, c in enumerate(cs) if c.parent is None)


def flat(cs: list[Said], item: Render) -> str:
    return "".join(item(i, c, "") for i, c in enumerate(cs))


def depth(cs: list[Said], i: int) -> int:
    d, p = 0, cs[i].parent
    while p is not None:
        d, p = d + 1, cs[p].parent
    return d


def parity(i: int) -> str:
    return "even" if i % 2 == 0 else "odd"
