"""One registry of audit labels: object types are ``app_label.model`` and two modules never share a key."""

from __future__ import annotations

import pytest
from django.apps import apps

from kosmos.core import audit_labels, modules
from kosmos.core.audit_labels import LabelClash, object_type_label, register_labels
from kosmos.core.modules import Module


def use_fresh_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Copies of the registries, so that a test never changes the platform's labels."""
    monkeypatch.setattr(audit_labels, "_ACTIONS", dict(audit_labels._ACTIONS))
    monkeypatch.setattr(audit_labels, "_OBJECT_TYPES", dict(audit_labels._OBJECT_TYPES))
    monkeypatch.setattr(modules, "_MODULES", {})


@pytest.fixture
def fresh_registry(monkeypatch):  # noqa: ANN001, ANN201
    use_fresh_registry(monkeypatch)


def test_two_modules_declaring_the_same_object_type_clash(fresh_registry):
    modules.register_module(Module(label="knowledge", name="Wissen", audit_object_types={"knowledge.offer": "Angebot"}))

    with pytest.raises(LabelClash, match="knowledge.offer"):
        modules.register_module(
            Module(label="practice", name="Praxis", audit_object_types={"knowledge.offer": "Projekt"})
        )
    assert object_type_label("knowledge.offer") == "Angebot"


def test_two_modules_declaring_the_same_action_clash(fresh_registry):
    register_labels(owner="knowledge", actions={"offer.created": "hat ein Angebot angelegt"})

    with pytest.raises(LabelClash, match="offer.created"):
        register_labels(owner="practice", actions={"offer.created": "hat ein Profil angelegt"})


def test_a_module_may_register_its_own_labels_again(fresh_registry):
    register_labels(owner="knowledge", object_types={"knowledge.offer": "Angebot"})
    register_labels(owner="knowledge", object_types={"knowledge.offer": "Angebot"})

    assert object_type_label("knowledge.offer") == "Angebot"


def test_models_of_the_same_name_in_two_apps_keep_their_own_labels(fresh_registry):
    register_labels(owner="knowledge", object_types={"knowledge.question": "Frage im Wissensspeicher"})

    assert object_type_label("knowledge.question") == "Frage im Wissensspeicher"
    assert object_type_label("surveys.question") == "Frage einer Befragung"


def test_a_bare_model_name_is_refused(fresh_registry):
    with pytest.raises(ValueError, match="app_label.model"):
        register_labels(owner="knowledge", object_types={"offer": "Angebot"})


def test_the_fresh_registry_leaves_the_platform_labels_alone():
    with pytest.MonkeyPatch.context() as monkeypatch:
        use_fresh_registry(monkeypatch)
        register_labels(owner="knowledge", actions={"offer.created": "x"}, object_types={"knowledge.offer": "y"})
        assert object_type_label("knowledge.offer") == "y"

    assert "knowledge.offer" not in audit_labels._OBJECT_TYPES
    assert "offer.created" not in audit_labels._ACTIONS
    assert object_type_label("core.membership") == "Mitgliedschaft"


def test_every_registered_object_type_is_an_installed_model_of_its_owner():
    for object_type, (owner, _label) in audit_labels._OBJECT_TYPES.items():
        app_label, model_name = object_type.split(".")
        assert apps.get_model(app_label, model_name)._meta.label_lower == object_type
        assert app_label == owner, f"{object_type} is declared by {owner}"
