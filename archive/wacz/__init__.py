"""WACZ packages: an archive's WARCs, index and post list in one file for ReplayWeb.page."""

from ._package import WACZ_VERSION, WaczResult, write_wacz

__all__ = ["WACZ_VERSION", "WaczResult", "write_wacz"]
