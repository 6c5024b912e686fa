"""The comment thread: every comment, in thread order, with its parent and depth."""

from __future__ import annotations

from .page import Page
from .profile import Profile
from .results import Metadata, ThreadResult

__all__ = ["extract_comments"]


def extract_comments(page: Page, profile: Profile, meta: Metadata) -> ThreadResult:
    return ThreadResult()
