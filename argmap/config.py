"""Which rules apply where: configuration files and inline suppression comments.

Settings live in ``[tool.argmap]`` of a ``pyproject.toml`` or at the top level of an
``argmap.toml``. :func:`find_config` walks up from the current folder, never beyond the project
root (the repository, see :mod:`argmap.project`), to the first folder that has an
``argmap.toml`` or a ``pyproject.toml`` with a ``[tool.argmap]`` table (``argmap.toml`` wins
when a folder has both). Settings are never read from beside the briefs a run is given: a pull
request could put them there. Keys::

    select = ["AM1", "AM2"]            # only these codes or prefixes (default: every rule)
    ignore = ["AM305"]                 # never these (ignore wins over select)
    per-file-ignores = {"briefs/drafts/**" = ["AM2"]}   # globs relative to the config file
    strict = true                      # warnings fail the run too
    root = "briefs"                    # narrow the folder sources may be read from
    format = "text"                    # the default reporter

    [tool.argmap.rendered]             # committed outputs that `argmap check-rendered` checks
    "docs/maps/georgia.svg" = "briefs/georgia.yaml"
    "docs/maps/georgia.md" = {brief = "briefs/georgia.yaml", options = ["--template", "t.md.j2"]}

A configuration file is part of the tree, and a pull request can change it, so it can only
narrow what argmap may touch: ``root`` must lie inside the project root, the ``rendered`` outputs
and briefs too, and their ``options`` may not name ``--root``, ``--output`` or a template outside
the project. Only the command line (``--root``) widens the read root.

A wrong key, an unknown rule code, or a value of the wrong type is a
:class:`~argmap.errors.ConfigError` naming the file, never silence: a misspelt ``ignore`` would
otherwise switch nothing off and nobody would notice.

A brief can silence a finding where it stands with a YAML comment at the end of the line the
finding points at: ``# argmap: ignore[AM205]``, ``# argmap: ignore[AM205, AM203]``, or a bare
``# argmap: ignore`` for every code on that line. ``# argmap: ignore-file[AM305]`` anywhere in
the file silences those codes in the whole file. :func:`suppressions` reads these comments.
"""

from __future__ import annotations

import dataclasses
import difflib
import fnmatch
import os
import re
import sys
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import ConfigError
from argmap.project import is_inside, leaves_through_link, project_root, shown_path

if TYPE_CHECKING:
    from types import ModuleType

__all__ = [
    "CONFIG_KEYS",
    "Config",
    "RenderedOutput",
    "Suppressions",
    "check_codes",
    "find_config",
    "load_config",
    "resolve_config",
    "suppressions",
]

#: Every key the configuration may have.
CONFIG_KEYS = ("format", "ignore", "per-file-ignores", "rendered", "root", "select", "strict")

