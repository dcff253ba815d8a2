"""cca_claims: check hand-curated claims against the passages of their sources."""

__version__ = "0.2.0"
