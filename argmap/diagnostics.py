"""Diagnostics: what a check found, and where in which file."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Diagnostic", "Severity", "summary_line"]


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
        # One line per finding, whatever the brief's text holds: line breaks become spaces.
        text = f"{self.location()}: {self.code} {self.severity.value}: {_one_line(self.message)}"
        if self.hint:
            text += f" ({_one_line(self.hint)})"
        return text

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


def _one_line(text: str) -> str:
    return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text


def summary_line(files: int, diagnostics: list[Diagnostic]) -> str:
    """The closing line of a validation run: ``2 briefs: 0 errors, 1 warning``."""

    def count(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}s"

    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    return f"{count(files, 'brief')}: {count(errors, 'error')}, {count(warnings, 'warning')}"
