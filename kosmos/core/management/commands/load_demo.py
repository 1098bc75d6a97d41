from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kosmos.core.demo import DEMO_PASSWORD, demo_logins, load_demo


class Command(BaseCommand):
    help = "Load or refresh the demo data (only with KOSMOS_DEBUG=1)."

    def handle(self, *args: object, **options: object) -> None:
        if not settings.KOSMOS_DEMO_ACCOUNTS:
            raise CommandError(
                "Demo-Daten werden nur im Entwicklungsmodus geladen (KOSMOS_DEBUG=1): "
                "Demo-Konten und -Passwörter sind im Betrieb gesperrt."
            )
        counts = load_demo()
        self.stdout.write(self.style.SUCCESS(
            f"Demo-Daten geladen: {counts['organisations']} Organisationen, {counts['users']} Demo-Konten."
        ))
        self.stdout.write(f"Passwort aller Demo-Konten: {DEMO_PASSWORD}")
        for email, description in demo_logins():
            self.stdout.write(f"  {email:<32} {description}")
