"""Permission rows of the programme: calls, applications, committee and selection (P2a) and the
workshops, the results report and the office's home page (``permission_rows_exchange``)."""

from __future__ import annotations

from tests.programme.permission_rows_calls import CALL_ROWS
from tests.programme.permission_rows_exchange import EXCHANGE_ROWS

ROWS: dict = {}
ROWS.update(CALL_ROWS)
ROWS.update(EXCHANGE_ROWS)
