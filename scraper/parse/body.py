"""The post's own content: main-content detection, cleaning, quotes, links, read-more."""

from __future__ import annotations

from .page import Page
from .profile import Profile
from .results import BodyResult, Metadata

__all__ = ["extract_body"]


def extract_body(page: Page, profile: Profile, meta: Metadata) -> BodyResult:
    return BodyResult()
