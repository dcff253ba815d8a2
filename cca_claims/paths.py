"""How paths are shown to users."""

from __future__ import annotations

from pathlib import Path


def display_path(path: Path, root: Path) -> str:
    """`path` relative to `root` when it lies below it (as users typed it), else as given."""
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except (ValueError, OSError):
        return str(path)
