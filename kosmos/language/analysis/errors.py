"""Errors with German messages for the people who use the checker."""

from __future__ import annotations


class TextInputError(ValueError):
    """The text (or uploaded file) cannot be analysed; ``message_de`` says why, in German."""

    def __init__(self, message_de: str) -> None:
        super().__init__(message_de)
        self.message_de = message_de
