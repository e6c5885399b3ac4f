"""How ``argmap ... --help`` (and docs/cli.md, which is made from the same records) shows
parameters: as a command-line tool does, not as the Python function behind it does.

Typer, left alone, prints a type column taken from the annotations (``<bool>`` after every flag,
``<path>``, ``<list[Path]>``, ``<text|json>``) and writes required arguments as ``{PATH}`` in the
usage line. Here, instead:

- a flag shows no value at all;
- an option that takes a value shows one plain upper-case word (its ``metavar=`` when the
  declaration gives one, else its long name: ``--format FORMAT``), and an option with a fixed set
  of values says them in its help text unless that text already names every one;
- a number's bounds are said in words ("At least 8."), not as ``x>=8`` beside its metavar;
- an argument is its upper-case name, ``PATH...`` when it takes several, and the usage line
  reads ``argmap evaluate [OPTIONS] PATH...``, with ``[PATH]`` for one that may be left out.

Typer builds its parameter objects itself and has no setting for their class, so the command
classes below give each parameter the display subclass when the command lists its parameters
(which every help page, error hint and the docs generator goes through). The subclasses change
only how a parameter is shown, never how it is parsed. ``ArgmapTyper`` makes these classes the
default of every command and of the group, so no declaration has to ask for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
from typer.models import CommandFunctionType

__all__ = ["ArgmapCommand", "ArgmapGroup", "ArgmapTyper", "PlainArgument", "PlainOption"]

_MANY = "..."


def _choices(param: TyperArgument | TyperOption) -> list[str]:
    descriptor = param.type_descriptor
    if not descriptor.is_choice or not descriptor.choices:
        return []
    return [str(getattr(choice, "value", choice)) for choice in descriptor.choices]


def _with_choices(help_text: str | None, choices: list[str]) -> str | None:
    """The help text, with its choices said when it does not name each of them already."""
    if not choices:
        return help_text
    text = help_text or ""
    if all(re.search(rf"(?<![\w-]){re.escape(choice)}(?![\w-])", text) for choice in choices):
        return help_text
    listed = ", ".join(choices)
    sentence = f"One of: {listed}."
    return f"{text.rstrip()} {sentence}" if text else sentence


def _number(value: float) -> str:
    return f"{value:g}"


def _with_range(help_text: str | None, low: float | None, high: float | None) -> str | None:
    """The help text, with the values a number may take said in words (not ``x>=8``)."""
    if low is not None and high is not None:
        sentence = f"From {_number(low)} to {_number(high)}."
    elif low is not None:
        sentence = f"At least {_number(low)}."
    elif high is not None:
        sentence = f"At most {_number(high)}."
    else:
        return help_text
    text = (help_text or "").rstrip()
    return f"{text} {sentence}" if text else sentence


class PlainArgument(TyperArgument):
    """A positional argument shown by its name alone: ``PATH``, ``PATH...``, ``[PATH]``."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        name = (self.metavar or (self.name or "").upper()).removesuffix(_MANY)
        if not self.required:
            name = f"[{name}]"
        return [name + (_MANY if self.nargs != 1 else "")]


class PlainOption(TyperOption):
    """An option shown with one upper-case word for its value, or none when it is a flag."""

    def display_type_rich(self, ctx: Any) -> str | None:
        if self.is_flag or self.count:
            return None
        return self.metavar

    def _get_number_range_help_str(self) -> str | None:
        return None  # said in the help text instead, in words


def _plain(param: Any) -> None:
    """Give one of Typer's parameters the display subclass (once), its metavar and its choices."""
    if type(param) is TyperArgument:
        param.__class__ = PlainArgument
        name = (param.metavar or (param.name or "").upper()).removesuffix(_MANY)
        param.metavar = name + (_MANY if param.nargs != 1 else "")
        param.help = _with_choices(param.help, _choices(param))
    elif type(param) is TyperOption:
        param.__class__ = PlainOption
        if not (param.is_flag or param.count) and param.metavar is None:
            longest = max(param.opts, key=len).lstrip("-/")
            param.metavar = longest.replace("-", "_").upper()
        param.help = _with_choices(param.help, _choices(param))
        if not param.count:
            param.help = _with_range(param.help, param.min, param.max)


def _joined(text: str | None) -> str | None:
    """Help text with the line breaks of its source joined inside each paragraph: in the list of
    commands Typer keeps them, which breaks a sentence where the docstring was wrapped."""
    if text is None:
        return None
    paragraphs = text.split("\n\n")
    return "\n\n".join(p if p.startswith("\b") else " ".join(p.split("\n")) for p in paragraphs)


def _examples(epilog: str | None) -> str | None:
    """An epilog of ``Examples: a; b`` as one example a line, as a man page has them."""
    if epilog is None:
        return None
    head, colon, rest = epilog.partition(":")
    if not colon or head not in ("Example", "Examples") or "\n" in epilog:
        return epilog
    lines = [example.strip() for example in rest.split("; ") if example.strip()]
    return f"{head}:\n" + "\n".join(lines)


class ArgmapCommand(TyperCommand):
    """A command whose help shows its parameters as :mod:`argmap.cli.helpformat` describes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = _joined(self.help)
        self.epilog = _examples(self.epilog)
        if self.short_help is None and self.help:
            # The list of commands (in docs/cli.md too, where Click would cut it at 45
            # characters) shows the help's whole first paragraph.
            self.short_help = self.help.split("\n\n")[0]

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            _plain(param)
        return params


class ArgmapGroup(TyperGroup):
    """The ``argmap`` group itself, whose options (``--version``...) are shown the same way."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            _plain(param)
        return params


class ArgmapTyper(typer.Typer):
    """A Typer app whose group and commands default to the classes above."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", ArgmapGroup)
        super().__init__(**kwargs)

    def command(self, name: str | None = None, *, cls: type[TyperCommand] | None = None,
                **kwargs: Any) -> Callable[[CommandFunctionType], CommandFunctionType]:
        return super().command(name, cls=cls or ArgmapCommand, **kwargs)
