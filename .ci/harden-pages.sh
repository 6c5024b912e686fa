#!/usr/bin/env bash
# Loader tests (tests/archive/export/test_loaders.py, test_schema_datasets.py) read the
# exports with Parquet (pyarrow, the parquet extra) and DuckDB as the README shows. Both are
# optional: without them those tests skip, so an install failure does not fail CI.
set -uo pipefail
python -m pip install --quiet 'pyarrow>=15' 'duckdb>=1' >/dev/null 2>&1 \
  || echo "harden-pages: pyarrow/duckdb not installed; their loader tests will skip" >&2
exit 0
