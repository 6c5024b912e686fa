"""Title, authors, dates, categories, tags, language, site and canonical URL."""

from __future__ import annotations

from .page import Page
from .profile import Profile
from .results import Metadata

__all__ = ["extract_metadata"]


def extract_metadata(page: Page, profile: Profile) -> Metadata:
    return Metadata(url=page.url)