_ARGMAP_TOML = "argmap.toml"
_PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class RenderedOutput:
    """A committed diagram or summary, the brief it is made from, and extra options for the
    ``render`` or ``summary`` command (paths absolute)."""

    output: Path
    brief: Path
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    """Settings for a validation run, read from a file and overridden from the command line.

    ``file`` is where the settings came from (``None``: defaults only). ``root`` is absolute.
    ``select`` is ``None`` for every rule. ``per_file_ignores`` pairs a glob, relative to the
    configuration file's folder, with the codes it switches off there.
    """

    file: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    strict: bool | None = None
    root: Path | None = None
    output_format: str | None = None
    rendered: tuple[RenderedOutput, ...] = ()
    _patterns: tuple[tuple[_Glob, bool, tuple[str, ...]], ...] = field(
        default=(), init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        compiled = tuple(
            (_Glob(glob), "/" not in glob, codes) for glob, codes in self.per_file_ignores
        )
        object.__setattr__(self, "_patterns", compiled)

    @property
    def base(self) -> Path:
        """The folder that relative paths in the configuration start from."""
        return self.file.parent if self.file is not None else Path.cwd()

    def ignored_for(self, path: str | os.PathLike[str]) -> tuple[str, ...]:
        """Codes and prefixes switched off for the brief at ``path``: ``ignore`` plus its globs.

        A glob without ``/`` matches the file name wherever the file is; any other glob matches
        the path relative to the configuration file's folder (``**`` crosses folders).
        """
        if not self._patterns:
            return self.ignore
        absolute = os.path.abspath(path)
        try:
            relative = Path(os.path.relpath(absolute, os.path.abspath(self.base))).as_posix()
        except ValueError:  # another drive, on Windows: no relative path exists
            relative = Path(absolute).as_posix()
        name = Path(absolute).name
        codes = list(self.ignore)
        for pattern, name_only, ignored in self._patterns:
            if pattern.fullmatch(name if name_only else relative):
                codes.extend(ignored)
        return tuple(codes)

    def override(self, **changes: Any) -> Config:
        """A copy with the given settings replaced; ``None`` leaves a setting as it is.

        This is how command-line options take precedence over the file.
        """
        given = {key: value for key, value in changes.items() if value is not None}
        return dataclasses.replace(self, **given)


def find_config(start: str | os.PathLike[str] | None = None) -> Path | None:
    """The configuration file that applies at ``start`` (the current folder by default), or
    ``None``.

    Walks up from ``start`` to the first folder with an ``argmap.toml``, or a ``pyproject.toml``
    that has a ``[tool.argmap]`` table, stopping at the project root (the repository holding
    ``start``; outside one, ``start`` itself). A ``pyproject.toml`` without one is passed by, so
    a nested Python package does not hide the repository's settings.
    """
    folder = Path(os.path.abspath(start if start is not None else os.getcwd()))
    if not folder.is_dir():
        folder = folder.parent
    top = project_root(folder)
    for candidate in (folder, *folder.parents):
        if not is_inside(candidate, top):
            break
        own = candidate / _ARGMAP_TOML
        if own.is_file():
            return own
        pyproject = candidate / _PYPROJECT
        if pyproject.is_file() and _has_argmap_table(pyproject):
            return pyproject
    return None


def _toml() -> ModuleType:
    """The TOML parser, imported when a file is to be read: most runs read none."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    parser: ModuleType = tomllib
    return parser


def _has_argmap_table(pyproject: Path) -> bool:
    # A key that says "argmap" spells it out or escapes one of its letters (\u or \U, in a
    # quoted key): a file with neither has no [tool.argmap] table and is not parsed at all.
    raw = _read_quietly(pyproject)
    if b"argmap" not in raw and b"\\u" not in raw and b"\\U" not in raw:
        return False
    tomllib = _toml()
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml is not ours to judge unless it is the one we read.
        return b"[tool.argmap" in _read_quietly(pyproject)
    tool = data.get("tool")
    return isinstance(tool, dict) and "argmap" in tool


def _read_quietly(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def load_config(file: str | os.PathLike[str]) -> Config:
    """Read and check one configuration file; raises :class:`ConfigError` when it is wrong."""
    path = Path(file)
    shown = _shown(path)
    tomllib = _toml()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(
            f"{shown}: cannot read the configuration: {error.strerror or error}"
        ) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: the configuration is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{shown}: not valid TOML: {error}") from None
    if path.name == _PYPROJECT:
        tool = data.get("tool", {})
        table = tool.get("argmap", {}) if isinstance(tool, dict) else {}
        where = f"{shown} [tool.argmap]"
    else:
        table = data
        where = shown
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: 'argmap' must be a table of settings")
    return _config_from_table(table, path, where)


def _shown(path: Path) -> str:
    """A configuration file's path as messages show it: relative to the working folder."""
    return shown_path(path)


def _config_from_table(table: Mapping[str, Any], path: Path, where: str) -> Config:
    unknown = sorted(set(table) - set(CONFIG_KEYS))
    if unknown:
        key = unknown[0]
        close = difflib.get_close_matches(key, CONFIG_KEYS, n=1, cutoff=0.6)
        hint = (
            f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(CONFIG_KEYS)}"
        )
        raise ConfigError(f"{where}: unknown key '{key}'{hint}")

    select = table.get("select")
    if select is not None:
        select = _codes(select, "select", where)
    ignore = _codes(table.get("ignore", []), "ignore", where)

    per_file: list[tuple[str, tuple[str, ...]]] = []
    globs = table.get("per-file-ignores", {})
    if not isinstance(globs, dict):
        raise ConfigError(f"{where}: 'per-file-ignores' must be a table of globs to lists of codes")
    for glob, codes in globs.items():
        if not glob:
            raise ConfigError(f"{where}: 'per-file-ignores' has an empty glob")
        per_file.append((glob, _codes(codes, f"per-file-ignores '{glob}'", where)))

    strict = table.get("strict")
    if strict is not None and not isinstance(strict, bool):
        raise ConfigError(f"{where}: 'strict' must be true or false")

    project = project_root(os.path.abspath(path.parent))
    root: Path | None = None
    if "root" in table:
        if not isinstance(table["root"], str) or not table["root"]:
            raise ConfigError(f"{where}: 'root' must be a folder path, relative to {path.name}")
        root = Path(os.path.abspath(path.parent / table["root"]))
        if not root.is_dir():
            raise ConfigError(f"{where}: 'root' names '{table['root']}', which is not a folder")
        if not is_inside(root, project) or leaves_through_link(root, project):
            raise ConfigError(
                f"{where}: 'root' names '{table['root']}', which is outside the project "
                f"'{shown_path(project)}'; a configuration may only narrow the folder briefs "
                "read from; to widen it, pass --root on the command line"
            )

    output_format = table.get("format")
    if output_format is not None:
        from argmap.reporters import reporter_names

        names = reporter_names()
        if output_format not in names:
            raise ConfigError(
                f"{where}: 'format' must be one of {', '.join(names)}, not {output_format!r}"
            )

    rendered = _rendered(table.get("rendered", {}), path, where, project)

    return Config(
        file=path,
        select=select,
        ignore=ignore,
        per_file_ignores=tuple(per_file),
        strict=strict,
        root=root,
        output_format=output_format,
        rendered=rendered,
    )


