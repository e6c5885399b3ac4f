"""A live preview: ``argmap serve brief.yaml`` (or a folder) on http://127.0.0.1.

Each brief is validated and drawn as the interactive map, with its findings beside the map.
When a brief or its source changes on disk, the preview validates and draws it again, prints the
findings on the terminal, and tells the open pages to reload themselves through a server-sent
event stream. Nothing stops the server but the user: a brief that stops parsing keeps its last
good map under a banner with the new findings, a deleted brief shows a message until it comes
back, and a map that cannot be drawn (no ``dot``, a timeout) says why in the page.

Changes are noticed with :mod:`watchfiles` when it is installed (``pip install 'argmap[serve]'``)
and by looking at the files' sizes and times twice a second otherwise. The server listens on the
loopback interface only, answers only requests addressed to it by name (no DNS rebinding), and
serves nothing but the pages it draws: no file from disk.
"""

from __future__ import annotations

import contextlib
import errno
import html
import http.server
import importlib.util
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from argmap.errors import ArgmapError

__all__ = ["DEFAULT_PORT", "Preview", "ServeError"]

#: The port tried first; when it is taken and no port was asked for, the next ones are tried.
DEFAULT_PORT = 8000
_PORTS_TRIED = 20
_POLL_SECONDS = 0.5
_KEEPALIVE_SECONDS = 15.0


class ServeError(ArgmapError, OSError):
    """The preview cannot start (the port is taken, or the path is not a brief or folder)."""


@dataclass
class _Brief:
    """What the preview knows of one brief file."""

    file: Path
    name: str  # as shown and as its URL path
    fingerprint: tuple[Any, ...] = ()
    version: int = 0
    page: bytes = b""
    good: dict[str, Any] | None = None  # the last map that could be drawn
    summary: str = ""
    findings: list[str] = field(default_factory=list)  # the lines the terminal shows


@dataclass
class _Options:
    render: Mapping[str, Any] = field(default_factory=dict)
    evaluate: bool = False
    semantics: str = "grounded"


