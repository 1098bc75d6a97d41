# Letter templates become shareable (kosmos.core.models.sharing.Shareable).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('language', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='lettertemplate',
            name='copied_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='lettertemplate',
            name='origin_label',
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AddField(
            model_name='lettertemplate',
            name='origin_organisation',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.organisation'),
        ),
        migrations.AddField(
            model_name='lettertemplate',
            name='origin_organisation_name',
            field=models.CharField(blank=True, max_length=200, verbose_name='taken over from'),
        ),
        migrations.AddField(
            model_name='lettertemplate',
            name='origin_public_id',
            field=models.UUIDField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='lettertemplate',
            name='shared_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='shared on'),
        ),
        migrations.AddField(
            model_name='lettertemplate',
            name='shared_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='lettertemplate',
            name='shared_with',
            field=models.ManyToManyField(blank=True, related_name='%(app_label)s_%(class)s_shared', to='core.organisation', verbose_name='partner organisations'),
        ),
        migrations.AddField(
            model_name='lettertemplate',
            name='visibility',
            field=models.CharField(choices=[('own', 'Own organisation only'), ('partners', 'Named partner organisations'), ('platform', 'Every organisation on the platform'), ('public', 'Published (public, without login)')], db_index=True, default='own', max_length=10, verbose_name='visibility'),
        ),
    ]
