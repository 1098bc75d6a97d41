"""Lexical data of the language checker (plain Python modules, no I/O at import)."""
