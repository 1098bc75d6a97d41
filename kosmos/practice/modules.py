"""The module declaration of practice (``kosmos.core.modules``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kosmos.core.modules import Module, Navigation
from kosmos.practice import urls
from kosmos.practice.demo import load_practice_demo
from kosmos.practice.search import PROVIDER as SEARCH_PROVIDER

MODULE = Module(
    label="practice",
    name=_("Good practice"),
    urls=urls,
    url_prefix="practice_",
    navigation=(
        Navigation(_("Good practice"), "org:practice_gallery", "practice.view",
                   current=("org:practice_gallery", "org:practice_profile_create", "org:practice_profile",
                            "org:practice_profile_edit", "org:practice_material_add", "org:practice_link_add",
                            "org:practice_shared_profile", "org:practice_templates")),
        Navigation(_("Comparisons"), "org:practice_comparisons", "practice.view",
                   current=("org:practice_comparisons", "org:practice_consent")),
    ),
    demo_loader=load_practice_demo,
    audit_actions={
        "practice.profile_created": _("created a project profile"),
        "practice.profile_changed": _("changed a project profile"),
        "practice.profile_submitted": _("submitted a project profile for review"),
        "practice.profile_reviewed": _("reviewed a project profile"),
        "practice.profile_returned": _("returned a project profile for changes"),
        "practice.profile_published": _("published a project profile"),
        "practice.material_added": _("added a material to a project profile"),
        "practice.material_removed": _("removed a material from a project profile"),
        "practice.link_added": _("linked a shared object to a project profile"),
        "practice.link_removed": _("removed a link from a project profile"),
    },
    audit_object_types={
        "practice.profile": _("Project profile"),
        "practice.review": _("Review of a project profile"),
        "practice.material": _("Material of a project profile"),
    },
    search_provider=SEARCH_PROVIDER,
)
