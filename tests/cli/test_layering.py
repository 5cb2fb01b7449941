"""One-way flow: the web layer (``api``) is loaded only by the command line (``qa/cli``); nothing
else in ``qa`` imports it, at module level or inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

QA = ROOT / "qa"


def api_imports(path: Path) -> list[str]:
    """Each ``import api…`` / ``from api… import`` in a module, as ``line: statement``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        if any(n == "api" or n.startswith("api.") for n in names):
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


def test_nothing_in_qa_outside_the_cli_imports_api():
    modules = [p for p in QA.rglob("*.py") if QA / "cli" not in p.parents]
    assert len(modules) > 30  # the walk sees the package
    offenders = {str(p.relative_to(ROOT)): api_imports(p) for p in modules}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_serve_command_is_where_api_is_loaded():
    # The check above finds imports where they are: here, the one place they belong.
    assert any("from api.app import" in line for line in api_imports(QA / "cli" / "serve.py"))
    others = [p for p in (QA / "cli").glob("*.py") if p.name != "serve.py" and api_imports(p)]
    assert others == []
