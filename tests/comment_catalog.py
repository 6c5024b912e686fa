"""A catalog of the comment systems of 2008-2012 blogs and news sites (issue 10): one small
hand-written page per system or template variant, in the shape that system printed (class
names, nesting, where the name and the date stand), never a copy of a real page. Each entry
says which comments the parser must find, with their author, date and parent.

``PYTHONPATH=tests python -m comment_catalog`` prints what the parser reads of each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from comment_pages import FLAT, ONE_LEVEL, THREADED, URL, Said, thread
from comment_pages_engines import (
    blogger_classic,
    blogger_threaded,
    drupal6,
    drupal7,
    jcomments,
    livejournal,
    mt_3,
    mt_5,
    typepad,
)
from comment_pages_hosted import (
    disqus_2009,
    disqus_plugin_fallback,
    expressionengine,
    facebook_plugin,
    gawker_2011,
    guardian_d2,
    handmade_boxes,
    huffpost_2011,
    jskit_script,
    livefyre,
    nyt_2011,
    phpbb3,
    posterous,
    squarespace5,
    tumblr_disqus,
    vbulletin3,
)
from comment_pages_wp import (
    wp_arras,
    wp_atahualpa,
    wp_classic_theme,
    wp_default_walker,
    wp_div_comments,
    wp_form_only,
    wp_genesis,
    wp_headway,
    wp_k2,
    wp_kubrick_classic,
    wp_pings_apart,
    wp_thesis,
    wp_twentyeleven,
    wp_twentyten,
)
from lxml.html import document_fromstring

from scraper.parse._results import Metadata, ThreadResult
from scraper.parse.comments._comments import extract_comments
from scraper.parse.dom._page import Page
from scraper.parse.profiles import detect_profile


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    build: Callable[[list[Said]], str]
    said: list[Said]


def _entries() -> list[Entry]:
    t, f = thread(), thread(FLAT)
    return [
        Entry("wordpress kubrick classic", wp_kubrick_classic, f),
        Entry("wordpress classic theme", wp_classic_theme, f),
        Entry("wordpress default walker", wp_default_walker, t),
        Entry("wordpress twentyten", wp_twentyten, t),
        Entry("wordpress twentyeleven", wp_twentyeleven, t),
        Entry("wordpress thesis", wp_thesis, t),
        Entry("wordpress genesis", wp_genesis, t),
        Entry("wordpress headway", wp_headway, t),
        Entry("wordpress atahualpa", wp_atahualpa, t),
        Entry("wordpress k2", wp_k2, f),
        Entry("wordpress arras", wp_arras, t),
        Entry("wordpress div.comment", wp_div_comments, f),
        Entry("wordpress pings apart", wp_pings_apart, t),
        Entry("wordpress form only", wp_form_only, []),
        Entry("blogger classic", blogger_classic, f),
        Entry("blogger threaded", blogger_threaded, thread(ONE_LEVEL)),
        Entry("movable type 5", mt_5, f),
        Entry("movable type 3", mt_3, f),
        Entry("typepad", typepad, f),
        Entry(
            "livejournal",
            livejournal,
            [Said(c.n, c.author.split()[0].lower(), c.text, c.date, c.parent, c.shown) for c in t],
        ),
        Entry("drupal 6", drupal6, t),
        Entry("drupal 7", drupal7, t),
        Entry("joomla jcomments", jcomments, t),
        Entry("expressionengine", expressionengine, f),
        Entry("squarespace 5", squarespace5, f),
        Entry(
            "posterous",
            posterous,
            [
                Said(c.n, c.author, c.text, c.date[:10] if c.date else None, c.parent, c.shown)
                for c in f
            ],
        ),
        Entry("disqus plugin fallback", disqus_plugin_fallback, thread(THREADED, False)),
        Entry("disqus 2009 static", disqus_2009, thread(ONE_LEVEL, False)),
        Entry("tumblr disqus script", tumblr_disqus, []),
        Entry("js-kit script", jskit_script, []),
        Entry("facebook plugin", facebook_plugin, []),
        Entry("hand-made boxes", handmade_boxes, f),
        Entry(
            "livefyre",
            livefyre,
            [
                Said(c.n, c.author, c.text, c.date[:10] if c.date else None, c.parent, c.shown)
                for c in t
            ],
        ),
        Entry("gawker 2011", gawker_2011, t),
        Entry("huffpost 2011", huffpost_2011, t),
        Entry("guardian d2", guardian_d2, t),
        Entry("nyt 2011", nyt_2011, t),
        Entry("phpbb3 posts", phpbb3, f),
        Entry("vbulletin 3 posts", vbulletin3, f),
    ]


ENTRIES = _entries()


def read(entry: Entry) -> ThreadResult:
    page_ = Page(document_fromstring(entry.build(entry.said)), URL)
    return extract_comments(page_, detect_profile(page_), Metadata())


def misses(entry: Entry) -> list[str]:
    """What the parser got wrong on this entry's page (empty: read fully)."""
    got = read(entry).comments
    if len(got) != len(entry.said):
        return [f"found {len(got)} of {len(entry.said)}"]
    out = []
    index = {c.id: i for i, c in enumerate(got)}
    order = [next((j for j, s in enumerate(entry.said) if s.text in c.text), None) for c in got]
    for i, (c, k) in enumerate(zip(got, order, strict=True)):
        if k is None:
            out.append(f"#{i} text {c.text[:60]!r}")
            continue
        s = entry.said[k]
        if len(c.text) > len(s.text) + 40:
            out.append(f"#{k} text has more: {c.text[:80]!r}")
        if c.author.name != s.author:
            out.append(f"#{k} author {c.author.name!r}")
        if s.date is None and c.published is not None:
            out.append(f"#{k} date {c.published!r} where none is shown")
        if s.date is not None and not (c.published or "").startswith(s.date):
            out.append(f"#{k} date {c.published!r}")
        pi = index.get(c.parent_id) if c.parent_id is not None else None
        parent = order[pi] if pi is not None else None
        if parent != s.parent:
            out.append(f"#{k} parent {parent}")
    return out


def main() -> None:
    full = 0
    for e in ENTRIES:
        m = misses(e)
        full += not m
        print(f"{'ok ' if not m else 'NO '} {e.name:28} {'; '.join(m)[:200]}")
    print(f"read fully: {full} of {len(ENTRIES)}")


if __name__ == "__main__":
    main()
