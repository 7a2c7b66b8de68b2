"""The package's layout is its architecture: these tests fail when an import breaks it.

entries -> journal -> pages -> build -> engines, with privacy as a wing that entries
feed and build, engines and the commands use, and export (journal files out) beside
the build; the commands (cli.py, publish.py, commands/, starter/) on top. Only
engines/ may import an engine (mkdocs, its fork properdocs) or its theme (material),
and only engines/ imports the adapter (engines/mkdocs/): the commands find and run the
engine through engines/lookup.py. For layers every import counts, type-only ones too:
a layer that names a higher layer's types depends on it all the same. A circle counts
only between imports that run (a type-only import never executes).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "plugin" / "growthlog"
ENGINE_PACKAGES = frozenset({"mkdocs", "material", "properdocs"})

#: What each layer may import from (besides itself).
MAY_IMPORT: dict[str, frozenset[str]] = {
    "entries": frozenset(),
    "journal": frozenset({"entries"}),
    "pages": frozenset({"entries", "journal"}),
    "privacy": frozenset({"entries"}),
    "build": frozenset({"entries", "journal", "pages", "privacy"}),
    "engines": frozenset({"entries", "journal", "pages", "privacy", "build"}),
    # `growthlog export`: the journal out as files, beside the site build, for the commands.
    "export": frozenset({"entries", "journal", "pages", "privacy"}),
    # `growthlog init`'s files of a new journal (which config names the engines read).
    "starter": frozenset({"entries", "engines"}),
    # The commands: cli.py and publish.py, and commands/ (init, serve, scan).
    "commands": frozenset(
        {"entries", "journal", "pages", "privacy", "build", "engines", "export", "starter", "top"}
    ),
    "top": frozenset(
        {"entries", "journal", "pages", "privacy", "build", "engines", "export", "starter", "commands"}
    ),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> str:
    """The layer of a `growthlog...` module: its folder, or "top" for the commands."""
    parts = module.split(".")
    if len(parts) > 2 or (len(parts) == 2 and (PACKAGE / parts[1]).is_dir()):
        return parts[1]
    return "top"


def imports(path: Path, *, runtime_only: bool = False) -> list[tuple[int, str]]:
    """Every module `path` imports (absolute names), with the line, wherever the import is."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    return imports_of(path.read_text(encoding="utf-8"), package, runtime_only=runtime_only)


def _type_checking_blocks(tree: ast.AST) -> set[int]:
    """The ids of the statements under `if TYPE_CHECKING:` (which never run)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for statement in node.body:
                inside.update(id(child) for child in ast.walk(statement))
    return inside


def imports_of(source: str, package: str, *, runtime_only: bool = False) -> list[tuple[int, str]]:
    """Every module `source` imports, as absolute names; `package` is its package (for relative imports).

    `runtime_only` leaves out the imports under `if TYPE_CHECKING:`.
    """
    tree = ast.parse(source)
    skipped = _type_checking_blocks(tree) if runtime_only else set()
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            # `from growthlog.pages import charts` imports the module growthlog.pages.charts.
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                target = PACKAGE.parent / Path(*candidate.split("."))
                is_module = target.with_suffix(".py").is_file() or (target / "__init__.py").is_file()
                found.append((node.lineno, candidate if is_module else base))
    return found


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def test_the_layout_is_as_the_tests_know_it() -> None:
    # A new top folder must be given its place in MAY_IMPORT (and in the README's layout).
    folders = {path.name for path in PACKAGE.iterdir() if path.is_dir() and (path / "__init__.py").exists()}
    assert folders == set(MAY_IMPORT) - {"top"}
    assert len(MODULES) > 40


def test_only_engines_import_an_engine_or_its_theme() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{line} imports {name}"
        for module, path in MODULES.items()
        if layer(module) != "engines"
        for line, name in imports(path)
        if name.split(".")[0] in ENGINE_PACKAGES
    ]
    assert found == []


def test_only_engines_import_the_adapter() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{line} imports {name}"
        for module, path in MODULES.items()
        if layer(module) != "engines"
        for line, name in imports(path)
        if name.startswith("growthlog.engines.mkdocs")
    ]
    assert found == []


def test_no_module_imports_from_a_layer_above_its_own() -> None:
    found = []
    for module, path in MODULES.items():
        mine = layer(module)
        for line, name in imports(path):
            if name.split(".")[0] != "growthlog" or name == "growthlog":
                continue
            theirs = layer(name)
            if theirs != mine and theirs not in MAY_IMPORT[mine]:
                found.append(f"{path.relative_to(PACKAGE)}:{line} ({mine}) imports {name} ({theirs})")
    assert found == []


def test_there_are_no_import_circles() -> None:
    graph = {
        module: {name for _, name in imports(path, runtime_only=True) if name in MODULES and name != module}
        for module, path in MODULES.items()
    }
    # A package's __init__ runs before its modules: an import of the package is not a circle back.
    circles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for other in sorted(graph[module]):
            if state.get(other) == 1:
                circles.append([*stack[stack.index(other) :], other])
            elif other not in state:
                visit(other)
        stack.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)
    assert circles == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from growthlog.pages import charts\n", "growthlog.pages.charts"),
        ("from growthlog.pages.charts import Chart\n", "growthlog.pages.charts"),
        ("from . import settings\n", "growthlog.journal.settings"),
        ("import mkdocs.plugins\n", "mkdocs.plugins"),
    ],
)
def test_imports_are_read_as_python_resolves_them(source: str, expected: str) -> None:
    # The checks above are only as good as this reading (nested in a block, relative, from a package).
    assert [name for _, name in imports_of("if True:\n    " + source, "growthlog.journal")] == [expected]
    type_only = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    " + source
    assert [name for _, name in imports_of(type_only, "growthlog.journal")][-1] == expected
    assert [name for _, name in imports_of(type_only, "growthlog.journal", runtime_only=True)] == ["typing"]
