"""Diagnostics: what a check found, and where in which file."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Diagnostic", "Severity", "summary_line", "terminal_safe"]


class Severity(str, enum.Enum):
    """How much a finding matters: errors fail validation, warnings fail it under ``--strict``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding, located in a file.

    ``line`` and ``column`` are 1-based, and ``None`` for a brief built in code that has no file.
    """

    path: str
    line: int | None
    column: int | None
    code: str
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    hint: str | None = field(default=None, compare=False)

    def location(self) -> str:
        """``path:line:col``, leaving out what is unknown."""
        if self.line is None:
            return self.path
        if self.column is None:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.column}"

    def __str__(self) -> str:
        # One line per finding, whatever the brief's text (or its file's name) holds: line
        # breaks become spaces, and control characters are shown as escapes.
        text = f"{self.location()}: {self.code} {self.severity.value}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return terminal_safe(text)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping with stable keys."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
        }


# Control characters (an escape sequence can recolour a terminal, move its cursor, or set its
# title), bidirectional overrides and isolates (they make text read differently from what it
# says), and lone surrogates (no output can encode them).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\r\n\u2028\u2029\t":
        return " "
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` on one line, fit for a terminal: line breaks and tabs become spaces, and every
    other control character, bidirectional override and lone surrogate is shown as an escape
    (``\\x1b``), so brief text cannot move the cursor, recolour or retitle the terminal."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_visible, text.replace("\r\n", "\n"))


def summary_line(files: int, diagnostics: list[Diagnostic]) -> str:
    """The closing line of a validation run: ``2 briefs: 0 errors, 1 warning``."""

    def count(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}s"

    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    return f"{count(files, 'brief')}: {count(errors, 'error')}, {count(warnings, 'warning')}"
