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
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from argmap.errors import DotNotFoundError, DotTimeoutError, RenderError

__all__ = ["DEFAULT_TIMEOUT", "ENVIRONMENT_VARIABLE", "MAX_OUTPUT_BYTES", "find_dot", "run_dot"]

#: The environment variable that names the ``dot`` program to use.
ENVIRONMENT_VARIABLE = "ARGMAP_DOT"
#: Seconds ``dot`` may run before it is stopped.
DEFAULT_TIMEOUT = 60.0
#: ``dot`` may write at most this many bytes; more is refused rather than held in memory.
MAX_OUTPUT_BYTES = 256 * 1024 * 1024

_NOT_FOUND = (
    "no Graphviz 'dot' program was found, and {what} needs one. Get one in any of three ways: "
    "set ARGMAP_DOT to the path of a dot program; install the system graphviz package "
    "(apt-get install graphviz, brew install graphviz, or see graphviz.org); or run "
    "pip install graphviz-pure (what argmap's 'dot' extra installs: SVG and PNG, no PDF). "
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


def run_dot(
    source: str,
    fmt: str,
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_output: int = MAX_OUTPUT_BYTES,
) -> bytes:
    """Lay out DOT ``source`` with ``dot -T<fmt>`` and return what it writes.

    Raises :class:`DotNotFoundError` without a ``dot``, :class:`DotTimeoutError` when it runs
    longer than ``timeout`` seconds (None: no limit), and :class:`RenderError` when it fails,
    writes more than ``max_output`` bytes, writes something that is not ``fmt`` (SVG, PNG and
    PDF are recognised by their first bytes), or leaves a process behind that holds its output
    open. Nothing else: ``dot`` and everything it started are stopped on every way out.
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
            preexec_fn=_death_signal(),
        )
    except OSError as error:
        raise RenderError(f"cannot run {program}: {error.strerror or error}") from error
    try:
        with _stopped_on_term():
            output, errors = _communicate(process, source.encode("utf-8"), timeout, max_output,
                                          program)
    except BaseException:
        _stop(process, posix)
        raise
    _close(process)
    if process.returncode != 0:
        message = errors.decode("utf-8", "replace").strip().splitlines()
        detail = "; ".join(_printable(line) for line in message[:3]) if message else "no message"
        raise RenderError(f"{program} failed (exit {process.returncode}): {detail}")
    _check_format(output, fmt, program)
    if fmt == "pdf":
        output = _fixed_pdf_dates(output)
    return output


#: Seconds to wait, after ``dot`` exits, for its output pipes to close.
_GRACE = 2.0
_SIGNATURES = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "pdf": (b"%PDF-",),
    "svg": (b"<?xml", b"<svg", b"<!DOCTYPE svg"),
}


def _communicate(
    process: subprocess.Popen[bytes], data: bytes, timeout: float | None, limit: int,
    program: str,
) -> tuple[bytes, bytes]:
    """Feed ``data`` to the process and collect its output, bounded in time and in size."""
    assert process.stdin is not None and process.stdout is not None
    assert process.stderr is not None
    overflow = threading.Event()
    out: list[bytes] = []
    err: list[bytes] = []

    def read(stream: IO[bytes], chunks: list[bytes], cap: int) -> None:
        total = 0
        with contextlib.suppress(OSError, ValueError):
            while block := stream.read1(1 << 16):  # type: ignore[attr-defined]
                total += len(block)
                if total > cap:
                    overflow.set()
                    return
                chunks.append(block)

    def write(stream: IO[bytes]) -> None:
        with contextlib.suppress(OSError, ValueError):
            stream.write(data)
        with contextlib.suppress(OSError, ValueError):
            stream.close()

    threads = [
        threading.Thread(target=write, args=(process.stdin,), daemon=True),
        threading.Thread(target=read, args=(process.stdout, out, limit), daemon=True),
        threading.Thread(target=read, args=(process.stderr, err, 1 << 20), daemon=True),
    ]
    for thread in threads:
        thread.start()
    deadline = None if timeout is None else time.monotonic() + timeout
    while process.poll() is None:
        if overflow.is_set():
            raise RenderError(f"{program} wrote more than {limit:,} bytes; the output was "
                              "refused (lay out a smaller view with --focus ID --depth N)")
        if deadline is not None and time.monotonic() > deadline:
            raise DotTimeoutError(
                f"{program} did not finish within {timeout:g} seconds and was stopped; a "
                "smaller view (--focus ID --depth N) lays out faster, or allow more time with "
                "--timeout"
            )
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(0.05)
    for thread in threads[1:]:
        thread.join(_GRACE)
        if thread.is_alive():
            raise RenderError(f"{program} exited but left a process holding its output open; "
                              "it was stopped")
    if overflow.is_set():
        raise RenderError(f"{program} wrote more than {limit:,} bytes; the output was refused "
                          "(lay out a smaller view with --focus ID --depth N)")
    return b"".join(out), b"".join(err)


def _check_format(output: bytes, fmt: str, program: str) -> None:
    """Refuse output that is not what was asked for: random bytes must not become ``x.svg``."""
    signatures = _SIGNATURES.get(fmt)
    if signatures is None:
        return
    head = output[:1024].lstrip()
    if not head.startswith(signatures) or (fmt == "svg" and b"</svg>" not in output[-4096:]):
        raise RenderError(f"{program} did not write {fmt.upper()} (its output is "
                          f"{len(output):,} bytes of something else); check ARGMAP_DOT")


def _printable(text: str) -> str:
    """``text`` without control characters, so a message cannot move the terminal's cursor."""
    return "".join(c if c.isprintable() else "?" for c in text)[:300]


def _death_signal() -> Callable[[], None] | None:
    """On Linux, a function for the child to run before ``exec``: it asks the kernel to kill
    ``dot`` when argmap dies, even by SIGKILL (``prctl(PR_SET_PDEATHSIG)``). Everything it needs
    is looked up here, in the parent: a forked child must not import."""
    if sys.platform != "linux":
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    kill = int(signal.SIGKILL)

    def die_with_parent() -> None:  # pragma: no cover - runs in the child
        prctl(1, kill, 0, 0, 0)  # 1 is PR_SET_PDEATHSIG

    return die_with_parent


@contextlib.contextmanager
def _stopped_on_term() -> Iterator[None]:
    """Turn SIGTERM (a cancelled CI job) into an exception while ``dot`` runs, so that the
    caller's clean-up stops ``dot``'s whole process group before argmap exits."""
    if threading.current_thread() is not threading.main_thread() or os.name != "posix":
        yield
        return

    def terminate(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) ?\(D:)(\d{14})")


def _fixed_pdf_dates(pdf: bytes) -> bytes:
    """The PDF with its creation time set to 1970, so the same map gives the same bytes.

    Cairo stamps the current time into every PDF; the digits are replaced one for one, so the
    offsets in the PDF's cross-reference table stay right.
    """
    return _PDF_DATE.sub(lambda match: match.group(1) + b"19700101000000", pdf)


def _stop(process: subprocess.Popen[bytes], posix: bool) -> None:
    """Kill ``dot`` and anything it started, close the pipes, and reap it (waiting briefly)."""
    with contextlib.suppress(OSError):
        if posix:
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            process.kill()
    _close(process)
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        process.wait(timeout=5)


def _close(process: subprocess.Popen[bytes]) -> None:
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):
                stream.close()
