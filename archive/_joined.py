"""A crawl's flags as the catalog keeps them, for the processes that join it later.

A worker (``blog-archiver worker``) or a re-capture round's helper runs with the flags its
crawl was started with, read from the catalog's settings: so they are written once, as
JSON, and read back into the same ``CrawlConfig`` here, below both the commands and the
re-capture package that use them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from scraper._config import CrawlConfig, FetchConfig

__all__ = ["config_from_settings", "config_to_args"]


def config_to_args(config: CrawlConfig) -> dict[str, Any]:
    """The crawl's flags as JSON, kept in the round's settings for the workers that join."""
    return {
        "delay": config.delay,
        "concurrency": config.concurrency,
        "per_host": config.per_host,
        "max_pages": config.max_pages,
        "since": config.since.isoformat() if config.since else None,
        "obey_robots": config.obey_robots,
        "scope": list(config.scope),
        "assets": config.fetch.assets,
        "user_agent": config.fetch.user_agent,
        "contact": config.fetch.contact,
        "allow_private": config.fetch.allow_private,
    }


def config_from_settings(args: dict[str, Any]) -> CrawlConfig:
    """The ``CrawlConfig`` a joining worker runs (``config_to_args`` read back)."""
    since = args.get("since")
    return CrawlConfig(
        delay=float(args["delay"]),
        concurrency=int(args["concurrency"]),
        per_host=int(args["per_host"]),
        max_pages=args.get("max_pages"),
        since=date.fromisoformat(since) if since else None,
        obey_robots=bool(args["obey_robots"]),
        scope=tuple(args.get("scope") or ()),
        fetch=FetchConfig(
            assets=bool(args.get("assets")),
            user_agent=str(args["user_agent"]),
            contact=args.get("contact"),
            allow_private=bool(args.get("allow_private")),
        ),
    )
