"""The selectors that read a comment item on markup never seen: after a profile's own
(``comments._generic_hints`` appends them), the names the comment templates of many engines
share — microformats, schema.org, and the common class words for author, date, permalink
and body, most specific first — and what to strip from a comment's text (reply links,
avatars, votes, meta lines).
"""

from __future__ import annotations

from ..profiles._profile import CommentSelectors

__all__ = ["GENERIC_HINTS"]

GENERIC_HINTS = CommentSelectors(
    author=(
        ".p-author .p-name",
        ".u-author .p-name",
        ".p-author",
        ".u-author",
        ".comment-author .fn",
        ".fn",
        "[itemprop=author] [itemprop=name]",
        "[itemprop=author]",
        ".comment-author",
        "cite",
        ".author",
        ".username",
        ".user",
        ".name",
        "[class*=author]",
        # a class naming the name before one naming the user: a user box ("comment-user")
        # also holds badges and counts ("557 Fans"), its name element ("user_name") only
        # the name
        "[class*=name]",
        "[class*=user]",
        # camelCase templates of news CMSs ("commenterName", "commentAuthorName"), the
        # name first as above ("CommentAuthorContainer" holds the member's crumbs too)
        "[class*=Name]",
        "[class*=Author]",
        # Bootstrap's media object, which Bootstrap themes use for comments (Mezzanine's):
        # the heading is the name, with the time after it
        ".media-heading",
    ),
    author_url=(".comment-author a.url", ".fn a", "a.url"),
    date=(
        ".dt-published",
        "time[datetime]",
        "abbr[title]",
        ".comment-date",
        ".datetime",
        ".date",
        ".time",
        ".timestamp",
        "[class*=date]",
        "[class*=time]",
        "[class*=Date]",
        ".comment-meta a",
        ".commentmetadata a",
        # the meta line itself when no link holds the date ("<small>10/29/2012 5:14 PM")
        ".commentmetadata",
    ),
    permalink=("a.u-url", "a.permalink", "a[href*='#comment']", "a[href*='comment-']"),
    content=(
        ".p-content",
        ".e-content",
        ".comment-content",
        ".comment-text",
        ".comment-body",
        ".comment-entry",
        "[itemprop=text]",
        "[itemprop=commentText]",
        "[class*=comment-content]",
        "[class*=comment-text]",
        "[class*=comment-body]",
        "[class*=comment_text]",
        "[class*=comment_body]",
        # ikiwiki inlines each comment page: its text in .inlinecontent, then a
        # "Comment by NAME — DATE" line (.comment-header) that is no part of it
        ".inlinecontent",
        ".content",
        ".text",
        ".body",
        ".message",
        ".entry",
    ),
    strip=(
        ".reply",
        ".comment-reply-link",
        "[class*=reply-link]",
        "[class*=comment_reply]",
        "ul.links",
        ".avatar",
        "img",
        "[class*=vote]",
        "[class*=rating]",
        "[class*=share]",
        ".comment-meta",
        ".commentmetadata",
        ".comment-author",
        ".comment-awaiting-moderation",
        "[class*=flag]",
        "[class*=report]",
    ),
)
