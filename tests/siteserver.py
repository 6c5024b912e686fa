"""Test-side name for the fault-injecting server; the code lives in ``scraper.testing``."""

from scraper.testing.faults import BILLION_LAUGHS, Fault, FaultKind
from scraper.testing.server import LoggedRequest, SiteServer

__all__ = ["BILLION_LAUGHS", "Fault", "FaultKind", "LoggedRequest", "SiteServer"]
