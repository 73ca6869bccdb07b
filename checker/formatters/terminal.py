"""Terminal: grouped by verdict, readable at 80 columns, plain text when not a terminal."""

from __future__ import annotations

import io

from checker.formatters.base import RenderOptions, ReportIndex, location
from checker.models import Finding, Report

CLAIMS_SHOWN = 6
"""Claims listed per value group; a syndicated story can put thousands in one group."""


class TerminalFormatter:
    """Conflicts first, then agreements, each claim with path:line:column."""

    name = "terminal"
    suffix = ".txt"

    def render(self, report: Report, options: RenderOptions) -> str:
        from rich.console import Console
        from rich.text import Text

        buffer = io.StringIO()
        console = Console(
            file=buffer,
            force_terminal=options.color,
            no_color=not options.color,
            width=options.width,
            highlight=False,
            emoji=False,
            soft_wrap=False,
        )
        index = ReportIndex(report)
        console.print(Text("crosscheck: " + index.summary(), style="bold"))
        for verdict, title, style, mark in (
            ("conflict", "CONFLICTS", "bold red", "✗"),
            ("agreement", "AGREEMENTS", "bold green", "✓"),
        ):
            findings = index.by_verdict(verdict)
            console.print()
            console.print(Text(f"{title} ({len(findings)})", style=style))
            for finding in findings:
                self._finding(console, finding, index, style, mark, options)
        if report.notes:
            console.print()
            console.print(Text("NOTES", style="bold"))
            for note in report.notes:
                console.print(Text("  " + note, style="dim"))
        console.print()
        console.print(
            Text(
                f"UNVERIFIED ({len(report.unverified)}): claims only one source states "
                "(listed in --format markdown or json)",
                style="bold yellow",
            )
        )
        return buffer.getvalue()

    def _finding(
        self,
        console: object,
        finding: Finding,
        index: ReportIndex,
        style: str,
        mark: str,
        options: RenderOptions,
    ) -> None:
        from rich.console import Console
        from rich.text import Text

        assert isinstance(console, Console)
        head = Text()
        head.append(f"{mark} ", style=style)
        head.append(f"{finding.kind} ", style="bold")
        head.append(finding.key, style="cyan")
        console.print(head)
        detail = finding.detail or ""
        if detail:
            console.print(Text("    " + detail, style="dim"))
        for group in finding.groups:
            heading = f"    {group.value}"
            if len(group.sources) > 1:
                heading += f"  ({len(group.sources)} sources)"
            console.print(Text(heading, style="bold"))
            for claim_id in group.claims[:CLAIMS_SHOWN]:
                claim = index.claims[claim_id]
                where = location(claim, index)
                room = max(options.width - len(where) - 12, 16)
                snippet = " ".join(claim.text.split())
                snippet = snippet if len(snippet) <= room else snippet[: room - 3] + "..."
                line = Text("      ")
                line.append(where, style="magenta")
                line.append(f"  “{snippet}”")
                console.print(line, overflow="fold")
            hidden = len(group.claims) - CLAIMS_SHOWN
            if hidden > 0:
                more = f"      ... and {hidden} more (see --format markdown or json)"
                console.print(Text(more, style="dim"))
        console.print(Text(f"    rule {finding.rule} · {finding.severity} · id {finding.id}", style="dim"))
