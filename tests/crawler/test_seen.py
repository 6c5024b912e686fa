"""``SeenSet``: the crawl's compact record of URLs already found in this run."""

from __future__ import annotations

from scraper.crawler._seen import SeenSet


def test_add_says_whether_a_url_is_new() -> None:
    seen = SeenSet()
    assert seen.add("http://h/a/")
    assert not seen.add("http://h/a/")
    assert seen.add("http://h/b/")
    assert len(seen) == 2
    assert "http://h/a/" in seen
    assert "http://h/c/" not in seen


def test_it_grows_and_keeps_every_url() -> None:
    seen = SeenSet()
    urls = [f"http://h/2024/01/01/post-{i}/" for i in range(12_000)]  # past two growths
    assert all(seen.add(u) for u in urls)
    assert len(seen) == 12_000
    assert not any(seen.add(u) for u in urls)
    assert all(u in seen for u in urls)
    assert sum(f"http://h/other-{i}/" in seen for i in range(12_000)) == 0
