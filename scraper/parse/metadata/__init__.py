"""Title, authors, dates, categories, tags, language, site and canonical URL of a post."""

from ._metadata import extract_metadata

__all__ = ["extract_metadata"]
