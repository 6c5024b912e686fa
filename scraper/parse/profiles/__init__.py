"""The platform profiles, tried in order; ``generic`` matches every page.

Adding a platform is one small file here plus one line in ``_PROFILES``. Order matters:
the block-theme test runs before classic WordPress (a block theme is WordPress too), and
the specific hosted engines before the broad ones whose witnesses (a ``wp.com`` asset, a
Drupal path) can be borrowed by other sites.
"""

from __future__ import annotations

from ..page import Page
from ..profile import Profile
from .blogger import BLOGGER
from .drupal import DRUPAL
from .generic import GENERIC
from .hosted import GHOST, MEDIUM, SUBSTACK, TUMBLR
from .typepad import TYPEPAD
from .wordpress import WORDPRESS
from .wordpress_blocks import WORDPRESS_BLOCKS

__all__ = ["PROFILES", "detect_profile"]

_PROFILES: tuple[Profile, ...] = (
    GHOST,
    SUBSTACK,
    MEDIUM,
    BLOGGER,
    TYPEPAD,
    WORDPRESS_BLOCKS,
    WORDPRESS,
    DRUPAL,
    TUMBLR,
)

PROFILES: tuple[Profile, ...] = (*_PROFILES, GENERIC)


def detect_profile(page: Page) -> Profile:
    for profile in PROFILES:
        if profile.detect(page):
            return profile
    return GENERIC
