"""`python -m cca_claims` runs the CLI."""

from cca_claims.cli import main

main()
