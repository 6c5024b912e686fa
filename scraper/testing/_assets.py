"""The theme's stylesheet, a logo and one image per post, for sites made with ``assets=True``.

Replay has to bring a page back with what it loads, so the replay tests need a blog that
loads something: a stylesheet in every ``<head>``, a logo in every header and an image in
each post's text, at the paths WordPress gives them. The bytes are generated (a real PNG of
one colour per post), so a test can compare what replay returns with what was served.
"""

from __future__ import annotations

import struct
import zlib

from ._site import Site

__all__ = ["STYLESHEET", "asset_paths", "logo_path", "post_image_path", "render_asset"]

STYLESHEET = "/wp-content/themes/twentyeleven/style.css"
_LOGO = "/wp-content/themes/twentyeleven/images/logo.png"
_UPLOADS = "/wp-content/uploads/"

_CSS = (
    "body{font:15px/1.6 Georgia,serif;color:#373737;background:#e2e2e2}\n"
    "#page{max-width:1000px;margin:2em auto;background:#fff;padding:0 2em}\n"
    ".entry-title{font-size:26px}.commentlist{list-style:none}\n"
)


def logo_path() -> str:
    return _LOGO


def post_image_path(post_id: int) -> str:
    return f"{_UPLOADS}post-{post_id}.png"


def asset_paths(site: Site) -> list[str]:
    """Every asset path the site's pages load (empty for a site without assets)."""
    if not site.spec.assets:
        return []
    return [STYLESHEET, _LOGO] + [post_image_path(p.id) for p in site.posts]


def render_asset(site: Site, path: str) -> tuple[str, bytes] | None:
    """``(content type, bytes)`` of an asset path, or ``None`` when it is none."""
    if not site.spec.assets:
        return None
    if path == STYLESHEET:
        return "text/css", _CSS.encode("ascii")
    if path == _LOGO:
        return "image/png", _png(0x33, 0x66, 0x99, 48, 16)
    if path.startswith(_UPLOADS + "post-") and path.endswith(".png"):
        num = path.removeprefix(_UPLOADS + "post-").removesuffix(".png")
        if num.isdigit() and int(num) in site.by_id:
            n = int(num)
            return "image/png", _png(n * 37 % 256, n * 91 % 256, n * 13 % 256, 32, 24)
    return None


def _png(r: int, g: int, b: int, width: int, height: int) -> bytes:
    """A valid PNG of one colour (8-bit RGB), small and different per colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes((r, g, b)) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )
