"""Load EFQM 2020, CAF 2020 and the Jobcenter question catalogue from model_data/*.json.

The model is data: a later model (e.g. EFQM 2025) is a new JSON file plus a migration like this
one (or ``manage.py sync_assessment_models``)."""

from django.db import migrations


def load(apps, schema_editor):
    from kosmos.assessments.model_sync import sync_all

    sync_all(lambda name: apps.get_model("assessments", name))


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
