"""Output formats, one module each, behind one registry keyed by the ``--format`` name."""

from __future__ import annotations

from checker.formatters.base import Formatter, RenderOptions
from checker.formatters.json import JsonFormatter
from checker.formatters.markdown import MarkdownFormatter
from checker.formatters.terminal import TerminalFormatter

FORMATTERS: dict[str, Formatter] = {
    f.name: f for f in (TerminalFormatter(), MarkdownFormatter(), JsonFormatter())
}

__all__ = ["FORMATTERS", "Formatter", "RenderOptions"]
