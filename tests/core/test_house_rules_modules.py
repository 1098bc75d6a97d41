"""House rules for modules, as tests: one declaration per app, wired only through core."""

from __future__ import annotations

import ast
from pathlib import Path

from django.apps import apps

from kosmos.core.modules import ORDER, modules, org_url_names
from kosmos.core.roles import PERMISSIONS

KOSMOS = Path(__file__).resolve().parents[2] / "kosmos"
APP_LABELS = sorted(config.label for config in apps.get_app_configs() if config.name.startswith("kosmos."))


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            names += [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names += [a.name for a in node.names]
    return names


def test_every_app_declares_exactly_one_registered_module():
    assert sorted(m.label for m in modules()) == APP_LABELS
    for module in modules():
        assert module.label in ORDER


def test_apps_ready_registers_the_module_and_nothing_else():
    for label in APP_LABELS:
        tree = ast.parse((KOSMOS / label / "apps.py").read_text(encoding="utf-8"))
        ready = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "ready")
        calls = [n for n in ready.body if not isinstance(n, ast.ImportFrom | ast.Import)]
        assert len(calls) == 1, f"{label}: ready() does more than register_module(MODULE)"
        call = calls[0].value
        assert isinstance(call, ast.Call) and getattr(call.func, "id", "") == "register_module", label


def test_no_app_imports_another_apps_views():
    offenders = []
    for path in KOSMOS.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        own = path.relative_to(KOSMOS).parts[0]
        for name in _imports(path):
            parts = name.split(".")
            if len(parts) >= 3 and parts[0] == "kosmos" and parts[2] == "views" and parts[1] != own:
                offenders.append(f"{path.relative_to(KOSMOS)} imports {name}")
    assert not offenders, offenders


def test_url_names_carry_their_modules_prefix():
    for module in modules():
        if module.label == "core":
            continue
        assert module.url_prefix, f"{module.label} declares no url_prefix"
        for name in org_url_names(module):
            assert name.removeprefix("org:").startswith(module.url_prefix), f"{name} lacks {module.url_prefix}"
        for pattern in getattr(module.urls, "urlpatterns", []):
            assert pattern.name.startswith(module.url_prefix), f"{pattern.name} lacks {module.url_prefix}"


def test_navigation_and_panels_name_known_permissions():
    for module in modules():
        for entry in module.navigation:
            assert entry.permission in PERMISSIONS, (module.label, entry.permission)
        for panel in module.panels:
            assert panel.permission in PERMISSIONS, (module.label, panel.permission)


def test_audit_object_types_are_qualified_model_labels():
    models = {m._meta.label_lower for m in apps.get_models()}
    for module in modules():
        for key in module.audit_object_types:
            assert key in models, f"{module.label}: {key} is no model"
            assert key.split(".")[0] == module.label, f"{module.label} labels another app's model {key}"
