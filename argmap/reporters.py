"""Reporters: pure functions from a validation run's diagnostics to text in a named format.

A reporter is chosen by name from a small registry (:func:`get_reporter`), as ``argmap validate
--format NAME`` does. Each takes a :class:`Report` (the briefs checked, their diagnostics and the
metadata of the rules involved) and :class:`ReportOptions`, and returns the whole output, so the
same run always prints the same bytes and golden tests can pin every format.

``text``
    ``path:line:col: CODE severity: message`` per finding, then the summary line.
``json``
    A list of diagnostics (``path``, ``line``, ``column``, ``code``, ``severity``, ``message``,
    ``hint``); with ``--statistics``, a list of counts per code instead.
``github``
    GitHub Actions workflow commands (``::error file=...,line=...::...``), which GitHub shows as
    annotations on the pull request.
``sarif``
    SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.
``gitlab``
    GitLab's code-quality report (a JSON list), for merge-request widgets.
``markdown``
    A short Markdown report (counts and the failing briefs), written to a GitHub job summary.
"""

from __future__ import annotations

import hashlib
import json
import re
import textwrap
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from argmap.checks import Rule
from argmap.diagnostics import Diagnostic, Severity, summary_line, terminal_safe

__all__ = [
    "Report",
    "ReportOptions",
    "Reporter",
    "ReporterInfo",
    "escape_data",
    "escape_property",
    "get_reporter",
    "reporter_names",
    "reporters",
    "statistics",
    "statistics_table",
]

#: Where people learn about argmap; SARIF names it as the tool's home.
INFORMATION_URI = "https://github.com/argmap/argmap"
SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


@dataclass(frozen=True)
class Report:
    """What a validation run found.

    ``files`` are the briefs checked, in order, as their paths are shown; ``rules`` holds the
    metadata (name, summary, documentation) of at least every rule a diagnostic names; under
    ``strict``, warnings make a brief fail as errors do.
    """

    files: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]
    rules: Mapping[str, Rule] = field(default_factory=dict)
    strict: bool = False

    @classmethod
    def build(
        cls, files: Iterable[str], diagnostics: Iterable[Diagnostic], *, strict: bool = False
    ) -> Report:
        """A report whose rule metadata comes from the rule registry."""
        from argmap.checks import get_rule

        found = tuple(diagnostics)
        rules: dict[str, Rule] = {}
        for code in sorted({d.code for d in found}):
            rule = get_rule(code)
            if rule is not None:
                rules[code] = rule
        return cls(tuple(files), found, rules, strict)

    @property
    def failing_severities(self) -> frozenset[Severity]:
        """The severities that make a brief fail: errors, and warnings under ``strict``."""
        if self.strict:
            return frozenset({Severity.ERROR, Severity.WARNING})
        return frozenset({Severity.ERROR})

    @property
    def failed(self) -> bool:
        """Whether the run fails (exit code 1)."""
        failing = self.failing_severities
        return any(d.severity in failing for d in self.diagnostics)

    def failing_files(self) -> list[str]:
        """The briefs that fail, in the order they were checked."""
        failing = self.failing_severities
        bad = {d.path for d in self.diagnostics if d.severity in failing}
        return [f for f in dict.fromkeys(self.files) if f in bad] + sorted(
            bad - set(self.files)
        )

    def count(self, severity: Severity) -> int:
        """How many diagnostics have this severity."""
        return sum(d.severity is severity for d in self.diagnostics)


@dataclass(frozen=True)
class ReportOptions:
    """How to print: ``statistics`` adds counts per code; ``quiet`` leaves out each finding
    (the text format then prints only its summary)."""

    statistics: bool = False
    quiet: bool = False


Reporter = Callable[[Report, ReportOptions], str]


@dataclass(frozen=True)
class ReporterInfo:
    """A registered reporter.

    ``machine`` reporters print nothing but their report on standard output, so it can be
    redirected to a file; the summary line goes to standard error. ``statistics`` says whether
    the reporter shows ``--statistics`` itself (otherwise the table goes to standard error).
    """

    name: str
    render: Reporter
    description: str
    machine: bool = True
    statistics: bool = False


_REPORTERS: dict[str, ReporterInfo] = {}


def _reporter(
    name: str, description: str, *, machine: bool = True, statistics: bool = False
) -> Callable[[Reporter], Reporter]:
    def register(function: Reporter) -> Reporter:
        _REPORTERS[name] = ReporterInfo(name, function, description, machine, statistics)
        return function

    return register


def reporters() -> list[ReporterInfo]:
    """Every reporter, in the order they are documented."""
    return list(_REPORTERS.values())


def reporter_names() -> tuple[str, ...]:
    """The names ``--format`` accepts."""
    return tuple(_REPORTERS)


def get_reporter(name: str) -> ReporterInfo:
    """The reporter called ``name``; raises ``KeyError`` naming the choices for another."""
    try:
        return _REPORTERS[name]
    except KeyError:
        raise KeyError(f"no reporter '{name}'; choose one of {', '.join(_REPORTERS)}") from None


