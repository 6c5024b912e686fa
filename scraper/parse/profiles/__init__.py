"""The platform profiles, tried in order; ``generic`` matches every page.

Adding a platform is one small file here plus one line in ``_PROFILES``.
"""

from __future__ import annotations

from ..page import Page
from ..profile import Profile
from .generic import GENERIC

__all__ = ["PROFILES", "detect_profile"]

_PROFILES: tuple[Profile, ...] = ()

PROFILES: tuple[Profile, ...] = (*_PROFILES, GENERIC)


def detect_profile(page: Page) -> Profile:
    for profile in PROFILES:
        if profile.detect(page):
            return profile
    return GENERIC
