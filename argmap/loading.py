"""Reading briefs from files and writing them back.

:func:`read` turns a file into a :class:`Brief` plus the diagnostics found on the way (the text is
not UTF-8, not YAML, not a brief), each at its line and column. :func:`load` is the strict form
that users call: it returns the brief or raises :class:`~argmap.errors.BriefError`. Nothing in a
brief is ever executed; tags that would construct objects are refused.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from argmap.collector import paused_collector
from argmap.diagnostics import Diagnostic, Severity
from argmap.errors import BriefError
from argmap.model import (
    Actor,
    Argument,
    Brief,
    Claim,
    Dialogue,
    Expectations,
    Locution,
    Objection,
    Premise,
    Question,
    Recommendation,
    Source,
)
from argmap.project import default_read_root, leaves_through_link, project_root
from argmap.yamlparse import SourceMap, parse

__all__ = [
    "MAX_ENTRIES",
    "MAX_FILE_BYTES",
    "MAX_UNKNOWN_KEYS",
    "Origin",
    "ReadResult",
    "append_atomic",
    "dump",
    "dumps",
    "load",
    "loads",
    "read",
    "read_bytes",
    "read_text",
    "schema_diagnostics",
    "write_atomic",
]

#: Larger files are refused: no policy brief is this long, and it keeps validation bounded.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: A brief may hold at most this many statements, arguments, actors and questions in all; each
#: costs a few kilobytes of memory while it is checked, so this bounds memory too.
MAX_ENTRIES = 100_000
_SECTIONS = ("claims", "premises", "objections", "recommendations", "arguments", "actors",
             "questions")

_MODEL_AT_DEPTH: dict[tuple[str, ...], type[BaseModel]] = {
    (): Brief,
    ("source",): Source,
    ("expect",): Expectations,
    ("actors", "*"): Actor,
    ("claims", "*"): Claim,
    ("premises", "*"): Premise,
    ("objections", "*"): Objection,
    ("recommendations", "*"): Recommendation,
    ("arguments", "*"): Argument,
    ("dialogue",): Dialogue,
    ("dialogue", "locutions", "*"): Locution,
    ("questions", "*"): Question,
}


@dataclass
class Origin:
    """Where a brief came from: the file, the folder it may read from, and its positions."""

    path: str
    file: Path | None
    root: Path | None
    positions: SourceMap
    parser: str = "libyaml"
    #: The YAML text it was read from (None for JSON), so :func:`dump` can keep its comments.
    text: str | None = None


@dataclass
class ReadResult:
    """A brief read from a file, or the reasons it could not be."""

    path: str
    brief: Brief | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    origin: Origin | None = None
    #: For a brief with field errors (``brief`` is ``None``): the rest of it, with what does not
    #: validate left out or filled in, so the other checks can run (see :mod:`argmap.lenient`).
    partial: Brief | None = None

    @property
    def ok(self) -> bool:
        """True when a brief was read and nothing on the way was an error."""
        return self.brief is not None and not any(
            d.severity is Severity.ERROR for d in self.diagnostics
        )


def _diagnostic(
    path: str,
    code: str,
    message: str,
    line: int | None = 1,
    column: int | None = 1,
    hint: str | None = None,
    severity: Severity = Severity.ERROR,
) -> Diagnostic:
    return Diagnostic(path, line, column, code, severity, message, hint)


def _position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8", "replace")) + 1


def _decode(data: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _position_of_byte(data, error.start)
        return None, [
            _diagnostic(
                path,
                "AM001",
                "the file is not UTF-8 text",
                line,
                column,
                "save the file as UTF-8",
            )
        ]
    return text, []


@paused_collector()
def read_text(
    text: str,
    *,
    path: str = "<string>",
    json_syntax: bool = False,
    file: Path | None = None,
    root: Path | None = None,
) -> ReadResult:
    """Parse and validate a brief's text; never raises for bad input."""
    if not text.strip():
        return ReadResult(
            path,
            None,
            [
                _diagnostic(
                    path,
                    "AM001",
                    "the file is empty",
                    hint="a brief starts with 'argmap: 1', 'id:' and 'title:'",
                )
            ],
        )
    parsed = parse(text, json_syntax=json_syntax)
    origin = Origin(path, file, root, parsed.positions, parsed.parser,
                    None if json_syntax else text)
    diagnostics = [
        _diagnostic(path, p.code, p.message, p.line, p.column, p.hint) for p in parsed.problems
    ]
    fatal = parsed.data is None or any(p.code == "AM001" for p in parsed.problems)
    if parsed.data is None and not parsed.problems:
        diagnostics.append(
            _diagnostic(
                path,
                "AM001",
                "the file holds no YAML document, only comments or blank lines",
                hint="a brief starts with 'argmap: 1', 'id:' and 'title:'",
            )
        )
    if fatal:
        return ReadResult(path, None, diagnostics, origin)
    data = parsed.data
    if not isinstance(data, dict):
        what = "a list" if isinstance(data, list) else "a single value"
        line, column = parsed.positions.value_position(())
        diagnostics.append(
            _diagnostic(
                path,
                "AM001",
                f"a brief must be a mapping of keys to values, but this file holds {what}",
                line,
                column,
                "a brief starts with 'argmap: 1', 'id:' and 'title:'",
            )
        )
        return ReadResult(path, None, diagnostics, origin)
    entries = sum(len(data[key]) for key in _SECTIONS if isinstance(data.get(key), dict))
    if entries > MAX_ENTRIES:
        diagnostics.append(_diagnostic(
            path, "AM001", f"the brief has {entries:,} statements, arguments, actors and "
            f"questions; argmap reads briefs of up to {MAX_ENTRIES:,}", 1, 1,
            "split the brief into several"))
        return ReadResult(path, None, diagnostics, origin)
    diagnostics.extend(_trim_unknown_keys(data, parsed.positions, path))
    try:
        brief = Brief.model_validate(data)
    except ValidationError as error:
        from argmap.lenient import stand_in

        diagnostics.extend(schema_diagnostics(error, data, parsed.positions, path))
        partial, _repaired = stand_in(data, error)
        if partial is not None:
            partial._origin = origin
        return ReadResult(path, None, sorted(diagnostics), origin, partial)
    brief._origin = origin
    return ReadResult(path, brief, sorted(diagnostics), origin)


