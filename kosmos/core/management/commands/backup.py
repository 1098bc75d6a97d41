from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from kosmos.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sichert die ganze Datenbank in eine Datei (PostgreSQL: pg_dump-Format, SQLite: Datenbankdatei)."

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("file", help="Zieldatei, z. B. /var/backups/kosmos-2026-11-21.dump")

    def handle(self, *args: object, **options: object) -> None:
        target = Path(str(options["file"]))
        try:
            backup(connection.settings_dict, target)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Sicherung geschrieben: {target} ({target.stat().st_size} Bytes)"))
