"""The real-engine harness's own day rule, without an engine: a CI run at 23:02 UTC once
failed because Ghost's install-time post was scored against its UTC day while the theme
(and so the record) shows the site's day (Europe/Paris, already the 8th)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from engines.compare import same_date
from engines.ghost import _local


def test_the_truth_is_told_in_the_sites_zone() -> None:
    paris = _local("2026-12-07T23:02:00.000Z", ZoneInfo("Europe/Paris"))
    assert paris == "2026-12-08T00:02:00+01:00"
    assert same_date("2026-12-08", paris)  # the day the theme prints
    assert same_date("2026-12-07T23:02:00+00:00", paris)  # the same instant, as JSON-LD
    assert not same_date("2026-12-07", paris)  # the UTC day is not the day the page shows


def test_a_wall_clock_time_is_read_in_the_sites_zone() -> None:
    paris = _local("2024-02-25T10:00:00.000Z", ZoneInfo("Europe/Paris"))
    assert same_date("2024-02-25T11:00", paris)
    assert not same_date("2024-02-25T10:00", paris)
