"""Evidence research (Belegrecherche)."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from kosmos.assessments.models import AssessmentItem, Evidence, Phase
from kosmos.assessments.uploads import validate_evidence_file
from kosmos.core.audit import log_created, log_deleted
from kosmos.core.models import User


@transaction.atomic
def do_add_evidence(
    *,
    acting_user: User,
    item: AssessmentItem,
    title: str,
    description: str = "",
    url: str = "",
    upload: UploadedFile | None = None,
    source: str = "",
    evidence_date: dt.date | None = None,
    confidentiality: str = "internal",
) -> Evidence:
    assessment = item.assessment
    if assessment.phase == Phase.COMPLETED:
        raise ValidationError(_("The assessment is completed; evidence can no longer be added."))
    if not url and upload is None and not description.strip():
        # Evidence is a file, a link or a written observation (Beobachtung) in the description.
        raise ValidationError(_("Please add a link, upload a file or write down the observation."))
    evidence = Evidence(
        assessment=assessment,
        item=item,
        title=title.strip(),
        description=description.strip(),
        url=url,
        source=source.strip(),
        evidence_date=evidence_date,
        confidentiality=confidentiality,
        added_by=acting_user,
    )
    if upload is not None:
        file_type = validate_evidence_file(upload)
        evidence.file_type = file_type.code
        evidence.file_size = upload.size
        evidence.file_name = PurePath(upload.name).name[:200]
        upload.seek(0)
        evidence.file.save(upload.name, upload, save=False)
    evidence.save()
    log_created(evidence, actor=acting_user, organisation=assessment.organisation, action="assessment.evidence_added",
                fields={"title": evidence.title, "item": item.unit.code, "url": url, "file": evidence.file_name,
                        "source": evidence.source, "evidence_date": evidence_date, "confidentiality": confidentiality})
    return evidence


@transaction.atomic
def do_delete_evidence(*, acting_user: User, evidence: Evidence) -> None:
    log_deleted(evidence, actor=acting_user, organisation=evidence.assessment.organisation,
                action="assessment.evidence_removed",
                fields={"title": evidence.title, "file": evidence.file_name, "url": evidence.url})
    stored = evidence.file.name if evidence.file else ""
    storage = evidence.file.storage if evidence.file else None
    evidence.delete()
    if stored and storage is not None:
        transaction.on_commit(lambda: storage.delete(stored))
