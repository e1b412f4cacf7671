"""Docs that cannot drift: every command has help and is in the README; the
README's test command is the one CI runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_and_is_in_the_readme(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert main.commands[name].help, f"kg {name} has no help text"
    assert f"`kg {name}" in README, f"kg {name} is not in the README"


def test_quick_start_gives_exactly_two_commands_and_ci_runs_the_second():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", quick)
    assert len(commands) == 2
    assert "kg build seeds/" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_option_of_every_command_is_in_usage(name):
    import click

    usage = (ROOT / "docs" / "USAGE.md").read_text(encoding="utf-8")
    row = next((line for line in usage.splitlines() if line.startswith(f"| `kg {name}`")), "")
    assert row, f"kg {name} has no row in docs/USAGE.md"
    shared = ("help",) if name == "build" else ("help", "verbose", "quiet")  # said above the table
    for param in main.commands[name].params:
        if isinstance(param, click.Option) and not param.hidden and param.name not in shared:
            assert f"`{param.opts[0]}" in row, f"{param.opts} of kg {name} not in docs/USAGE.md"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_help_has_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert "Example: kg " in result.output, f"kg {name} --help has no example"
