"""Finding and running a Graphviz ``dot`` program.

Three places are tried, in order: the program named by ``$ARGMAP_DOT``, ``dot`` on the ``PATH``
(the system graphviz package), and the ``graphviz-pure`` program that ``pip install
'argmap[dot]'`` installs (a static build; it writes SVG and PNG but no PDF). ``dot`` runs in its
own process group with a time limit, so a layout that never finishes is stopped, children and all.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

from argmap.errors import DotNotFoundError, DotTimeoutError, RenderError

__all__ = ["DEFAULT_TIMEOUT", "ENVIRONMENT_VARIABLE", "find_dot", "run_dot"]

#: The environment variable that names the ``dot`` program to use.
ENVIRONMENT_VARIABLE = "ARGMAP_DOT"
#: Seconds ``dot`` may run before it is stopped.
DEFAULT_TIMEOUT = 60.0

_NOT_FOUND = (
    "no Graphviz 'dot' program was found, and {what} needs one. Get one in any of three ways: "
    "set ARGMAP_DOT to the path of a dot program; install the system graphviz package "
    "(apt-get install graphviz, brew install graphviz, or see graphviz.org); or run "
    "pip install 'argmap[dot]' (graphviz-pure: SVG and PNG, no PDF). "
    "DOT, Mermaid and Markdown output need no dot program."
)
_PURE = "graphviz-pure"


def find_dot() -> str | None:
    """The path of the ``dot`` program to use, or None when there is none.

    A ``$ARGMAP_DOT`` that names no executable program is an error
    (:class:`~argmap.errors.DotNotFoundError`) rather than a reason to look elsewhere, so that a
    typo in the setting does not go unnoticed.
    """
    configured = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if configured:
        found = shutil.which(configured)
        if found is None:
            raise DotNotFoundError(
                f"ARGMAP_DOT is set to '{configured}', which is not an executable program; "
                "point it at Graphviz's dot (or graphviz-pure), or unset it"
            )
        return found
    return shutil.which("dot") or _graphviz_pure()


def _graphviz_pure() -> str | None:
    """The graphviz-pure program, from its wheel's file list (its folder may not be on PATH)."""
    try:
        distribution = importlib.metadata.distribution(_PURE)
    except importlib.metadata.PackageNotFoundError:
        return shutil.which(_PURE)
    for file in distribution.files or ():
        if file.name in (_PURE, _PURE + ".exe"):
            path = Path(str(distribution.locate_file(file))).resolve()
            if path.is_file() and os.access(path, os.X_OK):
                return str(path)
    return shutil.which(_PURE)


def run_dot(source: str, fmt: str, *, timeout: float | None = DEFAULT_TIMEOUT) -> bytes:
    """Lay out DOT ``source`` with ``dot -T<fmt>`` and return what it writes.

    Raises :class:`DotNotFoundError` without a ``dot``, :class:`DotTimeoutError` when it runs
    longer than ``timeout`` seconds (None: no limit), and :class:`RenderError` when it fails.
    """
    program = find_dot()
    if program is None:
        raise DotNotFoundError(_NOT_FOUND.format(what=f"{fmt.upper()} output"))
    if fmt == "pdf" and Path(program).name.startswith(_PURE):
        raise RenderError(
            f"{program} (graphviz-pure) cannot write PDF; install the system graphviz package "
            "or set ARGMAP_DOT to a dot that can, or render SVG or PNG"
        )
    posix = os.name == "posix"
    try:
        process = subprocess.Popen(
            [program, f"-T{fmt}"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            start_new_session=posix,
        )
    except OSError as error:
        raise RenderError(f"cannot run {program}: {error.strerror or error}") from error
    try:
        output, errors = process.communicate(source.encode("utf-8"), timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process, posix)
        raise DotTimeoutError(
            f"{program} did not finish within {timeout:g} seconds and was stopped; a smaller "
            "view (--focus ID --depth N) lays out faster, or allow more time with --timeout"
        ) from None
    except BaseException:
        _stop(process, posix)
        raise
    if process.returncode != 0:
        message = errors.decode("utf-8", "replace").strip().splitlines()
        detail = "; ".join(message[:3]) if message else "no message"
        raise RenderError(f"{program} failed (exit {process.returncode}): {detail}")
    if fmt == "pdf":
        output = _fixed_pdf_dates(output)
    return output


_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) ?\(D:)(\d{14})")


def _fixed_pdf_dates(pdf: bytes) -> bytes:
    """The PDF with its creation time set to 1970, so the same map gives the same bytes.

    Cairo stamps the current time into every PDF; the digits are replaced one for one, so the
    offsets in the PDF's cross-reference table stay right.
    """
    return _PDF_DATE.sub(lambda match: match.group(1) + b"19700101000000", pdf)


def _stop(process: subprocess.Popen[bytes], posix: bool) -> None:
    """Kill ``dot`` and anything it started, then reap it."""
    with contextlib.suppress(OSError):
        if posix:
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            process.kill()
    with contextlib.suppress(OSError, ValueError):
        process.communicate(timeout=5)
