"""One URL to ``Capture`` records: caps, timeouts, retries, redirects, address checks,
``Content-Encoding`` undone under a cap, and robots.txt rules."""

from ._fetch import Fetcher
from ._robots import RobotsRules, RobotsStatus

__all__ = ["Fetcher", "RobotsRules", "RobotsStatus"]
