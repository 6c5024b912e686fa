"""Test-side name for the site generator; the code lives in ``scraper.testing``."""

from scraper.testing._site import Site, SiteComment, SitePost, SiteSpec, gen_site

__all__ = ["Site", "SiteComment", "SitePost", "SiteSpec", "gen_site"]
