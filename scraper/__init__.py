"""blog-archiver's capture and parse side: bytes in, ``Post`` records out.

>>> from scraper import parse_page
>>> post = parse_page(b"<html>...</html>", url="https://blog.example/post/")  # doctest: +SKIP
>>> post.to_dict()["title"]  # doctest: +SKIP

>>> from scraper import crawl, CrawlConfig  # the crawler: frontier -> fetch -> sink
"""

from ._config import CrawlConfig
from ._errors import (
    DisallowedError,
    FetchError,
    HTTPStatusError,
    ParseError,
    ScraperError,
    TooLargeError,
    TransientFetchError,
    UnreachableError,
    UnsupportedContentError,
)
from ._protocols import CaptureSink, Frontier, Job, JobKind, URLState
from ._records import (
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
from ._version import __version__
from .crawler._crawler import CrawlEvent, CrawlStats, crawl
from .parse._parse import merge_comment_pages, parse_capture, parse_page

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
    "UnreachableError",
    "UnsupportedContentError",
    "WarcRef",
    "__version__",
    "crawl",
    "merge_comment_pages",
    "parse_capture",
    "parse_page",
]
