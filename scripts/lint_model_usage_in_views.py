#!/usr/bin/env python3
"""Views never query models directly: every read goes through a selector, which applies the user's
scope (case load, partner shares, limited access) and makes missing and forbidden look the same.

Walks the syntax tree of every view and API module under probation/ (``views.py``, ``views/``,
``api/``) and reports each ``<Model>.objects`` (or ``_default_manager``/``_base_manager``) and each
``get_object_or_404``/``get_list_or_404``. Exit status 1 if any is found. Usage:
    .venv/bin/python scripts/lint_model_usage_in_views.py [root]
"""

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

MANAGERS = {"objects", "_default_manager", "_base_manager"}
SHORTCUTS = {"get_object_or_404", "get_list_or_404"}


def view_modules(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if "tests" in parts or "migrations" in parts:
            continue
        if path.name == "views.py" or "views" in parts[:-1] or "api" in parts[:-1]:
            yield path


def offences(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in MANAGERS:
            yield node.lineno, f"{ast.unparse(node)}: query through a selector"
        elif isinstance(node, ast.Name) and node.id in SHORTCUTS:
            yield node.lineno, f"{node.id}: use a selector (NotFound gives the same 404)"


def main(root: Path) -> int:
    found = 0
    for path in view_modules(root):
        for line, message in offences(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            print(f"{path}:{line}: {message}")
            found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "probation")))