#: The options of ``render`` and ``summary`` a ``rendered`` entry may give: none of them reads
#: or writes a file, except ``--template``, whose file must lie inside the project.
RENDERED_OPTIONS = frozenset({
    "--format", "-f", "--group", "--direction", "--legend", "--no-legend", "--focus", "--depth",
    "--width", "--evaluate", "--no-evaluate", "--semantics", "--timeout", "--template",
    "--diagram", "--no-diagram", "--chain-limit", "--caption", "--page", "--upstream",
    "--no-upstream", "--force", "-s",
})
#: The options a ``rendered`` entry may never give: they choose what is read or written.
FORBIDDEN_RENDERED_OPTIONS = frozenset({"--output", "-o", "--root", "--check", "--no-check"})


def _checked_options(
    options: list[str], base: Path, project: Path, where: str
) -> tuple[str, ...]:
    """``options`` when each names an allowed option and a template stays inside ``project``."""
    for index, option in enumerate(options):
        if not option.startswith("-") or option.lstrip("-").isdigit():
            continue  # the value of the option before it
        name, _, inline = option.partition("=")
        if name not in RENDERED_OPTIONS:
            raise ConfigError(
                f"{where}: 'options' may not give {name!r}; allowed: "
                f"{', '.join(sorted(RENDERED_OPTIONS))}"
            )
        if name == "--template":
            value = inline or (options[index + 1] if index + 1 < len(options) else "")
            file = base / value
            if not value or not is_inside(file, project) or leaves_through_link(file, project):
                raise ConfigError(
                    f"{where}: 'options' names the template '{value}', which is outside the "
                    f"project '{shown_path(project)}'"
                )
    return tuple(options)


