"""The live preview end to end: a real server on a free port, real files changed on disk, the
page fetched over HTTP and the reload event read from the event stream."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.serve import Preview, ServeError

REPO = Path(__file__).resolve().parents[1]
KARASIN = REPO / "briefs" / "karasin-abashidze-2014.yaml"
DATA = re.compile(r'<script type="application/json" id="argmap-data">(.*?)</script>', re.S)

pytestmark = pytest.mark.dot


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(KARASIN, tmp_path / KARASIN.name)
    shutil.copytree(REPO / "briefs" / "sources", tmp_path / "sources")
    return tmp_path


@pytest.fixture
def preview(folder: Path) -> Iterator[tuple[Preview, list[str]]]:
    lines: list[str] = []
    running = Preview(folder / KARASIN.name, echo=lines.append, poll_seconds=0.1)
    running.start(0)
    yield running, lines
    running.stop()


def fetch(url: str, host: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def data_of(page: str) -> dict:
    match = DATA.search(page)
    assert match is not None, page[:300]
    return json.loads(match.group(1))


class Events:
    """Reads a page's event stream in the background."""

    def __init__(self, url: str) -> None:
        self.answer = urllib.request.urlopen(url, timeout=30)
        self.lines: list[str] = []
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        try:
            for raw in self.answer:
                self.lines.append(raw.decode().rstrip("\n"))
        except (OSError, ValueError):
            pass

    def wait_for(self, text: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.lines:
                return
            time.sleep(0.05)
        raise AssertionError(f"no {text!r} in the event stream: {self.lines}")


def wait_until(check, timeout: float = 20) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError("the preview did not catch up")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_saved_change_reaches_the_page_with_its_findings(
    preview: tuple[Preview, list[str]], folder: Path
) -> None:
    running, lines = preview
    status, page = fetch(running.url)
    assert status == 200
    first = data_of(page)
    assert first["nodes"] and first["diagnostics"] == []
    live = first["live"]
    assert "connect-src 'self'" in page
    events = Events(running.url.rstrip("/") + live)
    brief = folder / KARASIN.name

    # A new title and a broken reference: a new map and a new finding arrive.
    edit(brief, "\ntitle: ", "\ntitle: Edited while previewed. ")
    edit(brief, "supports: [", "supports: [no-such-statement, ")
    events.wait_for("event: reload")
    second = data_of(fetch(running.url)[1])
    assert second["title"].startswith("Edited while previewed.")
    assert any("no-such-statement" in d["message"] for d in second["diagnostics"])
    assert second["live"] != live
    assert any("finding" in line for line in lines)
    assert any("no-such-statement" in line for line in lines)


def test_a_brief_that_stops_parsing_keeps_its_last_map_under_the_findings(
    preview: tuple[Preview, list[str]], folder: Path
) -> None:
    running, lines = preview
    brief = folder / KARASIN.name
    good = brief.read_text(encoding="utf-8")
    nodes = len(data_of(fetch(running.url)[1])["nodes"])
    brief.write_text(good + "\nclaims: [unclosed\n", encoding="utf-8")
    wait_until(lambda: "error" in data_of(fetch(running.url)[1]))
    broken = data_of(fetch(running.url)[1])
    assert "does not load" in broken["error"] and "last one that loaded" in broken["error"]
    assert len(broken["nodes"]) == nodes
    assert any(d["code"] == "AM001" for d in broken["diagnostics"])
    assert any("does not load" in line for line in lines)

    brief.unlink()
    wait_until(lambda: "deleted" in data_of(fetch(running.url)[1]).get("error", ""))
    assert any("deleted or moved" in line for line in lines)

    brief.write_text(good, encoding="utf-8")
    wait_until(lambda: "error" not in data_of(fetch(running.url)[1]))
    assert len(data_of(fetch(running.url)[1])["nodes"]) == nodes


def test_the_preview_answers_only_for_its_own_name_and_serves_no_files(
    preview: tuple[Preview, list[str]],
) -> None:
    running, _ = preview
    assert fetch(running.url, host="attacker.example")[0] == 421
    assert fetch(running.url + "sources/karasin-abashidze-2014.txt")[0] == 404
    assert fetch(running.url + "b/../../etc/passwd")[0] == 404


def test_stopping_closes_the_port_and_ends_the_streams(folder: Path) -> None:
    running = Preview(folder / KARASIN.name, echo=lambda line: None)
    running.start(0)
    events = Events(running.url + "events?b=x&v=-1")
    running.stop()
    events.thread.join(timeout=5)
    assert not events.thread.is_alive()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", running.port), timeout=2).close()
    assert not any(thread.is_alive() for thread in running.threads)


def test_a_port_in_use_is_a_clear_error(folder: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServeError, match=f"port {port} is in use.*--port 0"):
            Preview(folder / KARASIN.name, echo=lambda line: None).start(port)


def test_a_folder_is_served_as_an_index_of_maps(folder: Path) -> None:
    running = Preview(folder, echo=lambda line: None, poll_seconds=0.1)
    running.start(0)
    try:
        status, index = fetch(running.url)
        assert status == 200 and 'href="/b/karasin-abashidze-2014.yaml"' in index
        assert data_of(fetch(running.url + "b/karasin-abashidze-2014.yaml")[1])["nodes"]
        shutil.copy(folder / KARASIN.name, folder / "second.yaml")
        wait_until(lambda: "second.yaml" in fetch(running.url)[1])
        assert fetch(running.url + "b/nothing.yaml")[0] == 404
    finally:
        running.stop()


def test_the_command_serves_until_interrupted(folder: Path) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", str(folder / KARASIN.name), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        url = None
        assert process.stderr is not None
        for line in process.stderr:
            found = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
            if found:
                url = found.group(1)
                break
        assert url is not None
        assert data_of(fetch(url)[1])["nodes"]
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)  # a loaded machine can be slow to stop
        assert process.returncode == 0, err
        assert "stopped" in err and "Traceback" not in err
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_the_command_says_when_the_port_is_taken(folder: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "serve", str(folder / KARASIN.name),
             "--port", str(port)], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert f"port {port} is in use" in done.stderr and "Traceback" not in done.stderr
