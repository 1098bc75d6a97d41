from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kosmos.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Spielt eine Sicherung in eine leere Datenbank ein (Ziel als Datenbank-URL)."

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("file", help="die Sicherungsdatei")
        parser.add_argument(
            "--into",
            required=True,
            help="URL der leeren Zieldatenbank, z. B. postgres://kosmos:…@localhost/kosmos_neu",
        )

    def handle(self, *args: object, **options: object) -> None:
        try:
            restore(Path(str(options["file"])), str(options["into"]))
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS("Sicherung eingespielt."))
