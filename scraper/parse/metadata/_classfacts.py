"""What a class attribute says about an element's metadata roles, read once per distinct
class token: a site's pages share their tokens, and reading a new token with a regex
alternation per token was a fifth of the metadata stage. A batch of new tokens is read with
one ``str.find`` per word (``token_masks``); each element's facts are the union of its
tokens' masks (``FACTS``)."""

from __future__ import annotations

from typing import NamedTuple

from .._memo import Memo, holding

__all__ = [
    "ARTICLE", "FACTS", "FACT_BITS", "HINT", "PUBLISHED_CLASSES", "ROLE_BITS", "TOKEN_MASKS",
    "ClassFacts", "token_masks",
]  # fmt: skip

# a class token holding one of these words is a hint
HINT_WORDS = (
    "title", "author", "autor", "auteur", "writer", "byline", "date", "datum", "fecha",
    "publish", "updated", "modified", "fn", "card", "cat", "tag", "posted", "time", "entry",
    "type-post", "single-post", "post-single", "meta", "site-", "logo", "brand",
)  # fmt: skip

TITLE_CLASSES = frozenset(
    "entry-title post-title p-name article-title headline article__title post__title "
    "single-title story-title article-headline entry__title post-heading title-post "
    "c-article-title single-post-title td-post-title".split()
)
_AUTHOR_NAME_CLASSES = frozenset(
    "author-name post-author-name entry-author-name author__name byline__author "
    "byline-author article-author post-author entry-author author_name authorname "
    "td-post-author-name meta-author author-link autor-name c-byline__author "
    "elementor-author-box__name".split()
)
_AUTHOR_WORDS = ("author", "byline", "autor", "auteur", "writer", "posted-by", "verfasser")
_NOT_BYLINE = (
    "comment", "bio", "description", "about", "avatar", "img", "image", "photo", "box", "related",
    "listing", "teaser",  # another post's card: "fachartikel-listing__item__author"
)  # fmt: skip
_PUBLISHED_CLASSES = frozenset(
    "published dt-published entry-date post-date article-date publish-date pubdate "
    "date-published posted-on entry-time".split()  # entry-time: Genesis
)
# the update's own classes: Genesis, block themes' "Modified Date" block, Kadence and kin
PUBLISHED_CLASSES = _PUBLISHED_CLASSES
_MODIFIED_CLASSES = frozenset(
    "updated dt-updated modified date-modified entry-modified-time "
    "wp-block-post-date__modified-date updated-on last-updated modified-date "
    "updated-date date-updated post-modified".split()
)
_DATE_WORDS = ("date", "time", "meta", "byline", "posted", "publish", "datum", "fecha")
_CATEGORY_CLASSES = frozenset(
    "cat-links post-categories entry-categories category-links categories post-category".split()
)
_TAG_CLASSES = frozenset(
    "tags-links post-tags entry-tags tag-links tags tagcloud p-category".split()
)
_SITE_CLASSES = frozenset(
    "site-title site-name blog-title blogtitle site-logo-text logo-text site-branding__title "
    "navbar-brand brand".split()
)
_ARTICLE_CLASSES = frozenset("hentry h-entry type-post single-post post-single".split())


class ClassFacts(NamedTuple):
    """What an element's class attribute alone says about its roles."""

    site: bool
    title: bool
    category: bool
    tag: bool
    fn: bool  # fn or p-author
    p_name: bool
    author_name: bool
    authorish: bool
    published: bool
    modified: bool
    modified_only: bool  # a modified class and no "published" one
    date_word: bool
    article: bool  # a class naming the post's container (hentry, type-post ...)


def class_facts(class_attr: str) -> ClassFacts:
    """``_roles``' class tests: read once per distinct class token (``token_masks``)."""
    cls = set(class_attr.lower().split())
    modified = bool(cls & _MODIFIED_CLASSES)
    return ClassFacts(
        site=bool(cls & _SITE_CLASSES),
        title=bool(cls & TITLE_CLASSES),
        category=bool(cls & _CATEGORY_CLASSES),
        tag=bool(cls & _TAG_CLASSES),
        fn="fn" in cls or "p-author" in cls,
        p_name="p-name" in cls,
        author_name=bool(cls & _AUTHOR_NAME_CLASSES),
        authorish=_authorish(cls),
        published=bool(cls & _PUBLISHED_CLASSES),
        modified=modified,
        modified_only=modified and "published" not in cls,
        date_word=any(w in c for c in cls for w in _DATE_WORDS),
        article=bool(cls & _ARTICLE_CLASSES),
    )


# A token's mask: a bit per fact of ``class_facts`` (``modified_only`` is no token's:
# it is ``modified`` without the token "published"), and two more
_MODIFIED_ONLY = 1 << ClassFacts._fields.index("modified_only")
ARTICLE = 1 << ClassFacts._fields.index("article")
HINT = 1 << len(ClassFacts._fields)  # a token holding one of ``HINT_WORDS``
_PUBLISHED = HINT << 1  # the token "published"
FACT_BITS = (HINT - 1) | _PUBLISHED
ROLE_BITS = (HINT - 1) & ~ARTICLE & ~_MODIFIED_ONLY
# the facts read from whole tokens, and the words of those read from parts of one
_FACT_CLASSES = (
    TITLE_CLASSES | _AUTHOR_NAME_CLASSES | _PUBLISHED_CLASSES | _MODIFIED_CLASSES
    | _CATEGORY_CLASSES | _TAG_CLASSES | _SITE_CLASSES | _ARTICLE_CLASSES
    | {"fn", "p-author", "p-name"}
)  # fmt: skip
_FACT_WORDS = (*_AUTHOR_WORDS, *_DATE_WORDS)


def token_masks(tokens: list[str]) -> list[int]:
    """The masks of a batch of new class tokens: only those holding a word of a hint or
    a fact are read one by one (see ``holding``)."""
    lows = "\n".join(tokens).lower().split("\n")  # each ``token.lower()``, in one call
    hinted = holding(lows, HINT_WORDS)
    worded = holding(lows, _FACT_WORDS)
    return [
        (_token_mask(low) if i in worded or low in _FACT_CLASSES else 0)
        | (HINT if i in hinted else 0)
        for i, low in enumerate(lows)
    ]


def _token_mask(low: str) -> int:
    facts = class_facts(low)
    mask = sum(1 << i for i, fact in enumerate(facts) if fact) & ~_MODIFIED_ONLY
    return mask | (_PUBLISHED if low == "published" else 0)


def _facts(mask: int) -> ClassFacts:
    """The facts of a class from the union of its tokens' masks."""
    facts = ClassFacts(*(bool(mask & 1 << i) for i in range(len(ClassFacts._fields))))
    return facts._replace(modified_only=facts.modified and not mask & _PUBLISHED)


# masks per class token (a site's pages share their tokens), facts per mask
TOKEN_MASKS: Memo[str, int] = Memo(lambda token: token_masks([token])[0])
FACTS: Memo[int, ClassFacts] = Memo(_facts)


def _authorish(classes: set[str]) -> bool:
    """A class naming a byline (``Post__author``, ``entry-content__authors``, ``auteurs``),
    but not an author's biography box or a comment's author."""
    for c in classes:
        if any(w in c for w in _AUTHOR_WORDS) and not any(w in c for w in _NOT_BYLINE):
            return True
    return False
