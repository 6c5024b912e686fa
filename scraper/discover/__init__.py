"""What to fetch next: links of a fetched page by kind (posts, listings, comment pages),
sitemaps and feeds, and the WordPress REST API."""

from ._discover import Found, html_links, is_listing_page, is_listing_url, site_discovery
from ._sitemaps import parse_feed, parse_sitemap

__all__ = [
    "Found",
    "html_links",
    "is_listing_page",
    "is_listing_url",
    "parse_feed",
    "parse_sitemap",
    "site_discovery",
]
