"""The exceptions argmap raises.

Every exception argmap raises on purpose derives from :class:`ArgmapError` and from the nearest
builtin, so callers can catch either::

    ArgmapError(Exception)
    ├── BriefError(ArgmapError, ValueError)        a brief cannot be loaded; carries its diagnostics
    ├── ConfigError(ArgmapError, ValueError)       a configuration file or option is wrong
    ├── FrameworkError(ArgmapError, ValueError)    an evaluation framework is malformed
    │   └── UnknownIdError                         it refers to an id it does not have
    ├── UnknownSemanticsError(ArgmapError, ValueError)  no such semantics
    ├── UnsafePathError(ArgmapError, ValueError)   a path leaves the folder it must stay in
    ├── ConversionError(ArgmapError, ValueError)   a file cannot be converted (names the element)
    └── RenderError(ArgmapError, RuntimeError)     a diagram could not be produced
        ├── DotNotFoundError                       no Graphviz `dot` program was found
        └── DotTimeoutError                        `dot` did not finish in time

The evaluation errors are defined in :mod:`argmap.evaluation.framework`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.diagnostics import Diagnostic

__all__ = [
    "ArgmapError",
    "BriefError",
    "ConfigError",
    "ConversionError",
    "DotNotFoundError",
    "DotTimeoutError",
    "RenderError",
    "UnsafePathError",
]


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


class BriefError(ArgmapError, ValueError):
    """A brief could not be loaded: its diagnostics say where and why."""

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)

    def __str__(self) -> str:
        lines = [super().__str__()]
        lines.extend(f"  {diagnostic}" for diagnostic in self.diagnostics)
        return "\n".join(lines)


class ConfigError(ArgmapError, ValueError):
    """A configuration file or command-line option is wrong."""


class ConversionError(ArgmapError, ValueError):
    """A file cannot be converted: malformed, or holding what the target cannot represent.

    ``path`` is the file, ``element`` what in it is at fault (``node 12``, ``line 7``).
    """

    def __init__(self, message: str, *, path: str = "<input>", element: str | None = None) -> None:
        self.path = path
        self.element = element
        self.reason = message
        where = f"{path}: {element}" if element else path
        super().__init__(f"{where}: {message}")


class UnsafePathError(ArgmapError, ValueError):
    """A path named in a brief leaves the folder it is allowed to read from."""


class RenderError(ArgmapError, RuntimeError):
    """A diagram could not be produced."""


class DotNotFoundError(RenderError):
    """No Graphviz ``dot`` program was found; the message says how to get one."""


class DotTimeoutError(RenderError):
    """The Graphviz ``dot`` program did not finish within the time allowed."""
