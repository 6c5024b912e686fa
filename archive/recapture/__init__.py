"""Re-capture on a schedule with conditional requests, and what changed between captures."""

from ._history import PostDiff, PostHistory, diff_posts, post_history
from ._recapture import RecaptureConfig, RecaptureStats, parse_duration, recapture, run_every

__all__ = [
    "PostDiff",
    "PostHistory",
    "RecaptureConfig",
    "RecaptureStats",
    "diff_posts",
    "parse_duration",
    "post_history",
    "recapture",
    "run_every",
]
