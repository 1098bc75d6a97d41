"""The partner model: proposing, accepting and ending a partnership; the joint retrospective."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kosmos.assessments.models import Assessment, Partnership, PartnershipStatus, RetrospectiveNote
from kosmos.assessments.services._audit import log
from kosmos.core.audit import apply_changes, log_created
from kosmos.core.models import Organisation, User


def _own(assessment: Assessment | None, organisation: Organisation) -> None:
    if assessment is not None and assessment.organisation_id != organisation.id:
        raise ValidationError({"assessment": _("Please choose one of your own self-assessments.")})


@transaction.atomic
def do_propose_partnership(
    *, acting_user: User, organisation: Organisation, partner: Organisation, assessment: Assessment | None,
    message: str = "",
) -> Partnership:
    if partner.pk == organisation.pk:
        raise ValidationError({"partner": _("Please choose another organisation.")})
    if not partner.is_jobcenter:
        raise ValidationError({"partner": _("Partners in the partner model are Jobcenters.")})
    _own(assessment, organisation)
    open_pair = Partnership.objects.filter(
        Q(proposer=organisation, partner=partner) | Q(proposer=partner, partner=organisation),
        status__in=[PartnershipStatus.PROPOSED, PartnershipStatus.ACTIVE],
    )
    if open_pair.exists():
        raise ValidationError({"partner": _("There already is a partnership with %(org)s.") % {"org": partner}})
    partnership = Partnership.objects.create(
        proposer=organisation, partner=partner, proposer_assessment=assessment, message=message.strip(),
        created_by=acting_user,
    )
    values = {"partner": partner.name, "assessment": assessment.title if assessment else None}
    for org, other in ((organisation, partner), (partner, organisation)):
        log_created(partnership, actor=acting_user, organisation=org, action="partnership.proposed", fields=values,
                    object_repr=other.name)
    return partnership


@transaction.atomic
def do_accept_partnership(
    *, acting_user: User, partnership: Partnership, organisation: Organisation, assessment: Assessment | None
) -> Partnership:
    if partnership.partner_id != organisation.id or partnership.status != PartnershipStatus.PROPOSED:
        raise ValidationError(_("This partnership cannot be accepted."))
    _own(assessment, organisation)
    changes = apply_changes(partnership, {"status": PartnershipStatus.ACTIVE}, touch={
        "partner_assessment": assessment, "accepted_by": acting_user, "accepted_at": timezone.now(),
    })
    for org, other in ((partnership.partner, partnership.proposer), (partnership.proposer, partnership.partner)):
        log(acting_user, org, "partnership.accepted", partnership, object_repr=other.name, changes=changes)
    return partnership


@transaction.atomic
def do_end_partnership(*, acting_user: User, partnership: Partnership, organisation: Organisation) -> Partnership:
    if organisation.id not in (partnership.proposer_id, partnership.partner_id):
        raise ValidationError(_("This partnership cannot be ended."))
    changes = apply_changes(partnership, {"status": PartnershipStatus.ENDED})
    for org, other in ((partnership.partner, partnership.proposer), (partnership.proposer, partnership.partner)):
        log(acting_user, org, "partnership.ended", partnership, object_repr=other.name, changes=changes)
    return partnership


@transaction.atomic
def do_add_retrospective_note(
    *, acting_user: User, partnership: Partnership, organisation: Organisation, text: str
) -> RetrospectiveNote:
    if partnership.status != PartnershipStatus.ACTIVE:
        raise ValidationError(_("Only active partnerships have a joint retrospective."))
    note = RetrospectiveNote.objects.create(
        partnership=partnership, organisation=organisation, author=acting_user,
        author_name=acting_user.get_full_name() or acting_user.email, text=text.strip(),
    )
    log_created(note, actor=acting_user, organisation=organisation, action="partnership.retrospective_added",
                fields=["text"], object_repr=str(partnership))
    return note
