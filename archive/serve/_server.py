"""Start ``serve``: open the archive read-only, refresh the index, listen on two ports.

One uvicorn server listens on both sockets (the app's and the replay origin's), and one
ASGI function sends each request to its app by the socket it came in on, so a single
process, a single event loop and a single set of read-only connections serve both
origins. The sockets are bound before anything else, so ``--port 0`` works (the system
picks) and the origins the pages link to are the real ones.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

import uvicorn

from archive import Archive

from ._app import ServeState, create_app, create_replay_app, dispatch
from ._config import ServeConfig, is_loopback
from ._index import IndexInfo, open_index
from ._replay import Replayer

__all__ = ["bind", "open_state", "run_server"]


def bind(host: str, port: int) -> socket.socket:
    """A listening-ready TCP socket on ``host:port`` (port 0: the system picks)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named: asyncio sets TCP_NODELAY only on sockets whose proto says TCP, and
    # without it every response waited ~40 ms for the client's delayed ACK (Nagle).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def app_origins(config: ServeConfig, port: int) -> str:
    """The app's origins as a CSP source list (for ``frame-ancestors`` of replays)."""
    names = config.hosts()
    if names == ["*"]:
        return f"http://*:{port}"
    return " ".join(f"http://{n}:{port}" for n in names)


@contextlib.contextmanager
def open_state(
    config: ServeConfig,
    port: int,
    replay_port: int,
    progress: Callable[[int], None] | None = None,
    replay_origin: str = "",
) -> Iterator[tuple[ServeState, IndexInfo]]:
    """The archive (read-only), its refreshed index and the replayer, closed on exit."""
    index, info = open_index(config.archive, config.index_path, progress)
    try:
        with Archive.open(config.archive, readonly=True) as archive:
            replayer = Replayer(archive, index.catalog, app_origins(config, port))
            yield (
                ServeState(
                    archive=archive,
                    index=index,
                    replayer=replayer,
                    replay_origin=replay_origin,
                    replay_port=replay_port,
                    page_size=config.page_size,
                ),
                info,
            )
    finally:
        index.close()
        index.catalog.close()


def _progress(err: TextIO) -> Callable[[int], None] | None:
    if not err.isatty():
        return None

    def show(n: int) -> None:
        err.write(f"\rindexing posts for search: {n:,}")
        err.flush()

    return show


def run_server(config: ServeConfig, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Serve until interrupted; what it serves and where is printed first."""
    out = out or sys.stdout
    err = err or sys.stderr
    if not Path(config.archive).is_dir():
        err.write(f"blog-archiver: error: no archive at {config.archive}\n")
        return 2
    if not is_loopback(config.host):
        err.write(
            f"blog-archiver: warning: serving on {config.host}, not a loopback address: "
            "anyone who can reach this machine can read the archive\n"
        )
    app_sock = bind(config.host, config.port)
    replay_port = config.replay_port_number if config.port else (config.replay_port or 0)
    replay_sock = bind(config.host, replay_port)
    port = app_sock.getsockname()[1]
    replay_port = replay_sock.getsockname()[1]
    show = _progress(err)
    try:
        with open_state(config, port, replay_port, show) as (state, info):
            if show is not None:
                err.write("\n")
            what = "built" if info.rebuilt else f"up to date ({info.updated:,} posts updated)"
            out.write(f"search index {info.path}: {info.posts:,} posts, {what}\n")
            hosts = config.hosts()
            app = create_app(state, hosts)
            replay = create_replay_app(state.replayer, hosts)
            shown = f"[{config.host}]" if ":" in config.host else config.host
            out.write(
                f"serving {config.archive} at http://{shown}:{port}/ "
                f"(replays from http://{shown}:{replay_port}/); Ctrl-C stops\n"
            )
            out.flush()
            server = uvicorn.Server(
                uvicorn.Config(
                    dispatch(app, replay, replay_port),
                    log_level="warning",
                    access_log=False,
                    lifespan="off",
                    server_header=False,
                )
            )
            asyncio.run(server.serve(sockets=[app_sock, replay_sock]))
    finally:
        app_sock.close()
        replay_sock.close()
    return 0
