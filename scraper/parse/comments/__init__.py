"""The comment thread: every comment in thread order with its parent and depth, the count the
page declares, and the links to its other comment pages."""

from ._comments import extract_comments
from ._links import comment_page_links

__all__ = ["comment_page_links", "extract_comments"]
