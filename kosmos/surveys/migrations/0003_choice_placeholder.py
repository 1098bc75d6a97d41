from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("surveys", "0002_released_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="choice",
            name="placeholder",
            field=models.BooleanField(default=False),
        ),
    ]