@paused_collector()
def read(path: str | os.PathLike[str], *, root: str | os.PathLike[str] | None = None) -> ReadResult:
    """Read one brief file; problems come back as diagnostics, never as exceptions.

    ``root`` is the folder the brief's source may be read from; by default the project root
    (the repository holding the current folder) when the brief lies inside it, else the brief's
    own folder (see :mod:`argmap.project`).
    """
    return read_bytes(None, path, root=root)


@paused_collector()
def read_bytes(
    data: bytes | None,
    path: str | os.PathLike[str],
    *,
    root: str | os.PathLike[str] | None = None,
) -> ReadResult:
    """Like :func:`read`, for a file whose bytes have been read already (``None``: read them)."""
    shown = os.fspath(path)
    file = Path(path)
    if leaves_through_link(file, project_root()):
        # A pull request can commit a link to a file outside the repository; its text must
        # never reach a message.
        return ReadResult(shown, None, [_diagnostic(
            shown, "AM001", "this file is a symbolic link that leads outside the project; it "
            "is not read", None, None, "replace the link with the brief itself")])
    if data is None:
        try:
            if file.exists() and not file.is_dir() and not file.is_file():
                # A device or a named pipe could be read forever.
                return ReadResult(shown, None, [_diagnostic(
                    shown, "AM001", "this is not a regular file", None, None,
                    "give the path of a brief file")])
            size = file.stat().st_size
            if size > MAX_FILE_BYTES:
                return ReadResult(
                    shown,
                    None,
                    [
                        _diagnostic(
                            shown,
                            "AM001",
                            f"the file is {size:,} bytes; briefs are limited to {MAX_FILE_BYTES:,}",
                        )
                    ],
                )
            data = file.read_bytes()
        except IsADirectoryError:
            return ReadResult(
                shown,
                None,
                [_diagnostic(shown, "AM001", "this is a folder, not a file", None, None)],
            )
        except OSError as error:
            reason = error.strerror or str(error)
            return ReadResult(
                shown,
                None,
                [_diagnostic(shown, "AM001", f"cannot read the file: {reason}", None, None)],
            )
    text, problems = _decode(data, shown)
    if text is None:
        return ReadResult(shown, None, problems)
    folder = Path(root) if root is not None else default_read_root(file)
    return read_text(
        text,
        path=shown,
        json_syntax=file.suffix.lower() == ".json",
        file=file,
        root=folder,
    )


