"""Move the working groups of the improvement module (``improvement.WorkingGroup``) here.

Every group keeps its primary key and public id, so improvement projects keep pointing at it
when ``improvement`` 0003 turns their foreign key to this model, and old links stay valid.
Members become members, "further members" (one per line) become guests, the purpose stays the
purpose. The audit trail moves with the groups. Nothing is lost.
"""

from django.core.management.color import no_style
from django.db import migrations

TOPIC_HINTS = (("gesund", "health"), ("digi", "digital"), ("efqm", "efqm"), ("bewertung", "efqm"),
               ("fbw", "fbw"), ("weiterbildung", "fbw"))


def _topic(name: str) -> str:
    lowered = name.lower()
    return next((topic for hint, topic in TOPIC_HINTS if hint in lowered), "other")


def _reset_sequences(schema_editor, models) -> None:  # noqa: ANN001
    """Explicit primary keys leave PostgreSQL's sequences behind; move them past the copied rows."""
    connection = schema_editor.connection
    for sql in connection.ops.sequence_reset_sql(no_style(), models):
        schema_editor.execute(sql)


def forward(apps, schema_editor) -> None:  # noqa: ANN001
    Old = apps.get_model("improvement", "WorkingGroup")
    Group = apps.get_model("workinggroups", "WorkingGroup")
    Member = apps.get_model("workinggroups", "GroupMember")
    AuditEvent = apps.get_model("core", "AuditEvent")
    through = Old._meta.get_field("members").remote_field.through
    for old in Old.objects.order_by("id"):
        group = Group.objects.create(
            id=old.id, public_id=old.public_id, organisation_id=old.organisation_id, name=old.name,
            topic=_topic(old.name), purpose=old.purpose, meeting_rhythm=old.meeting_rhythm,
        )
        Group.objects.filter(pk=group.pk).update(created_at=old.created_at)
        user_ids = through.objects.filter(workinggroup_id=old.id).order_by("id").values_list("user_id", flat=True)
        Member.objects.bulk_create([Member(group=group, user_id=user_id, role="member") for user_id in user_ids])
        guests = [line.strip()[:150] for line in old.external_members.splitlines() if line.strip()]
        Member.objects.bulk_create([Member(group=group, guest_name=name, role="guest") for name in guests])
    _reset_sequences(schema_editor, [Group])
    AuditEvent.objects.filter(object_type="improvement.workinggroup").update(object_type="workinggroups.workinggroup")
    AuditEvent.objects.filter(action="improvement.working_group_created").update(action="workinggroups.group_created")
    AuditEvent.objects.filter(action="improvement.working_group_updated").update(action="workinggroups.group_updated")
    # The search index names the old pages; point its documents at the new ones (same ids).
    SearchDocument = apps.get_model("core", "SearchDocument")
    for doc in SearchDocument.objects.filter(object_type="improvement.workinggroup"):
        doc.module, doc.object_type = "workinggroups", "workinggroups.workinggroup"
        doc.source = doc.source.replace("improvement.workinggroup:", "workinggroups.workinggroup:", 1)
        doc.url_name, doc.permission = "org:workinggroup_detail", "workinggroups.view"
        doc.save(update_fields=["module", "object_type", "source", "url_name", "permission"])


def backward(apps, schema_editor) -> None:  # noqa: ANN001
    Old = apps.get_model("improvement", "WorkingGroup")
    Group = apps.get_model("workinggroups", "WorkingGroup")
    Member = apps.get_model("workinggroups", "GroupMember")
    AuditEvent = apps.get_model("core", "AuditEvent")
    for group in Group.objects.order_by("id"):
        members = list(Member.objects.filter(group=group).order_by("id"))
        old = Old.objects.create(
            id=group.id, public_id=group.public_id, organisation_id=group.organisation_id, name=group.name,
            purpose=group.purpose, meeting_rhythm=group.meeting_rhythm,
            external_members="\n".join(m.guest_name for m in members if not m.user_id),
        )
        old.members.set([m.user_id for m in members if m.user_id])
    _reset_sequences(schema_editor, [Old])
    AuditEvent.objects.filter(object_type="workinggroups.workinggroup").update(object_type="improvement.workinggroup")
    AuditEvent.objects.filter(action="workinggroups.group_created").update(action="improvement.working_group_created")
    AuditEvent.objects.filter(action="workinggroups.group_updated").update(action="improvement.working_group_updated")
    SearchDocument = apps.get_model("core", "SearchDocument")
    SearchDocument.objects.filter(module="workinggroups").delete()  # rebuild_search_index restores them


class Migration(migrations.Migration):

    dependencies = [
        ("workinggroups", "0001_initial"),
        ("improvement", "0002_hub_sources"),
        ("core", "0003_search_index"),
    ]

    operations = [migrations.RunPython(forward, backward)]