# --- statistics --------------------------------------------------------------------------------


def statistics(report: Report) -> list[tuple[str, int]]:
    """Each code that occurs, with how often: most frequent first, then by code."""
    counts = Counter(d.code for d in report.diagnostics)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _severity_of(report: Report, code: str) -> str:
    rule = report.rules.get(code)
    if rule is not None:
        return rule.severity.value
    return next(d.severity.value for d in report.diagnostics if d.code == code)


def statistics_table(report: Report) -> str:
    """Counts per code as aligned lines: ``    3  AM205  warning  disconnected-statement``."""
    lines = []
    for code, count in statistics(report):
        rule = report.rules.get(code)
        name = rule.name if rule is not None else ""
        lines.append(f"{count:>5}  {code}  {_severity_of(report, code):<7}  {name}".rstrip())
    return "\n".join(lines)


# --- text and JSON -----------------------------------------------------------------------------


@_reporter("text", "one line per finding, then a summary", machine=False, statistics=True)
def _text(report: Report, options: ReportOptions) -> str:
    lines = [] if options.quiet else [str(d) for d in report.diagnostics]
    if options.statistics and report.diagnostics:
        lines.append(statistics_table(report))
    lines.append(summary_line(len(report.files), list(report.diagnostics)))
    return "\n".join(lines) + "\n"


@_reporter("json", "a JSON list of diagnostics (or of counts, with --statistics)",
           statistics=True)
def _json(report: Report, options: ReportOptions) -> str:
    items: list[dict[str, Any]]
    if options.statistics:
        items = []
        for code, count in statistics(report):
            rule = report.rules.get(code)
            items.append({
                "code": code,
                "name": rule.name if rule is not None else None,
                "severity": _severity_of(report, code),
                "count": count,
            })
    else:
        items = [d.to_dict() for d in report.diagnostics]
    return json.dumps(items, indent=2) + "\n"


# --- GitHub Actions workflow commands ----------------------------------------------------------

_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message: ``%``, carriage return and line feed."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value: as :func:`escape_data`, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _posix(path: str) -> str:
    # Reports name files with forward slashes on every system, as GitHub and GitLab expect.
    return PureWindowsPath(path).as_posix() if "\\" in path else path


@_reporter("github", "GitHub Actions annotations (chosen by itself when GITHUB_ACTIONS=true)")
def _github(report: Report, options: ReportOptions) -> str:
    lines = []
    for d in report.diagnostics:
        properties = [f"file={escape_property(_posix(d.path))}"]
        if d.line is not None:
            properties.append(f"line={d.line}")
            if d.column is not None:
                properties.append(f"col={d.column}")
        rule = report.rules.get(d.code)
        title = f"{d.code} {rule.name}" if rule is not None else d.code
        properties.append(f"title={escape_property(title)}")
        # The annotation shows the file, the line and the title (the code) already.
        message = d.message
        if d.hint:
            message += f" ({d.hint})"
        command = _GITHUB_COMMAND[d.severity]
        # After escaping, line breaks are %0A; what is left of control characters (an escape
        # sequence would recolour the job log) is shown as text.
        lines.append(terminal_safe(f"::{command} {','.join(properties)}::{escape_data(message)}"))
    return "".join(line + "\n" for line in lines)


# --- SARIF 2.1.0 -------------------------------------------------------------------------------

_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


_INLINE_LITERAL = re.compile(r"``(.+?)``")


def _first_paragraph(doc: str) -> str:
    paragraph = doc.strip().split("\n\n", 1)[0]
    return _INLINE_LITERAL.sub(r"`\1`", " ".join(line.strip() for line in paragraph.splitlines()))


def _doc_markdown(doc: str) -> str:
    """A rule's docstring (reStructuredText-like) as Markdown: ``x`` becomes `x`, and a
    paragraph ending in ``::`` introduces a fenced YAML block."""
    lines = doc.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.rstrip().endswith("::") and line.strip() != "::":
            out.append(_INLINE_LITERAL.sub(r"`\1`", line.rstrip()[:-1]))
            j = i + 1
            block: list[str] = []
            while j < len(lines) and (not lines[j].strip() or lines[j][:1] in (" ", "\t")):
                block.append(lines[j])
                j += 1
            while block and not block[-1].strip():
                block.pop()
            body = textwrap.dedent("\n".join(block)).strip("\n")
            out.extend(["", "```yaml", body, "```"])
            if j < len(lines):
                out.append("")
            i = j
        else:
            out.append(_INLINE_LITERAL.sub(r"`\1`", line))
            i += 1
    return "\n".join(out).strip() + "\n"


def _sarif_rule(rule: Rule) -> dict[str, Any]:
    doc = rule.doc or rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": _first_paragraph(rule.doc) or rule.summary},
        "help": {"text": doc, "markdown": _doc_markdown(doc)},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {"tags": [rule.family]},
    }


