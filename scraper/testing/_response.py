"""One HTTP response as the generated site serves it: what ``render`` and the fault paths
hand the server to write."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Response"]


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
