"""The public surface is pinned, so it cannot drift by accident."""

from __future__ import annotations

import ast
import subprocess
import sys

import argmap

PUBLIC = {
    "Actor",
    "ArgmapError",
    "Argument",
    "ArgumentGraph",
    "Brief",
    "BriefError",
    "Chain",
    "Claim",
    "ConfigError",
    "ConversionError",
    "ConversionWarning",
    "Diagnostic",
    "DotNotFoundError",
    "DotTimeoutError",
    "Edge",
    "EdgeKind",
    "Evaluation",
    "Expectations",
    "Node",
    "NodeKind",
    "Objection",
    "Premise",
    "Question",
    "Recommendation",
    "Relation",
    "RenderError",
    "Severity",
    "Source",
    "Statement",
    "UnsafePathError",
    "__version__",
    "chains",
    "check",
    "convert_file",
    "draft",
    "dump",
    "dumps",
    "evaluate",
    "from_aif",
    "from_argdown",
    "json_schema",
    "load",
    "loads",
    "read",
    "render",
    "show",
    "to_aif",
    "to_argdown",
    "to_dot",
    "to_html",
    "to_markdown",
    "to_mermaid",
    "to_networkx",
}


def test_all_lists_exactly_the_public_names() -> None:
    assert set(argmap.__all__) == PUBLIC


def test_every_public_name_resolves() -> None:
    for name in argmap.__all__:
        assert getattr(argmap, name) is not None, name


def test_errors_derive_from_the_nearest_builtin() -> None:
    assert issubclass(argmap.BriefError, ValueError)
    assert issubclass(argmap.UnsafePathError, ValueError)
    assert issubclass(argmap.RenderError, RuntimeError)
    assert issubclass(argmap.DotNotFoundError, argmap.RenderError)
    assert all(
        issubclass(e, argmap.ArgmapError)
        for e in (argmap.BriefError, argmap.ConfigError, argmap.RenderError, argmap.UnsafePathError)
    )


def test_validation_does_not_import_rendering_libraries() -> None:
    code = (
        "import sys, argmap\n"
        "b = argmap.load('tests/fixtures/valid/minimal.yaml')\n"
        "argmap.check(b)\n"
        "print(sorted(m for m in ('jinja2', 'graphviz', 'typer') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=__file__.rsplit("/tests/", 1)[0],
    )
    assert done.stdout.strip() == "[]"


def _modules_after(commands: str, modules: tuple[str, ...]) -> tuple[str, list[str]]:
    """What a fresh interpreter prints running ``commands`` (lines using ``main``), and which
    of ``modules`` it imported on the way."""
    code = (
        "import sys\n"
        "from argmap.cli import main\n"
        f"{commands}"
        f"print(sorted(m for m in {modules!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=__file__.rsplit("/tests/", 1)[0])
    *_, imported = done.stdout.strip().splitlines()
    return done.stdout, ast.literal_eval(imported)


def test_the_validate_command_does_not_import_rendering_libraries() -> None:
    _, imported = _modules_after(
        "try:\n"
        "    main(['validate', '--quiet', 'briefs/'])\n"
        "except SystemExit:\n"
        "    pass\n",
        ("jinja2", "graphviz"))
    assert imported == []


def test_rendering_dot_or_mermaid_does_not_import_jinja2() -> None:
    printed, imported = _modules_after(
        "for fmt in ('dot', 'mmd'):\n"
        "    try:\n"
        "        main(['render', 'briefs/georgia-russia-dialogue.yaml', '-f', fmt, '-o', '-'])\n"
        "    except SystemExit as done:\n"
        "        assert not done.code, done.code\n",
        ("jinja2", "markupsafe"))
    assert "digraph" in printed and "flowchart" in printed
    assert imported == []


def test_the_summary_and_html_functions_load_on_first_use() -> None:
    import argmap.publish

    assert {"to_html", "to_markdown"} <= set(dir(argmap.publish))
    assert argmap.publish.to_markdown is argmap.to_markdown
    assert argmap.publish.to_html is argmap.to_html
    assert "# " in argmap.render(argmap.load("briefs/georgia-russia-dialogue.yaml"), "md").decode()
