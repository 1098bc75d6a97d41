"""Safe reading of zip-based office files (.docx, .odt, .xlsx) from uploads.

An office file is a zip archive; a small upload can unpack to gigabytes of XML (a "zip bomb"):
a 323 kB .docx that unpacks to 55 million characters kept a worker busy for a minute. Before a
module parses such a file it calls ``guard_archive`` (or ``parse_office_file``), which looks only at
the archive's directory, so it costs microseconds whatever the file claims:

- the sum of the unpacked sizes of all members (``KOSMOS_OFFICE_MAX_UNPACKED_MB``, default 20 MB),
- the compression ratio of the whole archive and of every large member
  (``KOSMOS_OFFICE_MAX_RATIO``, default 100; ordinary office XML compresses 5–20 times),
- the number of members (``KOSMOS_OFFICE_MAX_MEMBERS``, default 2,000).

The declared sizes can be trusted because every parser we use reads through Python's ``zipfile``,
which stops a member at its declared size (and fails the CRC check if the member lies).

``parse_time_limit`` additionally bounds the parse in wall-clock time
(``KOSMOS_OFFICE_PARSE_SECONDS``, default 10). It uses ``SIGALRM`` and therefore works only in a
process's main thread — where gunicorn's sync workers and the test client handle requests; in
other threads the size limits above are the bound. Every refusal is a ``ValidationError`` with a
German message.
"""

from __future__ import annotations

import io
import signal
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

T = TypeVar("T")
MB = 1024 * 1024
# Below this unpacked size a member's ratio is not judged (small XML parts compress very well).
RATIO_FLOOR_BYTES = 1 * MB


@dataclass(frozen=True)
class ArchiveLimits:
    max_unpacked_bytes: int = 20 * MB
    max_ratio: float = 100.0
    max_members: int = 2_000

    @classmethod
    def from_settings(cls) -> ArchiveLimits:
        return cls(
            max_unpacked_bytes=int(getattr(settings, "KOSMOS_OFFICE_MAX_UNPACKED_MB", 20)) * MB,
            max_ratio=float(getattr(settings, "KOSMOS_OFFICE_MAX_RATIO", 100)),
            max_members=int(getattr(settings, "KOSMOS_OFFICE_MAX_MEMBERS", 2_000)),
        )


def parse_seconds() -> float:
    return float(getattr(settings, "KOSMOS_OFFICE_PARSE_SECONDS", 10))


def _refuse(name: str) -> ValidationError:
    return ValidationError(
        _("The file “%(name)s” unpacks to far more data than a normal office document and is not read. "
          "Please save the document again (without embedded files) or paste its text.") % {"name": name},
        code="archive_too_large",
    )


def guard_archive(data: bytes, *, name: str, limits: ArchiveLimits | None = None) -> None:
    """Refuse a zip archive whose unpacked size, compression ratio or member count is beyond the
    limits. Data that is no zip archive passes: recognising a broken file is the parser's job."""
    limits = limits or ArchiveLimits.from_settings()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return
    if len(members) > limits.max_members:
        raise _refuse(name)
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.max_unpacked_bytes:
        raise _refuse(name)
    if unpacked > RATIO_FLOOR_BYTES and unpacked > limits.max_ratio * max(len(data), 1):
        raise _refuse(name)
    for member in members:
        if member.file_size > RATIO_FLOOR_BYTES and member.file_size > limits.max_ratio * max(member.compress_size, 1):
            raise _refuse(name)


class ParseTimeout(BaseException):  # noqa: N818
    """Raised inside a parse that ran too long. A ``BaseException``, so that a parser's own
    ``except Exception`` (which turns any problem into "file broken") cannot swallow it."""


@contextmanager
def parse_time_limit(*, name: str, seconds: float | None = None) -> Iterator[None]:
    """Interrupt the block after ``seconds`` with a German ``ValidationError`` (main thread only;
    elsewhere, or while another alarm is pending, the block runs without a time limit)."""
    seconds = parse_seconds() if seconds is None else seconds
    usable = (seconds > 0 and threading.current_thread() is threading.main_thread()
              and hasattr(signal, "setitimer") and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))
    if not usable:
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise ParseTimeout

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except ParseTimeout as exc:
        raise ValidationError(
            _("Reading the file “%(name)s” took too long and was stopped. "
              "Please save the document again or paste its text.") % {"name": name},
            code="parse_timeout",
        ) from exc
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_office_file(data: bytes, *, name: str, parse: Callable[[bytes], T],
                      limits: ArchiveLimits | None = None, seconds: float | None = None) -> T:
    """``parse(data)`` after ``guard_archive`` and under ``parse_time_limit``."""
    guard_archive(data, name=name, limits=limits)
    with parse_time_limit(name=name, seconds=seconds):
        return parse(data)
