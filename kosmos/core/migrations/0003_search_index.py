"""The platform search index (kosmos.core.search).

Besides the table: on SQLite an FTS5 table of Python-stemmed text (rowid = document id) and a
trigger that removes its rows with their documents (cascades included); on PostgreSQL a GIN
index on the ``german`` tsvector. Each runs only on its own database.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

FTS_SQL = [
    "CREATE VIRTUAL TABLE core_searchdocument_fts USING fts5("
    "title, body, keywords, tokenize = 'unicode61 remove_diacritics 2', prefix = '4')",
    "CREATE TRIGGER core_searchdocument_fts_delete AFTER DELETE ON core_searchdocument BEGIN "
    "DELETE FROM core_searchdocument_fts WHERE rowid = old.id; END",
]
FTS_DROP = ["DROP TRIGGER IF EXISTS core_searchdocument_fts_delete", "DROP TABLE IF EXISTS core_searchdocument_fts"]
GIN_SQL = ["CREATE INDEX core_search_vector_gin ON core_searchdocument USING gin (vector)"]
GIN_DROP = ["DROP INDEX IF EXISTS core_search_vector_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run



class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_audit_qualified_object_types'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('module', models.CharField(max_length=40)),
                ('object_type', models.CharField(max_length=100)),
                ('object_id', models.CharField(max_length=64)),
                ('source', models.CharField(max_length=120)),
                ('title', models.CharField(max_length=300)),
                ('body', models.TextField(blank=True)),
                ('keywords', models.TextField(blank=True)),
                ('url_name', models.CharField(max_length=120)),
                ('url_kwargs', models.JSONField(blank=True, default=dict)),
                ('permission', models.CharField(max_length=60)),
                ('shared_url_name', models.CharField(blank=True, max_length=120)),
                ('visibility', models.CharField(choices=[('own', 'Own organisation only'), ('partners', 'Named partner organisations'), ('platform', 'Every organisation on the platform'), ('public', 'Published (public, without login)')], default='own', max_length=10)),
                ('updated', models.DateTimeField()),
                ('vector', django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organisation')),
                ('partners', models.ManyToManyField(blank=True, related_name='+', to='core.organisation')),
            ],
            options={
                'indexes': [models.Index(fields=['source'], name='core_search_source'), models.Index(fields=['organisation', 'permission'], name='core_search_org_perm'), models.Index(fields=['visibility', 'permission'], name='core_search_visibility')],
            },
        ),
        migrations.RunPython(
            _run({"sqlite": FTS_SQL, "postgresql": GIN_SQL}),
            _run({"sqlite": FTS_DROP, "postgresql": GIN_DROP}),
        ),
    ]
