"""``qa rubrics``: list the rubric items and their options."""

from __future__ import annotations

import argparse
from typing import Any

from qa.cli.common import add_common

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the command to the ``qa`` parser's subcommands."""
    r = sub.add_parser("rubrics", help="list the rubric items and their options")
    add_common(r)
    r.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print each registered item, its version and description, and its options' defaults."""
    import dataclasses

    from qa import rubrics

    names = rubrics.available()
    if not names:
        print("no rubric items are registered")
    for name in names:
        spec = rubrics.get(name)
        print(f"{name} (version {spec.version}): {spec.description}")
        for f in dataclasses.fields(spec.options_cls):
            default = f.default if f.default is not dataclasses.MISSING else f.default_factory()  # type: ignore[misc]
            print(f"    {f.name} = {default!r}")
    return 0
