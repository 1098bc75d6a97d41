"""Permission rows for every URL of good practice: own pages (``OrgRow``), other organisations'
published profiles (``SharedRow``), public pages (``PublicRow``/``PublishedRow``) and the
programme office's review (``PlatformRow``)."""

from __future__ import annotations

from kosmos.practice.models import Criterion
from tests.permissions.rows import OrgRow, PlatformRow, PublicRow, PublishedRow, SharedRow
from tests.practice import builders


def _draft(world) -> dict:  # noqa: ANN001
    return {"profile_id": builders.draft(world).public_id}


def _with_file(world) -> dict:  # noqa: ANN001
    profile = builders.with_file(world)
    return {"profile_id": profile.public_id, "material_id": profile.materials.first().public_id}


def _shared(obj) -> dict:  # noqa: ANN001
    return {"profile_id": obj.public_id}


def _shared_file(obj) -> dict:  # noqa: ANN001
    return {"profile_id": obj.public_id, "material_id": obj.materials.first().public_id}


def _public(obj) -> dict:  # noqa: ANN001
    return {"slug": obj.slug}


def _public_file(obj) -> dict:  # noqa: ANN001
    return {"slug": obj.slug, "material_id": obj.materials.first().public_id}


def _submitted(world) -> dict:  # noqa: ANN001
    return {"profile_id": builders.submitted(world, title="Zur Prüfung").public_id}


def _review_data(world) -> dict:  # noqa: ANN001
    data = {f"{key}_met": "1" for key in Criterion.values}
    return {**data, "decision": "published", "visibility": "platform"}


ROWS = {
    "org:practice_gallery": OrgRow(),
    "org:practice_profile_create": OrgRow(),
    "org:practice_profile": OrgRow(kwargs=_draft),
    "org:practice_profile_edit": OrgRow(kwargs=_draft),
    "org:practice_profile_submit": OrgRow(kwargs=_draft, method="post", ok_status=302),
    "org:practice_material_add": OrgRow(kwargs=_draft),
    "org:practice_material": OrgRow(kwargs=_with_file),
    "org:practice_link_add": OrgRow(kwargs=_draft),
    "org:practice_shared_profile": SharedRow(obj=builders.existing_published, kwargs=_shared),
    "org:practice_shared_material": SharedRow(obj=builders.with_file, kwargs=_shared_file),
    "org:practice_templates": OrgRow(),
    "org:practice_comparisons": OrgRow(),
    "org:practice_consent": OrgRow(kwargs=lambda world: {"topic_key": "training.compliance"}),
    "practice_public_list": PublicRow(),
    "practice_public_profile": PublishedRow(obj=builders.existing_published, kwargs=_public),
    "practice_public_material": PublishedRow(obj=builders.with_file, kwargs=_public_file),
    "practice_review_queue": PlatformRow(),
    "practice_review": PlatformRow(kwargs=_submitted),
}