class Preview:
    """The preview server for one brief file or a folder of briefs.

    ``start()`` binds the port (``port=0``: any free one; ``None``: :data:`DEFAULT_PORT` or the
    next free one) and returns at once, serving in background threads; ``stop()`` ends it.
    ``echo`` receives each line meant for the terminal.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        port: int | None = None,
        root: str | os.PathLike[str] | None = None,
        render: Mapping[str, Any] | None = None,
        evaluate: bool = False,
        semantics: str = "grounded",
        echo: Callable[[str], None] = print,
        poll_seconds: float = _POLL_SECONDS,
    ) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise ServeError(f"no such file or folder: {self.path}")
        self.folder = self.path if self.path.is_dir() else self.path.parent
        self.root = Path(root) if root is not None else None
        self.options = _Options(dict(render or {}), evaluate, semantics)
        self.echo = echo
        self.poll_seconds = poll_seconds
        self.briefs: dict[str, _Brief] = {}
        self.changed = threading.Condition()
        self.stopping = threading.Event()
        self.server: _Server | None = None
        self.threads: list[threading.Thread] = []
        self.port = 0

    # --- running ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self, port: int | None = None) -> None:
        """Draw every brief once, bind the port and serve in the background."""
        self.refresh()
        self.server = self._bind(port)
        self.port = self.server.server_address[1]
        self.server.preview = self
        serving = threading.Thread(target=self.server.serve_forever, name="argmap-serve",
                                   kwargs={"poll_interval": 0.2}, daemon=True)
        watching = threading.Thread(target=self._watch, name="argmap-watch", daemon=True)
        self.threads = [serving, watching]
        for thread in self.threads:
            thread.start()

    def stop(self) -> None:
        """Stop serving and watching; open event streams end."""
        self.stopping.set()
        with self.changed:
            self.changed.notify_all()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        for thread in self.threads:
            thread.join(timeout=5)

    def _bind(self, port: int | None) -> _Server:
        candidates = [port] if port is not None else list(
            range(DEFAULT_PORT, DEFAULT_PORT + _PORTS_TRIED))
        for number in candidates:
            try:
                return _Server(("127.0.0.1", number), _Handler)
            except OSError as error:
                if error.errno != errno.EADDRINUSE:
                    raise ServeError(f"cannot listen on 127.0.0.1:{number}: "
                                     f"{error.strerror or error}") from error
                if port is None and number != candidates[-1]:
                    continue
                hint = ("give another with --port, or --port 0 for any free port"
                        if port is not None else "give a free one with --port")
                what = f"port {number} is" if port is not None else \
                    f"ports {candidates[0]}-{candidates[-1]} are"
                raise ServeError(f"{what} in use on 127.0.0.1; {hint}") from None
        raise ServeError("no port to listen on")  # pragma: no cover - candidates is never empty

    def version(self, name: str) -> int:
        """How often the page of brief ``name`` has been drawn (-1: no such brief)."""
        state = self.briefs.get(name)
        return state.version if state is not None else -1

    def wait_for_change(self, name: str, seen: int, timeout: float) -> int:
        """Wait until brief ``name``'s page is not version ``seen`` (or the preview stops, or
        ``timeout`` seconds pass); return its version then."""
        with self.changed:
            self.changed.wait_for(
                lambda: self.version(name) != seen or self.stopping.is_set(), timeout=timeout)
            return self.version(name)

    def _watch(self) -> None:
        """Refresh whenever something under the folder changes, until stopped."""
        if importlib.util.find_spec("watchfiles") is not None:
            import watchfiles

            try:
                for _ in watchfiles.watch(self.folder, stop_event=self.stopping, debounce=150,
                                          rust_timeout=1000, yield_on_timeout=True,
                                          raise_interrupt=False,
                                          recursive=self.path.is_dir()):
                    self._refresh_safely()
                return
            except (OSError, RuntimeError) as error:  # the folder went away, or no watcher
                self.echo(f"argmap serve: watching stopped ({error}); looking every "
                          f"{self.poll_seconds:g} s instead")
        while not self.stopping.wait(self.poll_seconds):
            self._refresh_safely()

    def _refresh_safely(self) -> None:
        try:
            self.refresh()
        except Exception as error:  # the preview must outlive any one failure
            self.echo(f"argmap serve: could not refresh: {error}")

    # --- the briefs ------------------------------------------------------------------------

    def _files(self) -> list[Path]:
        if not self.path.is_dir():
            return [self.path]
        if not self.path.exists():
            return []
        from argmap.cli.validate import discover

        return [file for file, _ in discover([self.path])]

    def refresh(self) -> None:
        """Validate and draw again each brief whose file or source changed; tell its pages."""
        files = self._files()
        names = {self._name(file): file for file in files}
        if not self.path.is_dir():
            names = {self._name(self.path): self.path}
        for name, file in names.items():
            state = self.briefs.get(name)
            if state is None:
                state = self.briefs[name] = _Brief(file, name)
            fingerprint = self._fingerprint(file)
            if fingerprint == state.fingerprint and state.page:
                continue
            state.fingerprint = fingerprint
            self._build(state)
            self._announce(state)
            with self.changed:
                state.version += 1
                self.changed.notify_all()
        for name in [n for n in self.briefs if n not in names]:
            state = self.briefs[name]
            if state.file.exists():  # no longer a brief: it leaves the preview
                del self.briefs[name]
            elif state.fingerprint != (fingerprint := self._fingerprint(state.file)):
                state.fingerprint = fingerprint
                self._build(state)  # deleted: its page says so until it is back
                self._announce(state)
            else:
                continue
            with self.changed:
                state.version += 1
                self.changed.notify_all()

    def _announce(self, state: _Brief) -> None:
        self.echo(f"{time.strftime('%H:%M:%S')} {state.summary}")
        for line in state.findings:
            self.echo(f"  {line}")

    def _name(self, file: Path) -> str:
        if self.path.is_dir():
            return file.relative_to(self.path).as_posix()
        return file.name

    def _fingerprint(self, file: Path) -> tuple[Any, ...]:
        """Sizes and times of the brief and of the source files beside it."""
        def stamp(path: Path) -> tuple[Any, ...]:
            try:
                info = path.stat()
            except OSError:
                return (str(path), None)
            return (str(path), info.st_size, info.st_mtime_ns)

        parts = [stamp(file)]
        sources = file.parent / "sources"
        if sources.is_dir():
            with contextlib.suppress(OSError):
                parts.extend(stamp(p) for p in sorted(sources.iterdir()) if p.is_file())
        return tuple(parts)

    def _build(self, state: _Brief) -> None:
        """Validate the brief and draw its page (or the page that says why there is none)."""
        from argmap.errors import RenderError
        from argmap.loading import read
        from argmap.publish.html import diagnostic_data, layout_data, page

        live = f"/events?b={quote(state.name)}&v={state.version + 1}"
        title = state.name
        state.findings = []
        if not state.file.is_file():
            state.summary = f"{state.name}: deleted or moved; waiting for it to come back"
            state.page = self._page({"title": title, "error": f"{state.name} was deleted or "
                                     "moved. The preview shows it again when it is back."},
                                    title, live)
            return
        diagnostics = self._diagnostics(state.file)
        state.findings = [str(d) for d in diagnostics]
        result = read(state.file, root=self.root)
        counted = _count(diagnostics)
        if result.brief is None or not result.ok:
            state.summary = f"{state.name}: does not load ({counted})"
            message = (f"{state.name} does not load as a brief; the findings say why."
                       + (" The map is the last one that loaded." if state.good else ""))
            data = dict(state.good or {"title": title})
            data.update(error=message, diagnostics=[diagnostic_data(d) for d in diagnostics])
            state.page = self._page(data, str(data.get("title") or title), live)
            return
        brief = result.brief
        try:
            data = layout_data(brief, **self.options.render)
        except RenderError as error:
            state.summary = f"{state.name}: cannot draw the map: {error}"
            state.page = self._page({"title": brief.title, "error": str(error),
                                     "diagnostics": [diagnostic_data(d) for d in diagnostics]},
                                    brief.title, live)
            return
        data["view"] = {"evaluate": self.options.evaluate, "semantics": self.options.semantics}
        state.good = dict(data)
        data["diagnostics"] = [diagnostic_data(d) for d in diagnostics]
        state.summary = f"{state.name}: {counted}; map drawn"
        state.page = page(data, title=brief.title, live=live).encode("utf-8")

    def _page(self, data: Mapping[str, Any], title: str, live: str) -> bytes:
        from argmap.publish.html import page

        return page(data, title=title, live=live).encode("utf-8")

    def _diagnostics(self, file: Path) -> list[Any]:
        """The findings ``argmap validate`` would print for ``file`` (configuration included)."""
        from argmap.cli.validate import validate_paths
        from argmap.config import resolve_config

        try:
            config = resolve_config()
        except ArgmapError as error:
            self.echo(f"argmap serve: the configuration is not used: {error}")
            config = None
        return list(validate_paths([file], config).report.diagnostics)

    # --- answering -------------------------------------------------------------------------

    def index(self) -> bytes:
        """The folder's page: a link to each brief's map, with its state."""
        items = "".join(
            f'<li><a href="/b/{quote(name)}">{html.escape(name)}</a> '
            f"<small>{html.escape(state.summary.split(': ', 1)[-1])}</small></li>"
            for name, state in sorted(self.briefs.items()))
        empty = "" if items else "<p>No briefs in this folder yet (a brief declares argmap:).</p>"
        return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
                f"<title>argmap serve: {html.escape(self.path.name)}</title></head><body>"
                f"<h1>Briefs in {html.escape(self.path.name)}</h1>{empty}<ul>{items}</ul>"
                "</body></html>\n").encode()


def _count(diagnostics: list[Any]) -> str:
    if not diagnostics:
        return "no findings"
    return f"{len(diagnostics)} finding{'s' if len(diagnostics) != 1 else ''}"


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    preview: Preview


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not logged: the terminal is for the briefs' findings."""

    def do_GET(self) -> None:
        preview = self.server.preview
        if not self._addressed_to_us():
            self._send(421, b"this preview answers requests for 127.0.0.1 or localhost only\n",
                       "text/plain; charset=utf-8")
            return
        url = urlsplit(self.path)
        single = not preview.path.is_dir()
        if url.path == "/events":
            self._events(parse_qs(url.query))
        elif url.path == "/" and single:
            self._brief(next(iter(preview.briefs), ""))
        elif url.path == "/":
            self._send(200, preview.index(), "text/html; charset=utf-8")
        elif url.path.startswith("/b/") and not single:
            self._brief(unquote(url.path[3:]))
        elif url.path == "/favicon.ico":
            self._send(204, b"", "image/x-icon")
        else:
            self._send(404, b"not found\n", "text/plain; charset=utf-8")

    def _addressed_to_us(self) -> bool:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]").lower()
        return host in ("127.0.0.1", "localhost")

    def _brief(self, name: str) -> None:
        state = self.server.preview.briefs.get(name)
        if state is None:
            self._send(404, b"no such brief in this preview\n", "text/plain; charset=utf-8")
            return
        self._send(200, state.page, "text/html; charset=utf-8")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body)

    def _events(self, query: dict[str, list[str]]) -> None:
        """Server-sent events: 'reload' once the brief's page is newer than the one shown."""
        preview = self.server.preview
        name = query.get("b", [""])[0]
        try:
            seen = int(query.get("v", ["0"])[0])
        except ValueError:
            seen = 0
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

        try:
            self.wfile.write(b"retry: 1000\n\n")
            self.wfile.flush()
            while True:
                current = preview.wait_for_change(name, seen, _KEEPALIVE_SECONDS)
                if preview.stopping.is_set():
                    return
                if current != seen:
                    seen = current
                    self.wfile.write(f"event: reload\ndata: {current}\n\n".encode())
                else:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except OSError:  # the page went away
            return
