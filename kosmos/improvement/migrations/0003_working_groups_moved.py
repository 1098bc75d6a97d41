"""Working groups moved to their own module (``workinggroups`` 0002 copied every row with its
primary key); improvement projects now point there and the old table goes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("improvement", "0002_hub_sources"),
        ("workinggroups", "0002_move_improvement_working_groups"),
    ]

    operations = [
        migrations.AlterField(
            model_name="improvementproject",
            name="working_group",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                    related_name="projects", to="workinggroups.workinggroup",
                                    verbose_name="working group"),
        ),
        migrations.DeleteModel(name="WorkingGroup"),
    ]
