"""Coverage-guided fuzzing (atheris) of the YAML loader, quote anchoring and value parser.

Run by tests/hostile/test_fuzz.py with a small `-runs`; run it longer by hand:
`.venv/bin/python tests/hostile/atheris_targets.py -runs=200000`. Any exception is a failure,
except the value parser's documented ValueReadError.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from cca_claims.anchor import Anchorer
    from cca_claims.model import Source, SourceMeta
    from cca_claims.quantities import DEFAULT_CONTEXT, ValueReadError, parse_value
    from cca_claims.quantities.reader import read_text
    from cca_claims.textnorm import build_view
    from cca_claims.yamlload import load_yaml

SOURCE_TEXT = (
    "Trade between China and Central Asia reached $94.8 billion in 2024,\r\n"
    "up 5.4 per cent on 2023. Leaders met in Astana on 17\u201318 June 2025.\n"
)
ANCHORER = Anchorer(
    {"s": Source(SourceMeta(id="s", path="s.txt"), SOURCE_TEXT, build_view(SOURCE_TEXT))}
)


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    choice = fdp.ConsumeIntInRange(0, 2)
    text = fdp.ConsumeUnicodeNoSurrogates(400)
    if choice == 0:
        value, problems = load_yaml(text.encode("utf-8", "replace") if fdp.ConsumeBool() else text)
        assert all(p.line >= 1 and p.col >= 1 and p.message for p in problems), problems
    elif choice == 1:
        result = ANCHORER.anchor("s", text)
        if result.anchor is not None:
            assert 0 <= result.anchor.start <= result.anchor.end <= len(SOURCE_TEXT)
    else:
        read_text(text, DEFAULT_CONTEXT)
        try:
            parse_value(text, DEFAULT_CONTEXT)
        except ValueReadError:
            pass


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