def _rendered(
    value: Any, path: Path, where: str, project: Path
) -> tuple[RenderedOutput, ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: 'rendered' must be a table of output paths to brief paths")
    outputs = []
    for output, spec in value.items():
        options: Any = []
        if isinstance(spec, dict):
            extra = sorted(set(spec) - {"brief", "options"})
            if extra:
                raise ConfigError(
                    f"{where}: 'rendered' '{output}' has an unknown key '{extra[0]}' "
                    "(it may have 'brief' and 'options')"
                )
            brief, options = spec.get("brief"), spec.get("options", [])
        else:
            brief = spec
        if not isinstance(brief, str) or not brief or not output:
            raise ConfigError(f"{where}: 'rendered' '{output}' must name the brief it is made from")
        if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
            raise ConfigError(f"{where}: 'rendered' '{output}': 'options' must be a list of texts")
        base = path.parent
        for name, file in (("output", output), ("brief", brief)):
            target = base / file
            if not is_inside(target, project) or leaves_through_link(target, project):
                raise ConfigError(
                    f"{where}: 'rendered' names the {name} '{file}', which is outside the "
                    f"project '{shown_path(project)}'"
                )
            hidden = [part for part in Path(os.path.relpath(os.path.abspath(target), project)).parts
                      if part.startswith(".")]
            if hidden:  # .git/hooks, .github/workflows: not places for generated files
                raise ConfigError(
                    f"{where}: 'rendered' names the {name} '{file}', inside the hidden "
                    f"'{hidden[0]}'"
                )
        outputs.append(RenderedOutput(
            Path(os.path.abspath(base / output)),
            Path(os.path.abspath(base / brief)),
            _checked_options(options, base, project, where),
        ))
    return tuple(outputs)


def _codes(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of rule codes, such as [\"AM205\"]")
    return check_codes(value, f"{where}: '{key}'")


def check_codes(codes: Iterable[str], where: str) -> tuple[str, ...]:
    """The codes in upper case, when each is a rule code or a prefix of one.

    Raises :class:`ConfigError` for one that matches no rule: an ignore that ignores nothing is a
    typo that would otherwise go unnoticed.
    """
    from argmap.checks import all_rules

    known = [rule.code for rule in all_rules()]
    checked: list[str] = []
    for code in codes:
        wanted = code.strip().upper()
        if not wanted or not any(k.startswith(wanted) for k in known):
            close = difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise ConfigError(
                f"{where}: unknown rule code or prefix '{code}'; {hint}'argmap rules' lists them"
            )
        checked.append(wanted)
    return tuple(checked)


def resolve_config(
    paths: Collection[str | os.PathLike[str]] = (),
    *,
    config_file: str | os.PathLike[str] | None = None,
    isolated: bool = False,
    cwd: str | os.PathLike[str] | None = None,
) -> Config:
    """The configuration for a run from ``cwd`` (the current folder by default).

    ``config_file`` names the file to use; otherwise it is found by :func:`find_config` from
    ``cwd``. ``paths``, the briefs of the run, play no part: settings beside a brief could come
    from the pull request that brought the brief. ``isolated`` ignores every file.
    """
    del paths  # deliberately unused; see above
    if isolated:
        return Config()
    if config_file is not None:
        return load_config(config_file)
    found = find_config(cwd)
    return load_config(found) if found is not None else Config()


# --- glob patterns -----------------------------------------------------------------------------


class _Glob:
    """A glob matched without backtracking: ``*`` and ``?`` stay within a folder, ``**`` crosses
    folders, ``[abc]`` is a character class, and a trailing ``/`` means the whole folder.

    A configuration can come from a pull request, and a glob such as ``**a**a**a**a**b``
    translated to one regular expression takes minutes to fail on a long path. So each folder
    name is matched on its own (by :func:`fnmatch.translate`, which does not backtrack), and the
    folders by a pass over the positions a ``**`` can reach: time linear in the path.
    """

    def __init__(self, glob: str) -> None:
        pattern = glob.replace("\\", "/").removeprefix("./")
        if pattern.endswith("/"):
            pattern += "**"  # a folder: everything in it
        self.parts: tuple[re.Pattern[str] | None, ...] = tuple(
            None if part == "**" else re.compile(fnmatch.translate(part.replace("**", "*")))
            for part in pattern.split("/")
        )

    def fullmatch(self, path: str) -> bool:
        names = path.split("/")
        reach = {0}  # how many names the parts so far can have matched
        for part in self.parts:
            if part is None:
                reach = set(range(min(reach), len(names) + 1))
            else:
                reach = {at + 1 for at in reach if at < len(names) and part.match(names[at])}
            if not reach:
                return False
        return len(names) in reach


# --- inline suppression ------------------------------------------------------------------------

_SUPPRESSION = re.compile(
    r"(?:^|\s)#\s*argmap:\s*(?P<kind>ignore-file|ignore)\b(?:\[(?P<codes>[^\]]*)\])?\s*$"
)


@dataclass(frozen=True)
class Suppressions:
    """The ``# argmap: ignore`` comments of one file.

    ``lines`` maps a 1-based line to the codes silenced there (``None``: all of them);
    ``file`` holds codes silenced in the whole file (``None`` in it: all). ``unknown`` lists
    ``(line, code)`` for codes that name no rule, which callers should report.
    """

    lines: Mapping[int, frozenset[str] | None] = field(default_factory=dict)
    file: frozenset[str] | None = frozenset()
    unknown: tuple[tuple[int, str], ...] = ()

    def silences(self, code: str, line: int | None) -> bool:
        """Whether a finding with ``code`` at ``line`` is silenced by a comment."""
        if self.file is None or _matches(code, self.file):
            return True
        if line is None or line not in self.lines:
            return False
        codes = self.lines[line]
        return codes is None or _matches(code, codes)

    def __bool__(self) -> bool:
        return bool(self.lines) or self.file is None or bool(self.file)


def _matches(code: str, prefixes: Collection[str]) -> bool:
    return any(code.startswith(prefix) for prefix in prefixes)


def _may_hold_comments(text: str) -> bool:
    """Whether a line of ``text`` holds both ``#`` and ``argmap:``, as a suppression comment's
    line must.

    Asked of the lines that ``\n`` ends, each of which holds the lines ``str.splitlines`` makes
    of it, and only where ``argmap:`` stands: a brief's first key is usually its only one, so
    a brief of 50,000 statements without comments costs a few searches, not a loop over its
    lines.
    """
    at = text.find("argmap:")
    while at >= 0:
        end = text.find("\n", at)
        if end < 0:
            end = len(text)
        if text.find("#", text.rfind("\n", 0, at) + 1, end) >= 0:
            return True
        at = text.find("argmap:", end)
    return False


def suppressions(text: str, known_codes: Collection[str] | None = None) -> Suppressions:
    """Read the suppression comments in a brief's text.

    Only a comment at the end of its line counts, so the words inside a quoted value do not.
    Codes may be prefixes (``AM2``). With ``known_codes``, a code that is no prefix of any of
    them goes to ``unknown`` instead of silencing anything.
    """
    if not _may_hold_comments(text):
        return Suppressions()
    lines: dict[int, frozenset[str] | None] = {}
    whole_file: set[str] | None = set()
    unknown: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "#" not in line:
            continue
        match = _SUPPRESSION.search(line)
        if match is None:
            continue
        listed = match.group("codes")
        codes: frozenset[str] | None = None
        if listed is not None:
            wanted = [c.strip().upper() for c in listed.split(",") if c.strip()]
            good = []
            for code in wanted:
                if known_codes is not None and not any(k.startswith(code) for k in known_codes):
                    unknown.append((number, code))
                else:
                    good.append(code)
            if not good:
                continue  # "ignore[]" or only unknown codes: silence nothing
            codes = frozenset(good)
        if match.group("kind") == "ignore-file":
            if codes is None:
                whole_file = None
            elif whole_file is not None:
                whole_file.update(codes)
        else:
            previous = lines.get(number, frozenset())
            lines[number] = None if codes is None or previous is None else previous | codes
    return Suppressions(
        lines,
        None if whole_file is None else frozenset(whole_file),
        tuple(unknown),
    )
