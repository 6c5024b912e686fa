"""A generated WordPress-like blog and a local HTTP server with fault injection.

Used by the test suite, the benchmarks and ``blog-archiver demo``; stdlib only.

>>> from scraper.testing import Fault, FaultKind, SiteServer, gen_site
>>> site = gen_site(200, seed=1)
>>> faults = {"/feed/": Fault(kind=FaultKind.RETRY_AFTER_SECONDS, status=503, seconds=3, times=1)}
>>> with SiteServer(site, faults=faults) as server:  # doctest: +SKIP
...     ...  # crawl server.url + "/"; server.requests is the request log
"""

from ._assets import asset_paths
from ._faults import BILLION_LAUGHS, Fault, FaultKind
from ._render import Response, render
from ._server import LoggedRequest, SiteServer
from ._site import Site, SiteComment, SitePost, SiteSpec, gen_site

__all__ = [
    "BILLION_LAUGHS",
    "Fault",
    "FaultKind",
    "LoggedRequest",
    "Response",
    "Site",
    "SiteComment",
    "SitePost",
    "SiteServer",
    "SiteSpec",
    "asset_paths",
    "gen_site",
    "render",
]
