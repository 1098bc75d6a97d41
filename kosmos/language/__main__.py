"""Entry point: ``python -m kosmos.language check FILE... [--type …] [--json]``."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
