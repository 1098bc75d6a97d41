"""House rules of the code base, checked on the source (no database).

Each section is one rule; add new rules as new sections.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import kosmos

KOSMOS_DIR = Path(kosmos.__file__).resolve().parent
ROOT = KOSMOS_DIR.parent


# --------------------------------------------------------------------------------------------------
# Rule: pure `domain/` and `analysis/` packages import no Django, not even through another kosmos
# module (e.g. `kosmos.core.models`), so they can be tested and benchmarked without a database.
# --------------------------------------------------------------------------------------------------


def pure_modules() -> list[Path]:
    found = {
        path
        for pattern in ("**/domain/**/*.py", "**/domain/*.py", "**/analysis/**/*.py", "**/analysis/*.py")
        for path in KOSMOS_DIR.glob(pattern)
    }
    return sorted(found)


def module_file(name: str) -> Path | None:
    base = ROOT.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _type_checking_only(node):
            continue  # annotations only, never run
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        found.extend(_imports(node))
    return found


@cache
def imported_modules(path: Path) -> tuple[str, ...]:
    """Absolute names of every module an import in ``path`` loads (packages on the way included)."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    names: list[str] = []
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        for target in targets:
            parts = target.split(".")
            names.extend(".".join(parts[: i + 1]) for i in range(len(parts)))
    return tuple(dict.fromkeys(names))


def django_chain(path: Path, seen: frozenset[Path] = frozenset()) -> list[str] | None:
    """The import chain from ``path`` to Django, or ``None`` when it never loads Django."""
    for name in imported_modules(path):
        top = name.split(".")[0]
        if top == "django" or top.startswith("django_"):
            return [name]
        if top != "kosmos":
            continue
        target = module_file(name)
        if target is None or target in seen or target == path:
            continue
        chain = django_chain(target, seen | {path})
        if chain is not None:
            return [name, *chain]
    return None


def test_pure_packages_import_no_django():
    assert pure_modules(), "no domain/ or analysis/ modules found: is the glob still right?"
    offenders = {
        str(path.relative_to(ROOT)): " -> ".join(chain)
        for path in pure_modules()
        if (chain := django_chain(path)) is not None
    }
    assert offenders == {}, "pure modules that load Django:\n" + "\n".join(
        f"  {path}: {chain}" for path, chain in sorted(offenders.items())
    )


def test_the_import_scan_sees_direct_indirect_and_relative_imports():
    """The rule above can fail: Django is found directly, through other kosmos modules, and after
    relative imports are resolved."""
    assert django_chain(KOSMOS_DIR / "core" / "domain" / "numbers.py") is None
    assert django_chain(KOSMOS_DIR / "core" / "models" / "__init__.py") is not None
    chain = django_chain(KOSMOS_DIR / "core" / "templatetags" / "kosmos_charts.py")
    assert chain is not None and chain[0].startswith("django")
    indirect = django_chain(KOSMOS_DIR / "assessments" / "models" / "__init__.py")  # no django import itself
    assert indirect is not None and indirect[0].startswith("kosmos.") and indirect[-1] == "django"
    scoring = imported_modules(KOSMOS_DIR / "assessments" / "domain" / "scoring.py")
    assert "kosmos.assessments.domain._numbers" in scoring and "kosmos.core.domain.numbers" in scoring
