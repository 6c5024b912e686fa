"""Test-side name for the fault-injecting server; the code lives in ``scraper.testing``."""

from scraper.testing._faults import BILLION_LAUGHS, Fault, FaultKind
from scraper.testing._server import LoggedRequest, SiteServer

__all__ = ["BILLION_LAUGHS", "Fault", "FaultKind", "LoggedRequest", "SiteServer"]
