"""The fallback profile: no engine-specific selectors, heuristics do the work."""

from __future__ import annotations

from ._profile import Profile

GENERIC = Profile(name="generic", detect=lambda page: True)
