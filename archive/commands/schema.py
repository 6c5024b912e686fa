"""``blog-archiver schema``: print the JSON Schema of the Post record."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from scraper.schema import post_schema


def register(sub: Any) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of exported Post records")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    json.dump(post_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0