@paused_collector()
def load(path: str | os.PathLike[str], *, root: str | os.PathLike[str] | None = None) -> Brief:
    """Load a brief from a YAML or JSON file.

    Raises :class:`~argmap.errors.BriefError` (a ``ValueError``) listing every problem, each at
    its line and column, when the file cannot be read as a brief, is missing or unreadable, or
    is larger than :data:`MAX_FILE_BYTES`; nothing else, whatever the file holds.
    """
    result = read(path, root=root)
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if result.brief is None or errors:
        count = len(errors) or 1
        raise BriefError(
            f"{os.fspath(path)}: cannot load the brief ({count} problem{'s' if count > 1 else ''})",
            errors or result.diagnostics,
        )
    return result.brief


@paused_collector()
def loads(text: str, *, path: str = "<string>", json_syntax: bool = False) -> Brief:
    """Load a brief from YAML (or JSON) text; raises :class:`BriefError` like :func:`load`.

    Whatever the text holds, nothing but :class:`BriefError` is raised.
    """
    result = read_text(text, path=path, json_syntax=json_syntax)
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if result.brief is None or errors:
        raise BriefError(f"{path}: cannot load the brief", errors or result.diagnostics)
    return result.brief


# --- schema errors -----------------------------------------------------------------------------

#: A mapping of the format (the brief, a statement, an actor...) reports at most this many
#: unknown keys one by one; the rest are counted in one finding and left out before validation,
#: so 300,000 of them cost no more than a few.
MAX_UNKNOWN_KEYS = 20


def _trim_unknown_keys(data: dict[str, Any], positions: SourceMap, path: str) -> list[Diagnostic]:
    """Drop the unknown keys of each mapping beyond :data:`MAX_UNKNOWN_KEYS`, saying how many."""
    trims: list[tuple[tuple[Any, ...], dict[str, Any], list[str], set[str]]] = []
    for pattern, model in _MODEL_AT_DEPTH.items():
        known = _known_keys(model)
        if not pattern:
            places: list[tuple[tuple[Any, ...], Any]] = [((), data)]
        elif len(pattern) == 1:
            places = [(pattern, data.get(pattern[0]))]
        else:
            section = data.get(pattern[0])
            places = ([((pattern[0], key), value) for key, value in section.items()]
                      if isinstance(section, dict) else [])
        for where, mapping in places:
            if not isinstance(mapping, dict) or len(mapping) <= MAX_UNKNOWN_KEYS:
                continue
            unknown = [key for key in mapping if key not in known]
            if len(unknown) <= MAX_UNKNOWN_KEYS:
                continue
            trims.append((where, mapping, unknown[MAX_UNKNOWN_KEYS:], known))
    # Only the first surplus key of each mapping is ever located: the positions of the rest are
    # forgotten before any is asked, so a re-parse for positions records only what is kept.
    for where, _, surplus, _ in trims:
        positions.forget(where, set(surplus[1:]))
    found: list[Diagnostic] = []
    for where, mapping, surplus, known in trims:
        line, column = positions.key_position((*where, surplus[0]))
        for key in surplus:
            del mapping[key]
        found.append(_diagnostic(
            path, "AM011", f"{len(surplus):,} more unknown keys follow here; only the first "
            f"{MAX_UNKNOWN_KEYS} are listed one by one", line, column,
            f"allowed keys: {', '.join(sorted(known))}"))
    return found


