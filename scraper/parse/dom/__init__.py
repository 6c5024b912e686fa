"""The page as a tree: bytes to a safe lxml tree, the per-page index every extractor reads,
CSS selectors answered from it, and the two serializers (text and clean HTML)."""

from ._html import build_tree, decode_html
from ._page import Page

__all__ = ["Page", "build_tree", "decode_html"]
