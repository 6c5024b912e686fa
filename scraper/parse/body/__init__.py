"""The post's own content: where it is, what is left once boilerplate goes, what it holds
(links, images, quotes, the "Read more" link)."""

from ._body import extract_body

__all__ = ["extract_body"]
