"""A deterministic WordPress-like blog, generated from a seed, for tests, benchmarks and the demo.

The site is a model (posts, threaded comments, categories) plus a router that renders any
path on demand, so a 2,000-post benchmark site costs no memory until a page is asked for.
Nothing here does I/O: ``scraper.testing._server`` puts the site on a socket. The ground
truth (``Site.posts``) is what crawl tests compare the archive with.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

__all__ = ["Site", "SiteComment", "SitePost", "SiteSpec", "gen_site"]

_WORDS = (
    "archive blog comment policy minister election market village river journal winter "
    "summit report budget school harbour festival museum railway council protest treaty "
    "satellite harvest border crisis reform editor witness court café naïve déjà señor"
).split()
_NAMES = "Alice Bob Chidi Dana Émile Farah Goran Hana Ivo Jun Kofi Lena Mehdi Nora".split()
_CATEGORIES = ("politics", "world", "culture", "science", "sports")


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteSpec:
    """How to generate a site; equal specs give byte-identical sites."""

    n_posts: int = 200
    seed: int = 1
    posts_per_page: int = 10  # home and category listings
    threads_per_comment_page: int = (
        4  # top-level comments per comment page (WordPress counts these)
    )
    max_comments: int = 24  # per post; depth up to max_depth
    max_depth: int = 3  # 0-based: 4 levels of nesting
    sitemap_max_urls: int = 100  # per sub-sitemap (WordPress: 2,000)
    gzip_sitemaps: bool = False  # list sub-sitemaps as .xml.gz files
    wp_json: bool = True  # expose /wp-json/wp/v2/posts and comments
    feed_items: int = 10
    filler_bytes: int = 0  # extra sidebar text per HTML page (benchmarks: ~40 KB pages)
    assets: bool = False  # a stylesheet and a logo on every page, an image in each post
    disallow: tuple[str, ...] = ("/private/",)  # robots.txt Disallow lines
    private_pages: int = 2  # pages under the first Disallow path, linked from the home page
    newest_comments_first: bool = True  # WordPress default: plain URL shows the last page
    start: datetime = datetime(2019, 1, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class SiteComment:
    id: int
    parent: int  # 0 for a top-level comment
    depth: int
    author: str
    text: str
    published: datetime


@dataclass(frozen=True, slots=True)
class SitePost:
    id: int
    slug: str
    path: str  # /YYYY/MM/DD/slug/
    title: str
    author: str
    category: str
    published: datetime
    paragraphs: tuple[str, ...]
    comments: tuple[SiteComment, ...]  # thread order
    threads: tuple[tuple[SiteComment, ...], ...] = field(default=())  # top-level + subtree


@dataclass(slots=True)
class Site:
    """The generated blog: posts newest first, plus the spec that made it."""

    spec: SiteSpec
    posts: list[SitePost]
    by_path: dict[str, SitePost] = field(default_factory=dict)
    by_id: dict[int, SitePost] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_path = {p.path: p for p in self.posts}
        self.by_id = {p.id: p for p in self.posts}

    def comment_page_count(self, post: SitePost) -> int:
        """Comment pages of a post (1 when all fit on the post page, 0 without comments)."""
        per = self.spec.threads_per_comment_page
        return (len(post.threads) + per - 1) // per

    def comment_page(self, post: SitePost, n: int) -> list[SiteComment]:
        """Comments (thread order) on page ``n`` (1 = oldest)."""
        per = self.spec.threads_per_comment_page
        out: list[SiteComment] = []
        for thread in post.threads[(n - 1) * per : n * per]:
            out.extend(thread)
        return out

    def default_comment_page(self, post: SitePost) -> int:
        """The page the plain post URL shows: the newest one by WordPress default."""
        count = self.comment_page_count(post)
        return count if self.spec.newest_comments_first else min(count, 1)

    def pages_for(self, posts: list[SitePost]) -> int:
        return max(1, (len(posts) + self.spec.posts_per_page - 1) // self.spec.posts_per_page)

    def in_category(self, slug: str) -> list[SitePost]:
        return [p for p in self.posts if p.category == slug]

    def private_paths(self) -> list[str]:
        """Pages under the first Disallow prefix: linked, but a polite crawler never asks."""
        if not self.spec.disallow:
            return []
        prefix = self.spec.disallow[0].rstrip("/")
        return [f"{prefix}/page-{i}/" for i in range(1, self.spec.private_pages + 1)]


def author_slug(name: str) -> str:
    """The ASCII slug WordPress would give an author name (``Émile`` -> ``emile``)."""
    import unicodedata

    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _comments(
    rng: random.Random, spec: SiteSpec, first_id: int, after: datetime
) -> list[SiteComment]:
    out: list[SiteComment] = []
    n = rng.randint(0, spec.max_comments)
    for i in range(n):
        candidates = [c for c in out if c.depth < spec.max_depth]
        parent = rng.choice(candidates) if candidates and rng.random() < 0.45 else None
        out.append(
            SiteComment(
                id=first_id + i,
                parent=parent.id if parent else 0,
                depth=parent.depth + 1 if parent else 0,
                author=rng.choice(_NAMES),
                text=_sentence(rng, rng.randint(5, 20)),
                published=after + timedelta(hours=i + 1),
            )
        )
    return out


def _threads(comments: list[SiteComment]) -> tuple[tuple[SiteComment, ...], ...]:
    """Group comments into top-level threads, each in depth-first thread order."""
    children: dict[int, list[SiteComment]] = {}
    for c in comments:
        children.setdefault(c.parent, []).append(c)

    def walk(c: SiteComment) -> list[SiteComment]:
        out = [c]
        for child in children.get(c.id, []):
            out.extend(walk(child))
        return out

    return tuple(tuple(walk(top)) for top in children.get(0, []))


def gen_site(n_posts: int = 200, *, spec: SiteSpec | None = None, seed: int | None = None) -> Site:
    """Generate a blog of ``n_posts`` posts (newest first) deterministically.

    >>> site = gen_site(20, seed=3)
    >>> site.posts[0].path.startswith("/20")
    True
    """
    spec = spec or SiteSpec()
    if n_posts != spec.n_posts or (seed is not None and seed != spec.seed):
        from dataclasses import replace

        spec = replace(spec, n_posts=n_posts, seed=spec.seed if seed is None else seed)
    rng = random.Random(spec.seed)
    posts: list[SitePost] = []
    next_comment = 1
    for i in range(spec.n_posts):
        when = spec.start + timedelta(days=2 * i, minutes=rng.randint(0, 600))
        title = _sentence(rng, rng.randint(3, 8)).rstrip(".")
        slug = f"post-{i + 1}-" + "-".join(title.lower().split()[:3])
        slug = "".join(ch for ch in slug if ch.isascii() and (ch.isalnum() or ch == "-"))
        comments = _comments(rng, spec, next_comment, when)
        next_comment += len(comments)
        threads = _threads(comments)
        posts.append(
            SitePost(
                id=i + 1,
                slug=slug,
                path=f"/{when:%Y/%m/%d}/{slug}/",
                title=title,
                author=rng.choice(_NAMES),
                category=rng.choice(_CATEGORIES),
                published=when,
                paragraphs=tuple(_sentence(rng, rng.randint(12, 40)) for _ in range(3)),
                comments=tuple(c for t in threads for c in t),
                threads=threads,
            )
        )
    posts.reverse()
    return Site(spec=spec, posts=posts)