def _artifact_location(path: str) -> dict[str, Any]:
    # Paths inside the working folder are relative (GitHub resolves them against the checkout);
    # others become file: URIs.
    if PurePosixPath(path).is_absolute():
        return {"uri": PurePosixPath(path).as_uri()}
    if PureWindowsPath(path).is_absolute():
        return {"uri": PureWindowsPath(path).as_uri()}
    return {"uri": quote(_posix(path)), "uriBaseId": "%SRCROOT%"}


@_reporter("sarif", "SARIF 2.1.0 JSON, for GitHub code scanning")
def _sarif(report: Report, options: ReportOptions) -> str:
    from argmap import __version__

    codes = sorted({d.code for d in report.diagnostics})
    index = {code: i for i, code in enumerate(c for c in codes if c in report.rules)}
    results = []
    for d in report.diagnostics:
        text = d.message + (f" ({d.hint})" if d.hint else "")
        location: dict[str, Any] = {"artifactLocation": _artifact_location(d.path)}
        if d.line is not None:
            region: dict[str, int] = {"startLine": d.line}
            if d.column is not None:
                region["startColumn"] = d.column
            location["region"] = region
        result: dict[str, Any] = {"ruleId": d.code}
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        result.update({
            "level": _SARIF_LEVEL[d.severity],
            "message": {"text": text},
            "locations": [{"physicalLocation": location}],
        })
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "argmap",
                    "version": __version__,
                    "informationUri": INFORMATION_URI,
                    "rules": [_sarif_rule(report.rules[code]) for code in index],
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


# --- GitLab code quality -----------------------------------------------------------------------

_GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


@_reporter("gitlab", "GitLab code-quality JSON, for merge-request reports")
def _gitlab(report: Report, options: ReportOptions) -> str:
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for d in report.diagnostics:
        path = _posix(d.path)
        # The fingerprint leaves out the line, so a finding keeps its identity when lines move;
        # a counter keeps two equal findings in one file apart.
        key = (path, d.code, d.message)
        seen[key] += 1
        digest = hashlib.sha256(
            "\0".join([*key, str(seen[key])]).encode("utf-8")
        ).hexdigest()
        rule = report.rules.get(d.code)
        issues.append({
            "type": "issue",
            "check_name": f"{d.code} {rule.name}" if rule is not None else d.code,
            "description": d.message + (f" ({d.hint})" if d.hint else ""),
            "categories": ["Style"] if d.severity is Severity.INFO else ["Bug Risk"],
            "severity": _GITLAB_SEVERITY[d.severity],
            "fingerprint": digest,
            "location": {"path": path, "lines": {"begin": d.line or 1}},
        })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


# --- Markdown (GitHub job summaries) -----------------------------------------------------------


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _markdown_code(text: str) -> str:
    """A file name as code in a table cell: it cannot leave the code span, the cell or the row,
    nor become a link or HTML (see :func:`argmap.publish.text.markdown_code`)."""
    from argmap.publish.text import markdown_code

    return markdown_code(text, in_table=True)


#: The job summary lists at most this many failing briefs; the annotations have the rest.
MARKDOWN_MAX_ROWS = 50


@_reporter("markdown", "a short Markdown report: counts and the failing briefs", statistics=True)
def _markdown(report: Report, options: ReportOptions) -> str:
    errors = report.count(Severity.ERROR)
    warnings = report.count(Severity.WARNING)
    notes = report.count(Severity.INFO)
    counts = (
        f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}, {_plural(notes, 'note')}"
    )
    failing = report.failing_files()
    lines = ["### argmap validate", ""]
    if failing:
        lines.append(f"**{len(failing)} of {_plural(len(report.files), 'brief')} failed**: "
                     f"{counts}.")
    else:
        lines.append(f"**{_plural(len(report.files), 'brief')} checked, none failed**: {counts}.")
    if report.strict:
        lines.append("")
        lines.append("Strict mode: warnings fail a brief too.")
    if failing:
        by_file: dict[str, list[Diagnostic]] = {}
        for d in report.diagnostics:
            by_file.setdefault(d.path, []).append(d)
        lines.extend(["", "| Brief | Errors | Warnings | Codes |", "| --- | ---: | ---: | --- |"])
        for path in failing[:MARKDOWN_MAX_ROWS]:
            found = by_file[path]
            codes = ", ".join(sorted({d.code for d in found}))
            lines.append(
                f"| {_markdown_code(_posix(path))} "
                f"| {sum(d.severity is Severity.ERROR for d in found)} "
                f"| {sum(d.severity is Severity.WARNING for d in found)} | {codes} |"
            )
        if len(failing) > MARKDOWN_MAX_ROWS:
            lines.extend(["", f"... and {len(failing) - MARKDOWN_MAX_ROWS} more."])
    if options.statistics and report.diagnostics:
        lines.extend(["", "| Code | Rule | Count |", "| --- | --- | ---: |"])
        for code, count in statistics(report):
            rule = report.rules.get(code)
            lines.append(f"| {code} | {rule.name if rule is not None else ''} | {count} |")
    return "\n".join(lines) + "\n"
