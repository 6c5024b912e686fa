"""Parsing: bytes or text in, a ``Post`` out. Pure: no network, clock or files.

Layers, most trustworthy first: structured data (JSON-LD, Open Graph, microformats,
``<time datetime>``, ``rel=author``), then the page's platform profile (WordPress,
Blogger ...), then generic heuristics for markup never seen before.

Subpackages, in the order ``parse_tree`` leans on them: ``dom`` (bytes to a tree and the
lookups every extractor shares), ``profiles`` (one small file per platform), ``metadata``,
``comments`` and ``body`` (the three extractors).
"""

from ._merge import merge_comment_pages, merge_pages
from ._parse import parse_capture, parse_page, parse_tree

__all__ = ["merge_comment_pages", "merge_pages", "parse_capture", "parse_page", "parse_tree"]
