"""blog-archiver's capture and parse side: bytes in, ``Post`` records out.

>>> from scraper import parse_page
>>> post = parse_page(b"<html>...</html>", url="https://blog.example/post/")  # doctest: +SKIP
>>> post.to_dict()["title"]  # doctest: +SKIP

>>> from scraper import crawl, CrawlConfig  # the crawler: frontier -> fetch -> sink
"""

from ._version import __version__
from .config import CrawlConfig
from .crawler import CrawlEvent, CrawlStats, crawl
from .errors import (
    DisallowedError,
    FetchError,
    HTTPStatusError,
    ParseError,
    ScraperError,
    TooLargeError,
    TransientFetchError,
    UnsupportedContentError,
)
from .parse import merge_comment_pages, parse_capture, parse_page
from .protocols import CaptureSink, Frontier, Job, JobKind, URLState
from .records import (
    SCHEMA_VERSION,
    Body,
    Capture,
    Comment,
    Extractor,
    Image,
    Link,
    Person,
    Post,
    Quote,
    QuoteKind,
    Site,
    Source,
    WarcRef,
)

__all__ = [
    "SCHEMA_VERSION",
    "Body",
    "Capture",
    "CaptureSink",
    "Comment",
    "CrawlConfig",
    "CrawlEvent",
    "CrawlStats",
    "DisallowedError",
    "Extractor",
    "FetchError",
    "Frontier",
    "HTTPStatusError",
    "Image",
    "Job",
    "JobKind",
    "Link",
    "ParseError",
    "Person",
    "Post",
    "Quote",
    "QuoteKind",
    "ScraperError",
    "Site",
    "Source",
    "TooLargeError",
    "TransientFetchError",
    "URLState",
    "UnsupportedContentError",
    "WarcRef",
    "__version__",
    "crawl",
    "merge_comment_pages",
    "parse_capture",
    "parse_page",
]
