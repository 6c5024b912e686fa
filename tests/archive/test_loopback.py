import dataclasses

import httpx

from archive._loopback import ConditionalServer
from scraper.testing import gen_site


def test_etag_wins_and_304_carries_validators() -> None:
    site = gen_site(3)
    path = site.posts[0].path
    with ConditionalServer(site) as server, httpx.Client(base_url=server.url) as c:
        first = c.get(path)
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        again = c.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304
        assert again.headers["etag"] == etag
        assert again.content == b""
        by_date = c.get(path, headers={"If-Modified-Since": modified})
        assert by_date.status_code == 304
        # A stale ETag with a current date: If-None-Match wins, so the page is sent.
        both = c.get(path, headers={"If-None-Match": '"old"', "If-Modified-Since": modified})
        assert both.status_code == 200
        server.site = dataclasses.replace(
            site, posts=[dataclasses.replace(site.posts[0], title="Changed"), *site.posts[1:]]
        )
        changed = c.get(path, headers={"If-None-Match": etag})
        assert changed.status_code == 200
        assert changed.headers["etag"] != etag
    assert [r.status for r in server.requests] == [200, 304, 304, 200, 200]


def test_without_validators_no_304() -> None:
    site = gen_site(2)
    with ConditionalServer(site, validators=False) as server, httpx.Client() as c:
        r = c.get(server.url + site.posts[0].path, headers={"If-None-Match": "*"})
        assert r.status_code == 200
        assert "etag" not in r.headers
