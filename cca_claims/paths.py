"""How paths are shown to users."""

from __future__ import annotations

from pathlib import Path


def display_path(path: Path, root: Path) -> str:
    """`path` relative to `root` when it lies below it (as users typed it), else as given.

    Links are not followed: a link is shown by its own name, not its target's.
    """
    try:
        return str(path.absolute().relative_to(root.absolute()))
    except (ValueError, OSError, RuntimeError):
        return str(path)
