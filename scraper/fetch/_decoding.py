"""Undo ``Content-Encoding`` (gzip, deflate, br) incrementally, with a cap on the output.

The cap is on the *decompressed* size: a 50 KB gzip that inflates to gigabytes (a "gzip
bomb") is stopped at ``limit`` bytes without ever holding more than that in memory.
"""

from __future__ import annotations

import zlib
from typing import Protocol

__all__ = [
    "SUPPORTED_ENCODINGS",
    "DecodeError",
    "Decoder",
    "Overflow",
    "gunzip_capped",
    "make_decoder",
]

try:  # brotli is optional: without it "br" is not advertised in Accept-Encoding
    import brotli  # type: ignore[import-not-found, import-untyped, unused-ignore]
except ImportError:  # pragma: no cover - depends on the environment
    brotli = None

SUPPORTED_ENCODINGS: tuple[str, ...] = ("gzip", "deflate") + (("br",) if brotli else ())


class DecodeError(Exception):
    """The payload is not valid for its declared encoding."""


class Overflow(Exception):
    """The decoded payload went past the cap."""


class Decoder(Protocol):
    def feed(self, data: bytes) -> bytes: ...
    def flush(self) -> bytes: ...


class _Identity:
    def feed(self, data: bytes) -> bytes:
        return data

    def flush(self) -> bytes:
        return b""


class _Zlib:
    """gzip (wbits 16+) or deflate; deflate falls back to raw when the zlib header is missing."""

    def __init__(self, wbits: int, limit: int) -> None:
        self._wbits = wbits
        self._obj = zlib.decompressobj(wbits)
        self._limit = limit
        self._out = 0
        self._first = True

    def feed(self, data: bytes) -> bytes:
        try:
            out = self._bounded(data)
        except zlib.error as exc:
            if self._first and self._wbits == zlib.MAX_WBITS:
                self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
                self._wbits = -zlib.MAX_WBITS
                out = self._bounded(data)
            else:
                raise DecodeError(str(exc)) from exc
        self._first = False
        return out

    def _bounded(self, data: bytes) -> bytes:
        chunks = []
        while data:
            room = self._limit - self._out + 1
            piece = self._obj.decompress(data, room)
            self._out += len(piece)
            chunks.append(piece)
            if self._out > self._limit:
                raise Overflow
            data = self._obj.unconsumed_tail
            if self._obj.eof and self._obj.unused_data and self._wbits > zlib.MAX_WBITS:
                data = self._obj.unused_data  # concatenated gzip members
                self._obj = zlib.decompressobj(self._wbits)
        return b"".join(chunks)

    def flush(self) -> bytes:
        try:
            out = self._obj.flush()
        except zlib.error as exc:
            raise DecodeError(str(exc)) from exc
        self._out += len(out)
        if self._out > self._limit:
            raise Overflow
        return out


class _Brotli:
    def __init__(self, limit: int) -> None:
        self._obj = brotli.Decompressor()
        self._limit = limit
        self._out = 0

    def feed(self, data: bytes) -> bytes:
        try:  # brotli has no output bound per call: check after each chunk (chunks are small)
            out: bytes = self._obj.process(data)
        except brotli.error as exc:
            raise DecodeError(str(exc)) from exc
        self._out += len(out)
        if self._out > self._limit:
            raise Overflow
        return out

    def flush(self) -> bytes:
        return b""


class _Chain:
    """Several encodings, applied in the order listed, so undone in reverse."""

    def __init__(self, decoders: list[Decoder]) -> None:
        self._decoders = decoders

    def feed(self, data: bytes) -> bytes:
        for d in self._decoders:
            data = d.feed(data)
        return data

    def flush(self) -> bytes:
        data = b""
        for d in self._decoders:
            data = d.feed(data) + d.flush() if data else d.flush()
        return data


def make_decoder(content_encoding: str | None, limit: int) -> Decoder:
    """A decoder for a ``Content-Encoding`` header value; raises ``DecodeError`` if unknown."""
    names = [n.strip().lower() for n in (content_encoding or "").split(",") if n.strip()]
    decoders: list[Decoder] = []
    for name in reversed(names):
        if name in ("gzip", "x-gzip"):
            decoders.append(_Zlib(16 + zlib.MAX_WBITS, limit))
        elif name == "deflate":
            decoders.append(_Zlib(zlib.MAX_WBITS, limit))
        elif name == "br" and brotli is not None:
            decoders.append(_Brotli(limit))
        elif name != "identity":
            raise DecodeError(f"unsupported Content-Encoding {name!r}")
    if not decoders:
        return _Identity()
    return decoders[0] if len(decoders) == 1 else _Chain(decoders)


def gunzip_capped(data: bytes, limit: int) -> bytes:
    """Decompress a gzip *file* (``sitemap.xml.gz``) up to ``limit`` bytes; ``Overflow`` past it."""
    d = make_decoder("gzip", limit)
    return d.feed(data) + d.flush()
