"""Datasets out of an archive: posts and comments as JSONL, JSON, CSV or Parquet, validated."""

from ._export import ExportOptions, ExportResult, export_archive
from ._writers import FORMATS

__all__ = ["FORMATS", "ExportOptions", "ExportResult", "export_archive"]
