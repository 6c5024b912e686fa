"""What the archive knows before a re-capture round (the read side of ``archive.recapture``).

``KnownState`` is read from the catalog once per round: the jobs to repeat (posts, comment
pages, discovery sources), each URL's validators (``ETag``, ``Last-Modified``, from the
newest capture, 304 revisits included, so a 304's headers update them) and its newest
stored response (the payload a revisit refers to). ``KnownState.resume`` adds what an
interrupted run of the same round already stored. ``archive.recapture._io`` acts on it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from scraper._protocols import Job, JobKind, URLState

from ..catalog import (
    CaptureRow,
    Db,
    newest_captures,
    published_days,
    round_carried_pages,
    round_parsed_pages,
    round_records,
    round_seeds_settings,
    round_urls,
    url_rows,
)

__all__ = ["RECAPTURED_KINDS", "EarlierRuns", "KnownState", "Validators", "earlier_runs"]

#: Kinds of URL a round asks again: the posts, their comment pages and the discovery sources.
RECAPTURED_KINDS = (
    JobKind.POST,
    JobKind.COMMENTS,
    JobKind.LISTING,
    JobKind.FEED,
    JobKind.SITEMAP,
    JobKind.API,
)


@dataclass(frozen=True, slots=True)
class Validators:
    etag: str | None
    last_modified: str | None

    def headers(self) -> dict[str, str]:
        """Conditional request headers; both are sent, the server lets If-None-Match win."""
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(slots=True)
class KnownState:
    """What the archive knows before a round: jobs to repeat, validators, stored payloads."""

    jobs: list[Job]
    known: set[str]  # every URL the archive has seen (dedup for discovery)
    validators: dict[str, Validators]
    responses: dict[str, CaptureRow]  # newest stored response per URL
    seeds: list[str]
    # URLs of ``jobs`` whose ``urls`` row is not finished (queued or claimed): new URLs an
    # interrupted round found, or URLs recovery queued again because their record was lost.
    # The round completes their rows (``RecaptureFrontier``).
    unfinished: set[str] = field(default_factory=set)
    # Filled by ``resume`` when this round was interrupted before: what it already holds.
    done: set[str] = field(default_factory=set)  # URLs with a record in this round
    round_posts: set[str] = field(default_factory=set)  # posts with a parse in this round
    # Unfinished rows the dead run re-captured but did not live to finish: their final state.
    settled: dict[str, URLState] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: Db, *, cutoff: str | None) -> KnownState:
        """Read the catalog; ``cutoff`` (YYYY-MM-DD) leaves out posts published before it."""
        old = _old_posts(conn, cutoff) if cutoff else set()
        jobs, known, unfinished = [], set(), set()
        rows = url_rows(conn)
        kinds = {k.value for k in RECAPTURED_KINDS}
        for url, kind, depth, post_url, state in rows:
            known.add(url)
            if kind not in kinds or state not in ("parsed", "fetched", "queued", "claimed"):
                continue
            owner = post_url or (url if kind == JobKind.POST.value else None)
            if owner is not None and owner in old:
                continue
            jobs.append(Job(url, JobKind(kind), depth, post_url))
            if state in ("queued", "claimed"):
                unfinished.add(url)
        validators: dict[str, Validators] = {}
        responses: dict[str, CaptureRow] = {}
        # A record lost from its WARC (``archive._recovery``) can be no revisit's original,
        # nor give validators: that URL is fetched whole again (``newest_captures``).
        for row in newest_captures(conn, responses_only=False):
            validators[row.url] = Validators(row.etag, row.last_modified)
        for row in newest_captures(conn, responses_only=True):
            responses[row.url] = row
            v = validators.get(row.url)
            if v is not None and not (v.etag or v.last_modified):
                validators[row.url] = Validators(row.etag, row.last_modified)
        return cls(jobs, known, validators, responses, _seeds(conn), unfinished)

    def resume(self, conn: Db, crawl_id: int) -> int:
        """Continue round ``crawl_id`` where an interrupted run (kill -9, SIGTERM, a full
        disk) left it, as a crawl resumes: a URL it already re-captured is not asked for
        again, so it never gets a second record in the round. Returns how many are skipped.

        One exception: a URL whose new *response* the dead run stored but never parsed --
        a discovery source (the new URLs it linked to lived only in that run's memory) or a
        page killed before its parse was written -- is asked again; the sink recognises the
        same bytes (``RecaptureSink``) and writes nothing twice.
        """
        rows = round_urls(conn, crawl_id)
        if not rows:
            return 0
        unread = {url for url, unparsed in rows if unparsed}
        for url in unread:  # asked without conditions: a 304 would bring no body to read
            self.validators.pop(url, None)
        self.done = {url for url, _ in rows}
        self.known |= self.done  # new posts the dead run captured are not new any more
        kept = [j for j in self.jobs if j.url not in self.done or j.url in unread]
        skipped = len(self.jobs) - len(kept)
        parsed = round_parsed_pages(conn, crawl_id)
        self.round_posts = {str(post) for _, post in parsed}
        pages = {str(page) for page, _ in parsed}
        self.settled = {
            j.url: URLState.PARSED if j.url in pages else URLState.FETCHED
            for j in self.jobs
            if j.url in self.unfinished and j.url in self.done and j.url not in unread
        }
        self.jobs = kept
        return skipped


@dataclass(frozen=True, slots=True)
class EarlierRuns:
    """What interrupted runs of a round stored, read back from the catalog, so the summary
    of the run that completes the round counts the whole round (``earlier_runs``)."""

    records: int = 0  # responses and revisits stored
    not_modified: int = 0
    identical: int = 0
    changed: int = 0
    new: int = 0
    other: int = 0
    carried_pages: int = 0  # parses ``carry_over`` linked to the round's revisits
    warc_bytes: int = 0  # their records' bytes (request records included)


def earlier_runs(conn: Db, crawl_id: int) -> EarlierRuns:
    """The records round ``crawl_id`` holds already, counted as ``RecaptureSink`` counted
    them: a revisit of a 304 or of an identical payload; a response to a URL without an
    earlier stored response is new, a 200 is a change, anything else other. Zero for a
    round that starts now. (Pages whose record did not change -- ``same_parse`` -- have no
    parse, so the resumed run asks for them again and counts them itself.)"""
    rows = round_records(conn, crawl_id)
    if not rows:
        return EarlierRuns()
    counts = dict.fromkeys(("not_modified", "identical", "changed", "new", "other"), 0)
    size = 0
    for record_type, status, length, had_response in rows:
        size += int(length)
        if record_type == "revisit":
            counts["not_modified" if status == 304 else "identical"] += 1
        elif not had_response:
            counts["new"] += 1
        else:
            counts["changed" if status == 200 else "other"] += 1
    # a parse the round wrote cites a response; one ``carry_over`` linked cites a revisit
    carried = round_carried_pages(conn, crawl_id)
    return EarlierRuns(records=len(rows), carried_pages=int(carried), warc_bytes=size, **counts)


def _old_posts(conn: Db, cutoff: str) -> set[str]:
    """Posts whose (newest) parse says they were published before ``cutoff``."""
    rows = published_days(conn)
    return {url for url, day in rows if day is not None and day < cutoff}


def _seeds(conn: Db) -> list[str]:
    """The seeds of the archive's crawl rounds: they define the crawl's scope."""
    seeds: dict[str, None] = {}
    for settings in round_seeds_settings(conn):
        try:
            for s in json.loads(settings).get("seeds") or ():
                seeds[str(s)] = None
        except (ValueError, AttributeError):
            continue
    return list(seeds)