def _known_keys(model: type[BaseModel]) -> set[str]:
    names = set(model.model_fields)
    names.update(f.alias for f in model.model_fields.values() if f.alias)
    return names



def _existing_prefix(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The longest prefix of a validation error's location that names something in the data."""
    current = data
    prefix: list[Any] = []
    for part in loc:
        if (isinstance(current, Mapping) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        ):
            current = current[part]
        elif isinstance(current, list) and isinstance(part, str):
            continue  # a union member's name, such as 'list[str]': not part of the data
        else:
            break
        prefix.append(part)
    return tuple(prefix)


def _without_union_tags(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the tag Pydantic puts in the location of an ``undercuts`` entry's error.

    ``('premises', 'p', 'undercuts', 0, 'support', 'to')`` names the key ``to`` of entry 0: the
    ``'support'`` in between is the form the entry took, not a key of the data.
    """
    for i in range(len(loc) - 2):
        if loc[i] == "undercuts" and isinstance(loc[i + 1], int) and loc[i + 2] in _UNDERCUT_TAGS:
            return (*loc[: i + 2], *loc[i + 3 :])
    return loc


_UNDERCUT_TAGS = ("support", "attack", "id")


def _value_at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _model_for(path: tuple[Any, ...]) -> type[BaseModel] | None:
    pattern = tuple("*" if i % 2 else str(p) for i, p in enumerate(path))
    return _MODEL_AT_DEPTH.get(pattern)


def _short(value: Any) -> str:
    """A key or number as messages show it: never more than 40 characters."""
    shown = repr(value) if isinstance(value, float) else str(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {_short(value)}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


_EXPECTED = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "float_type": "a number",
    "float_parsing": "a number",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "true or false",
}


_BOUNDS = {
    "less_than_equal": "at most",
    "less_than": "less than",
    "greater_than_equal": "at least",
    "greater_than": "more than",
}


def schema_diagnostics(
    error: ValidationError, data: Any, positions: SourceMap, path: str
) -> list[Diagnostic]:
    """Turn Pydantic's validation errors into diagnostics at the offending key or value."""
    grouped: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    extras: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    bad_keys: list[tuple[Any, ...]] = []
    for item in error.errors(include_url=False):
        loc = _without_union_tags(tuple(item["loc"]))
        if loc and loc[-1] == "[key]":  # a key of a mapping of ids, such as 'claims: {1: ...}'
            bad_keys.append(loc[:-1])
            continue
        if item["type"] == "invalid_key":  # a key of a model, such as '1:' at the top
            bad_keys.append((*loc[:-1], item["input"]))
            continue
        if item["type"] == "extra_forbidden":
            extras.append((loc, dict(item)))
            continue
        if item["type"] == "missing":
            grouped.setdefault(loc, []).append(dict(item))
            continue
        grouped.setdefault(_existing_prefix(data, loc), []).append(dict(item))

    # A union (text or a list of texts) fails once per member; when one member got further into
    # the value (into the list), its error is the one that explains the problem.
    # Every proper prefix of a location, collected once: asking each location whether another
    # lies deeper would be quadratic in the number of errors (10,000 numeric ids).
    has_deeper = {other[:end] for other in grouped for end in range(len(other))}
    for loc in list(grouped):
        if loc in has_deeper and all(tuple(item["loc"]) != loc for item in grouped[loc]):
            del grouped[loc]

    diagnostics: list[Diagnostic] = []
    for loc in bad_keys:
        line, column = positions.key_position(loc)
        where = f" in '{_short(loc[-2])}'" if len(loc) >= 2 else ""
        key = loc[-1]
        diagnostics.append(_diagnostic(
            path, "AM010", f"the key {_short(key)}{where} must be text, not {_describe(key)}",
            line, column,
            "put the key in quotes, or better, name it in words: ids are kebab-case text"))
    for loc, _item in extras:
        key = loc[-1]
        parent = loc[:-1]
        model = _model_for(parent)
        allowed = sorted(model.model_fields) if model is not None else []
        if len(parent) >= 2 and parent[-2] == "undercuts":
            allowed = ["attack", "support", "to"]
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = (
            f"did you mean '{close[0]}'?"
            if close
            else (f"allowed keys: {', '.join(allowed)}" if allowed else None)
        )
        line, column = positions.key_position(loc)
        diagnostics.append(_diagnostic(path, "AM011", f"unknown key '{key}'", line, column, hint))

    for loc, items in grouped.items():
        first = items[0]
        if first["type"] == "missing":
            key = loc[-1]
            parent = loc[:-1]
            line, column = (
                positions.key_position(parent) if parent else positions.value_position(())
            )
            where = f" in '{parent[-1]}'" if parent else ""
            if parent and isinstance(parent[-1], int) and len(parent) >= 2:
                where = f" in item {parent[-1] + 1} of '{parent[-2]}'"
            hint = "add 'argmap: 1' at the top of the file" if loc == ("argmap",) else None
            diagnostics.append(
                _diagnostic(
                    path, "AM010", f"the required key '{key}' is missing{where}", line, column, hint
                )
            )
            continue
        value = _value_at(data, loc)
        line, column = positions.value_position(loc)
        parent_value = _value_at(data, loc[:-1]) if loc else None
        name = (
            f"'{_short(loc[-1])}'"
            if loc and (isinstance(loc[-1], str) or isinstance(parent_value, Mapping))
            else (
                f"item {loc[-1] + 1} of '{loc[-2]}'"
                if len(loc) >= 2 and isinstance(loc[-1], int)
                else "the brief"
            )
        )
        kinds = [_EXPECTED.get(i["type"]) for i in items]
        hint = None
        if first["type"] == "literal_error" and loc == ("argmap",):
            message = f"unsupported format version {value!r}; this argmap reads version 1"
            hint = "write 'argmap: 1'"
        elif all(kinds):
            wanted = " or ".join(dict.fromkeys(k for k in kinds if k))
            message = f"{name} must be {wanted}, not {_describe(value)}"
            if "text" in wanted and isinstance(value, (bool, int, float)):
                hint = "put the value in quotes to keep it as text"
            elif "a mapping" in wanted and isinstance(value, str) and len(loc) == 2:
                hint = "write the statement as a mapping with at least 'text:'"
        elif first["type"] == "string_too_short":
            message = f"{name} must not be empty"
        elif isinstance(value, float) and value != value:  # NaN fails every bound
            message = f"{name} must be a number, not .nan (which is no number)"
        elif first["type"] in _BOUNDS and isinstance(value, (int, float)):
            bound = next(iter((first.get("ctx") or {"": "?"}).values()))
            message = f"{name} must be {_BOUNDS[first['type']]} {bound}, not {_short(value)}"
        else:
            message = f"{name}: {first['msg']}"
        diagnostics.append(_diagnostic(path, "AM010", message, line, column, hint))
    return diagnostics


# --- writing -----------------------------------------------------------------------------------


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write a file all at once: readers see the old file or the new one, never half of it.

    An ``OSError`` names ``path`` itself, not the temporary file the data goes through.
    """
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent or ".", prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(target)) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes a private file; give it the mode the file had, or that a new file gets.
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise OSError(error.errno, error.strerror, str(target)) from error
        raise


def append_atomic(path: str | os.PathLike[str], content: str) -> None:
    """Append ``content`` to a file (made if missing) all at once, or not at all.

    The text goes out in one appending write; when the disk fills half-way, the file is cut back
    to its old length, so no reader ever sees half a report. An ``OSError`` names ``path``.
    """
    target = os.fspath(path)
    data = content.encode("utf-8")
    try:
        handle = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
    except OSError as error:
        raise OSError(error.errno, error.strerror, target) from error
    try:
        status = os.fstat(handle)
        start = status.st_size
        view = memoryview(data)
        written = 0
        try:
            while written < len(data):
                written += os.write(handle, view[written:])
        except OSError as error:
            if stat.S_ISREG(status.st_mode):
                with contextlib.suppress(OSError):
                    os.ftruncate(handle, start)
            raise OSError(error.errno, error.strerror, target) from error
    finally:
        os.close(handle)


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def dumps(brief: Brief) -> str:
    """The brief as YAML text; :func:`loads` reads it back equal.

    A brief loaded from a YAML file is written as that file changed where the brief differs:
    its comments (the ``yaml-language-server`` line, ``# argmap: ignore[...]``), key order and
    quoting stay. Any other brief is written with keys in the format's order.

    Never raises for a brief that :func:`load` or :func:`loads` returned. A brief built or
    changed in code can hold what no file can: for a lone surrogate (half of a UTF-16 pair,
    such as ``"\\ud800"``) in a text or an id it raises :class:`BriefError`, naming where.
    """
    from argmap.yamlwrite import to_yaml

    _refuse_surrogates(brief.model_dump(exclude_defaults=True))
    data = brief.model_dump(mode="json", exclude_defaults=True)
    original = getattr(brief._origin, "text", None)
    if original is not None:
        from argmap.roundtrip import edit_text

        edited = edit_text(original, data)
        if edited is not None and read_text(edited).brief == brief:
            return edited
    return to_yaml(data)


def _refuse_surrogates(data: Any) -> None:
    """Raise :class:`BriefError` naming the first key or text of ``data`` (a brief's Python-mode
    dump: the JSON mode would turn a surrogate in a key into U+FFFD unnoticed) that holds a lone
    surrogate: no UTF-8 file can hold one, so the brief cannot be written to be read back."""
    stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    while stack:
        path, item = stack.pop()
        texts: list[tuple[tuple[Any, ...], str]] = []
        if isinstance(item, str):
            texts.append((path, item))
        elif isinstance(item, dict):
            texts.extend(((*path, key), key) for key in item if isinstance(key, str))
            stack.extend(((*path, key), value) for key, value in reversed(item.items()))
        elif isinstance(item, (list, tuple)):
            stack.extend(((*path, i), value) for i, value in reversed(list(enumerate(item))))
        for where, text in texts:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as error:
                shown = ".".join(
                    str(part).encode("utf-8", "backslashreplace").decode("utf-8")
                    if not isinstance(part, int) else f"[{part}]"
                    for part in where
                ).replace(".[", "[") or "the brief"
                char = f"\\u{ord(text[error.start]):04x}"
                raise BriefError(
                    f"the brief cannot be written: '{shown}' holds the lone surrogate {char}, "
                    "half of a UTF-16 pair, which no text file can hold; replace it with the "
                    "character it was meant to be"
                ) from None


def dump(brief: Brief, path: str | os.PathLike[str]) -> None:
    """Write the brief to ``path`` atomically, as JSON when its name ends in ``.json`` and as
    YAML otherwise; ``load(path)`` gives it back equal. YAML keeps the comments of the file
    the brief was loaded from (see :func:`dumps`).

    Raises ``OSError`` (naming ``path``) when the file cannot be written, and
    :class:`BriefError` as :func:`dumps` does, before any file is touched; nothing else.
    """
    if os.fspath(path).lower().endswith(".json"):
        from argmap.convert import dumps_json

        _refuse_surrogates(brief.model_dump(exclude_defaults=True))
        write_atomic(path, dumps_json(brief))
        return
    write_atomic(path, dumps(brief))
