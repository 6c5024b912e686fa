"""The platform profiles, tried in order; ``generic`` matches every page.

Adding a platform is one small file here plus one line in ``_registry._PROFILES``. Order matters:
the block-theme test runs before classic WordPress (a block theme is WordPress too), and
the specific hosted engines before the broad ones whose witnesses (a ``wp.com`` asset, a
Drupal path) can be borrowed by other sites.
"""

from ._registry import PROFILES, detect_profile

__all__ = ["PROFILES", "detect_profile"]
