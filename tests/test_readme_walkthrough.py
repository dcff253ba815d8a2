"""The README's walkthrough shows what the commands print: each command runs in a copy of the
repository (tools/walkthrough.py) and its output must be the one shown."""

from __future__ import annotations

from tools import walkthrough


def test_every_output_the_readme_shows_is_what_the_command_prints():
    readme = walkthrough.README.read_text(encoding="utf-8")
    steps = walkthrough.steps(readme)
    assert sum(s.command.startswith("cca-claims ") for s in steps) >= 6
    assert {s.command.split()[1] for s in steps if s.command.startswith("cca-claims ")} >= {
        "add",
        "suggest",
        "review",
        "check",
    }
    diffs = walkthrough.compare(steps, walkthrough.run(steps))
    assert diffs == [], "\n".join(diffs) + "\n(python tools/walkthrough.py --write to update)"


def test_a_changed_output_is_reported(tmp_path):
    readme = (
        "x\n<!-- walkthrough -->\n```console\n$ echo one\ntwo\n$ printf 'a\\nb'\na\nb\n```\n"
        "<!-- /walkthrough -->\n"
    )
    steps = walkthrough.steps(readme)
    assert [s.command for s in steps] == ["echo one\n", "printf 'a\\nb'\n"]
    outputs = walkthrough.run(steps)
    assert outputs == ["one\n", "a\nb\n"]
    diffs = walkthrough.compare(steps, outputs)
    assert len(diffs) == 1 and "-two" in diffs[0] and "+one" in diffs[0]
    assert walkthrough.steps(walkthrough.write(readme, steps, outputs))[0].shown == "one\n"
