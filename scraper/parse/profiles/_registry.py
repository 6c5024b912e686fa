"""The registry: every profile in the order ``detect_profile`` tries them."""

from __future__ import annotations

from ..dom._page import Page
from ._blogger import BLOGGER
from ._drupal import DRUPAL
from ._generic import GENERIC
from ._hosted import GHOST, MEDIUM, SUBSTACK, TUMBLR
from ._mezzanine import MEZZANINE
from ._profile import Profile
from ._typepad import TYPEPAD
from ._wordpress import WORDPRESS
from ._wordpress_blocks import WORDPRESS_BLOCKS

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
    MEZZANINE,
    TUMBLR,
)

PROFILES: tuple[Profile, ...] = (*_PROFILES, GENERIC)


def detect_profile(page: Page) -> Profile:
    for profile in PROFILES:
        if profile.detect(page):
            return profile
    return GENERIC
