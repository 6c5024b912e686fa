"""robots.txt rules per host, with the policy for when robots.txt cannot be read.

What the status of ``/robots.txt`` means (as Google documents it, RFC 9309 §2.3.1):

* 2xx: the rules apply (protego parses them, including ``Crawl-delay`` and ``Sitemap:``).
* 4xx (404, 403, 410 ...): there are no rules; everything is allowed.
* A host that takes no connection at all (refused, DNS failure, connect timeout) is
  "unreachable": its pages fail at once with that cause, without the waits below (a site
  that is down is not "robots.txt unavailable"); a host the crawler refuses to visit
  (private address) is "refused" and its pages are skipped.
* 5xx, or a broken answer: "unavailable". The whole host is treated as
  disallowed *for a while* (``CrawlConfig.robots_retry_delay``), then robots.txt is asked
  for again, up to ``robots_retries`` times; after that the host stays disallowed for this
  run and its pages are recorded as skipped with the reason, so a later run can retry them.

``obey_robots=False`` (``--ignore-robots``) skips the rules but robots.txt is still fetched
and archived (its ``Sitemap:`` lines are still useful for discovery).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from protego import Protego

__all__ = ["RobotsRules", "RobotsStatus", "robots_url"]


class RobotsStatus(enum.StrEnum):
    RULES = "rules"  # 2xx: parsed rules apply
    ALLOW_ALL = "allow-all"  # 4xx: no robots.txt
    UNAVAILABLE = "unavailable"  # 5xx / broken answers: disallow everything for now
    UNREACHABLE = "unreachable"  # no connection at all (refused, DNS): the host's pages fail
    REFUSED = "refused"  # the crawler will not go there (private address): pages skipped


def robots_url(origin: str) -> str:
    """``https://host/robots.txt`` for an origin ``https://host``."""
    return origin.rstrip("/") + "/robots.txt"


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """The robots.txt verdict for one host: what is allowed, how slowly, which sitemaps."""

    status: RobotsStatus
    reason: str = ""
    _parser: Protego | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_response(cls, status: int, content: bytes) -> RobotsRules:
        """Rules from the final status and body of ``/robots.txt``.

        >>> rules = RobotsRules.from_response(200, b"User-agent: *\\nDisallow: /p/")
        >>> rules.allowed("http://h/p/x", "bot")
        False
        """
        if 200 <= status < 300:
            text = content.decode("utf-8", errors="replace").lstrip("\ufeff")
            return cls(RobotsStatus.RULES, "", Protego.parse(text))
        if 400 <= status < 500:
            return cls(RobotsStatus.ALLOW_ALL, f"robots.txt HTTP {status}: no rules")
        return cls.unavailable(f"HTTP {status}")

    @classmethod
    def unavailable(cls, why: str) -> RobotsRules:
        return cls(RobotsStatus.UNAVAILABLE, f"robots.txt unavailable ({why})")

    @classmethod
    def unreachable(cls, why: str) -> RobotsRules:
        return cls(RobotsStatus.UNREACHABLE, f"host unreachable: {why}")

    @classmethod
    def refused(cls, why: str) -> RobotsRules:
        return cls(RobotsStatus.REFUSED, why)

    @property
    def final(self) -> bool:
        """No page of this host is requested (unreachable or refused), whatever the rules."""
        return self.status in (RobotsStatus.UNREACHABLE, RobotsStatus.REFUSED)

    @classmethod
    def allow_all(cls, why: str = "") -> RobotsRules:
        return cls(RobotsStatus.ALLOW_ALL, why)

    def allowed(self, url: str, user_agent: str) -> bool:
        if self.status is RobotsStatus.UNAVAILABLE or self.final:
            return False
        if self._parser is None:
            return True
        return bool(self._parser.can_fetch(url, _token(user_agent)))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self._parser is None:
            return None
        delay = self._parser.crawl_delay(_token(user_agent))
        return float(delay) if delay is not None else None

    @property
    def sitemaps(self) -> list[str]:
        return list(self._parser.sitemaps) if self._parser is not None else []


def _token(user_agent: str) -> str:
    """The product token robots.txt groups match: ``blog-archiver`` of ``blog-archiver/1.0``."""
    return user_agent.split("/", 1)[0].split(" ", 1)[0] or user_agent
