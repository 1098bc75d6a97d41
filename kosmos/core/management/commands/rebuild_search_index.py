from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kosmos.core import search


class Command(BaseCommand):
    help = "Rebuild the platform search index from the modules' data (all modules or the named ones)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("modules", nargs="*", help="module labels, e.g. surveys language (default: all)")

    def handle(self, *args: Any, **options: Any) -> None:
        unknown = set(options["modules"]) - set(search.providers())
        if unknown:
            raise CommandError(f"Unknown modules: {', '.join(sorted(unknown))}")
        counts = search.rebuild(options["modules"] or None)
        self.stdout.write(json.dumps({"documents": counts}, ensure_ascii=False))
