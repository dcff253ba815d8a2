"""Checks over the project's own sources, run by `make lint` (not shipped with the package)."""
