"""Fill a fresh Mezzanine site through Mezzanine's own models, then read the truth back.

Run by ``tests/engines/mezzanine.py`` with the Mezzanine venv's python, inside the project
directory ``mezzanine-project`` made: ``python content.py BASE_URL TRUTH_JSON``. Never
imported by the test suite (it needs Django and Mezzanine, which live only in that venv).
Everything goes through the ORM, as Mezzanine's admin would save it; the truth is the ORM
read back afterwards (what Mezzanine itself will show a visitor), never our parser.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "harbour.settings")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.sites.models import Site  # noqa: E402
from django.utils import timezone  # noqa: E402
from mezzanine.blog.models import BlogCategory, BlogPost  # noqa: E402
from mezzanine.conf.models import Setting  # noqa: E402
from mezzanine.core.models import CONTENT_STATUS_DRAFT, CONTENT_STATUS_PUBLISHED  # noqa: E402
from mezzanine.generic.models import AssignedKeyword, Keyword, ThreadedComment  # noqa: E402
from mezzanine.generic.templatetags.comment_tags import comment_filter  # noqa: E402
from mezzanine.pages.models import RichTextPage  # noqa: E402

PARIS = ZoneInfo("Europe/Paris")
SITE_TITLE = "Harbour Notes"
AUTHORS = {  # username: (first name, last name)
    "anna": ("Anna", "Berg"),
    "zoe": ("Zoë", "Ångström"),
    "juergen": ("Jürgen", "Groß"),
    "tanaka": ("太郎", "田中"),
}


def paras(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


# (slug, title, author, publish date (Paris), categories, keywords, html)
POSTS = (
    (
        "welcome-to-the-harbour",
        "Welcome to the harbour",
        "anna",
        "2024-01-02 09:15",
        ["News"],
        ["harbour"],
        paras(
            "The first post of this site. It says hello and little else.",
            "A second paragraph, so that the body has more than one.",
        ),
    ),
    (
        "a-post-that-quotes",
        "A post that quotes",
        "zoe",
        "2024-01-05 18:30",
        ["Notes"],
        ["quotes", "books"],
        paras("Before the quote comes a sentence of our own.")
        + "<blockquote><p>The sea is everything. It covers seven tenths of the terrestrial "
        "globe.</p></blockquote>"
        + paras(
            'After the quote, <a href="https://example.org/verne">a link to the source</a> '
            "and an end."
        ),
    ),
    (
        "uber-strassen-und-brucken",
        "Über Straßen und Brücken",
        "juergen",
        "2024-01-09 07:00",
        ["Reisen", "Deutsch"],
        ["brücken"],
        paras(
            "Eine Straße führt über die Brücke. Die Brücke ist alt und schön.",
            "Zweiter Absatz: noch ein paar Wörter über Brücken und Flüsse.",
        ),
    ),
    (
        "tokyo-at-night",
        "東京の夜",
        "tanaka",
        "2024-01-12 22:45",
        ["Travel"],
        ["日本"],
        paras("東京の夜は静かです。朝は早い。", "A line in English after the Japanese one."),
    ),
    (
        "five-things-about-lanterns",
        "Five things about lanterns",
        "anna",
        "2024-01-15 12:00",
        ["Notes"],
        [],
        paras("Lanterns, in a list:")
        + "<ul><li>copper lanterns</li><li>paper lanterns</li><li>storm lanterns</li></ul>"
        + paras("And a closing paragraph with <strong>bold</strong> and <em>italic</em> words."),
    ),
    (
        "the-harbour-master-corrects-himself",
        "The harbour master corrects himself",
        "zoe",
        "2024-01-20 10:10",
        ["News"],
        ["corrections"],
        paras("The ferry leaves at seven, the harbour master said on Monday."),
    ),
    (
        "a-longer-read-on-tides",
        "A longer read on tides",
        "zoe",
        "2024-02-01 06:30",
        ["Science"],
        ["tides", "longread"],
        paras(
            *(
                f"Paragraph {i} on tides: the moon pulls, the water follows, the harbour fills "
                "and empties twice a day, and the fishermen read the tables every morning."
                for i in range(1, 9)
            )
        ),
    ),
    (
        "sections-and-headings",
        "Sections and headings",
        "anna",
        "2024-02-10 15:00",
        ["Notes"],
        [],
        paras("An opening paragraph.")
        + "<h2>First section</h2>"
        + paras("Text of the first section.")
        + "<h2>Second section</h2>"
        + paras("Text of the second section, and an end."),
    ),
    (
        "the-night-ferry",
        "The night ferry",
        "juergen",
        "2024-02-14 21:00",
        ["Travel"],
        ["ferries"],
        paras(
            "The night ferry crosses in six hours; the bar closes at midnight.",
            "Everyone asks about the cabins. The comments below are where they asked.",
        ),
    ),
    (
        "gulls-and-other-neighbours",
        "Gulls and other neighbours",
        "tanaka",
        "2024-02-20 08:00",
        ["Nature"],
        ["birds"],
        paras("Gulls steal chips. Cormorants dry their wings on the mooring posts."),
    ),
    (
        "a-map-of-the-quays",
        "A map of the quays",
        "anna",
        "2024-03-01 11:30",
        ["Notes"],
        ["maps"],
        paras(
            'Quay one holds the fish market; <a href="https://example.org/quays">the city\'s '
            "map</a> shows the rest.",
            "Quay four is closed for repairs until spring.",
        ),
    ),
    (
        "winter-storms",
        "Winter storms",
        "zoe",
        "2024-03-08 17:45",
        ["Science", "News"],
        ["storms", "tides"],
        paras("Three storms in one month: the breakwater held, the lighthouse lost a window."),
    ),
)
# Never on the site: a draft and a post scheduled a month from now.
UNPUBLISHED = (
    ("a-draft-nobody-sees", "A draft nobody sees", CONTENT_STATUS_DRAFT, None),
    ("a-scheduled-post", "A scheduled post", CONTENT_STATUS_PUBLISHED, 30),
)
EDITED = "the-harbour-master-corrects-himself"
CORRECTION = "<p>Correction added after publication: the ferry leaves at eight.</p>"
BUSY = "the-night-ferry"  # the post with many comments and the deep thread
NAMES = (
    "Ingrid Ødegård",
    "Łukasz Wróbel",
    "Chloé Lefèvre",
    "Søren Kierkegaard",
    "佐藤 花子",
    "José Núñez",
    "Mikko Häkkinen",
    "Ana Ćosić",
)


def when(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=PARIS)


def comment(
    post: BlogPost,
    name: str,
    text: str,
    at: datetime,
    parent: ThreadedComment | None,
    **extra: object,
) -> ThreadedComment:
    c = ThreadedComment(
        content_object=post,
        user_name=name,
        user_email="",
        comment=text,
        submit_date=at,
        replied_to=parent,
        **extra,
    )
    c.save()
    return c


def add_comments(posts: dict[str, BlogPost]) -> None:
    busy = posts[BUSY]
    start = busy.publish_date + timedelta(hours=2)
    # a thread six deep: each answers the one before
    parent = None
    for depth in range(6):
        parent = comment(
            busy,
            NAMES[depth % len(NAMES)],
            f"Depth {depth} of the long thread: is the cabin {depth + 1} quiet?",
            start + timedelta(minutes=10 * depth),
            parent,
        )
    # many top-level comments, some with a reply, one with a link, one by the post's author
    for i in range(30):
        top = comment(
            busy,
            NAMES[(i + 3) % len(NAMES)],
            f"Comment number {i + 1} about the ferry: the crossing was "
            f"{'calm' if i % 2 else 'rough'} on trip {i + 1}.",
            start + timedelta(hours=3, minutes=7 * i),
            None,
        )
        if i % 5 == 0:
            comment(
                busy,
                "Jürgen Groß",
                f"Thanks for telling us about trip {i + 1}.",
                top.submit_date + timedelta(minutes=30),
                top,
                by_author=True,
            )
    comment(
        busy,
        "Chloé Lefèvre",
        "The timetable is at https://example.org/ferry/timetable and it changed in March.",
        start + timedelta(days=2),
        None,
        user_url="https://example.org/chloe",
    )
    # what a visitor sees only as a placeholder: a removed and an unapproved comment
    removed = comment(
        busy,
        "Spam Sender",
        "This removed comment must never appear.",
        start + timedelta(days=3),
        None,
    )
    removed.is_removed = True
    removed.save()
    held = comment(
        busy,
        "Held Back",
        "This unapproved comment must never appear.",
        start + timedelta(days=3, hours=1),
        None,
    )
    held.is_public = False
    held.save()
    # replies to both, written before the moderator came: Mezzanine still shows them,
    # nested under the placeholders
    comment(
        busy,
        "Mikko Häkkinen",
        "A reply to the comment that was removed later.",
        removed.submit_date + timedelta(hours=2),
        removed,
    )
    comment(
        busy,
        "Ana Ćosić",
        "A reply to the comment still held for approval.",
        held.submit_date + timedelta(hours=2),
        held,
    )
    quotes = posts["a-post-that-quotes"]
    first = comment(
        quotes,
        "Ingrid Ødegård",
        "Verne again! Which edition do you read?",
        quotes.publish_date + timedelta(hours=5),
        None,
    )
    comment(
        quotes,
        "Zoë Ångström",
        "The old one with the engravings.",
        first.submit_date + timedelta(hours=1),
        first,
        by_author=True,
    )
    comment(
        posts["tokyo-at-night"],
        "佐藤 花子",
        "夜の東京は本当に静かですね。",
        posts["tokyo-at-night"].publish_date + timedelta(days=1),
        None,
    )


def main() -> None:
    base, truth_path = sys.argv[1], sys.argv[2]
    Site.objects.filter(id=1).update(domain=base.split("://", 1)[1], name=SITE_TITLE)
    Setting.objects.update_or_create(name="SITE_TITLE", site_id=1, defaults={"value": SITE_TITLE})
    users = {}
    for username, (first, last) in AUTHORS.items():
        users[username] = get_user_model().objects.create_user(
            username, f"{username}@example.org", "harbour-2024", first_name=first, last_name=last
        )
    categories: dict[str, BlogCategory] = {}
    posts: dict[str, BlogPost] = {}
    for slug, title, author, date, cats, keywords, html in POSTS:
        post = BlogPost.objects.create(
            title=title,
            slug=slug,
            user=users[author],
            content=html,
            publish_date=when(date),
            status=CONTENT_STATUS_PUBLISHED,
        )
        for name in cats:
            if name not in categories:
                categories[name] = BlogCategory.objects.create(title=name)
            post.categories.add(categories[name])
        for word in keywords:
            keyword, _ = Keyword.objects.get_or_create(title=word)
            post.keywords.add(AssignedKeyword(keyword=keyword), bulk=False)
        posts[slug] = post
    for slug, title, status, days in UNPUBLISHED:
        BlogPost.objects.create(
            title=title,
            slug=slug,
            user=users["anna"],
            status=status,
            content=paras("This post must never appear in an archive."),
            publish_date=timezone.now() + timedelta(days=days) if days else None,
        )
    edited = posts[EDITED]
    edited.content += CORRECTION
    edited.save()
    RichTextPage.objects.create(
        title="About the harbour",
        slug="about",
        content=paras("This is a page, not a post: who writes here and why."),
    )
    add_comments(posts)
    with open(truth_path, "w", encoding="utf-8") as fh:
        json.dump(truth(base), fh, ensure_ascii=False, indent=1)


def truth(base: str) -> dict[str, object]:
    """What Mezzanine holds and shows, read back through its models."""
    out = []
    for post in BlogPost.objects.published().order_by("publish_date"):
        shown = ThreadedComment.objects.visible().filter(
            object_pk=str(post.pk), content_type__model="blogpost"
        )
        out.append(
            {
                "slug": post.slug,
                "url": base + post.get_absolute_url(),
                "title": post.title,
                "author": post.user.get_full_name() or post.user.username,
                "published": post.publish_date.isoformat(),
                "modified": post.updated.isoformat(),
                "categories": sorted(c.title for c in post.categories.all()),
                "keywords": sorted(k.keyword.title for k in post.keywords.all()),
                "html": post.content,
                "comments_number": post.comments_count,
                "comments": [
                    {
                        "id": str(c.id),
                        "url": base + c.get_absolute_url(),
                        "author": c.user_name,
                        "author_url": c.user_url or None,
                        "published": c.submit_date.isoformat(),
                        "text": c.comment,
                        "html": str(comment_filter(c.comment)),
                        "parent_id": str(c.replied_to_id) if c.replied_to_id else None,
                        "is_public": c.is_public,
                        "is_removed": c.is_removed,
                        "is_post_author": c.by_author,
                    }
                    for c in shown.order_by("submit_date")
                ],
            }
        )
    # the "Blog" page createdb makes is the blog list itself, not a page of text
    pages = [
        base + p.get_absolute_url() for p in RichTextPage.objects.published().exclude(slug="blog")
    ]
    return {"site": {"name": SITE_TITLE}, "language": "en", "posts": out, "pages": pages}


if __name__ == "__main__":
    main()
