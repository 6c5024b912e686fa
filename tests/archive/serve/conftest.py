"""One archive for all ``serve`` tests of a session (building it crawls nothing, but parses
some 40 pages), and the two apps over it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from serve_build import Built, Client, build

from archive.serve import ServeConfig, ServeState, create_app, create_replay_app, open_state

APP_PORT, REPLAY_PORT = 18700, 18701


@dataclass(frozen=True, slots=True)
class Served:
    built: Built
    state: ServeState
    app: Client
    replay: Client


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(tmp_path_factory.mktemp("serve") / "arc")


@pytest.fixture(scope="session")
def served(built: Built) -> Iterator[Served]:
    config = ServeConfig(Path(built.root), allowed_hosts=("testserver",))
    with open_state(config, APP_PORT, REPLAY_PORT) as (state, _info):
        hosts = config.hosts()
        yield Served(
            built,
            state,
            Client(create_app(state, hosts)),
            Client(create_replay_app(state.replayer, hosts)),
        )
