"""Action fields name their origin through the improvement hub instead of foreign keys into the
assessments app: the assessment becomes ``source``/``source_id``/``source_title``, the criterion a
``topic``, and the taken-over findings text snapshots (``ActionFieldFinding``). Nothing is lost."""

import django.db.models.deletion
from django.db import migrations, models


def _topic(criterion) -> str:  # noqa: ANN001
    return f"{criterion.code} {criterion.name}"[:200]


def forward(apps, schema_editor) -> None:  # noqa: ANN001
    ActionField = apps.get_model("improvement", "ActionField")
    ActionFieldFinding = apps.get_model("improvement", "ActionFieldFinding")
    through = ActionField._meta.get_field("findings").remote_field.through
    for field in ActionField.objects.select_related("assessment", "criterion").order_by("id"):
        if field.assessment_id:
            field.source = "assessments.assessment"
            field.source_id = str(field.assessment.public_id)
            field.source_title = field.assessment.title[:200]
        if field.criterion_id:
            field.topic_key = field.criterion.code
            field.topic = _topic(field.criterion)
        field.save(update_fields=["source", "source_id", "source_title", "topic_key", "topic"])
        links = through.objects.filter(actionfield_id=field.id).select_related("finding__criterion").order_by("id")
        ActionFieldFinding.objects.bulk_create([
            ActionFieldFinding(action_field_id=field.id, finding_id=str(link.finding.public_id),
                               text=link.finding.text, topic=_topic(link.finding.criterion))
            for link in links
        ])


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0001_initial"),
        ("assessments", "0003_assessment_survey"),
        ("improvement", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ActionFieldFinding",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("finding_id", models.CharField(max_length=64)),
                ("text", models.TextField(verbose_name="finding")),
                ("topic", models.CharField(blank=True, max_length=200, verbose_name="topic")),
                ("action_field", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                                   to="improvement.actionfield")),
            ],
            options={"ordering": ["id"]},
        ),
        migrations.AddField(model_name="actionfield", name="source",
                            field=models.CharField(blank=True, max_length=100, verbose_name="source")),
        migrations.AddField(model_name="actionfield", name="source_id",
                            field=models.CharField(blank=True, max_length=64)),
        migrations.AddField(model_name="actionfield", name="source_title",
                            field=models.CharField(blank=True, max_length=200, verbose_name="origin")),
        migrations.AddField(model_name="actionfield", name="topic",
                            field=models.CharField(blank=True, max_length=200, verbose_name="topic")),
        migrations.AddField(model_name="actionfield", name="topic_key",
                            field=models.CharField(blank=True, max_length=40)),
        migrations.RunPython(forward, migrations.RunPython.noop),
        migrations.RemoveField(model_name="actionfield", name="assessment"),
        migrations.RemoveField(model_name="actionfield", name="criterion"),
        migrations.RemoveField(model_name="actionfield", name="findings"),
        migrations.AlterField(
            model_name="actionfieldfinding", name="action_field",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="findings",
                                    to="improvement.actionfield"),
        ),
        migrations.AddIndex(
            model_name="actionfield",
            index=models.Index(fields=["organisation", "source", "source_id"], name="improvement_organis_ce6508_idx"),
        ),
        migrations.AddConstraint(
            model_name="actionfieldfinding",
            constraint=models.UniqueConstraint(fields=("action_field", "finding_id"), name="unique_finding_per_field"),
        ),
    ]
