"""Markdown: a reviewable report for pull requests and editors, with every span located."""

from __future__ import annotations

from checker.describe import describe
from checker.formatters.base import RenderOptions, ReportIndex, location
from checker.models import Finding, Report


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


class MarkdownFormatter:
    """Findings by verdict, each claim with its location and span, then the unverified table."""

    name = "markdown"
    suffix = ".md"

    def render(self, report: Report, options: RenderOptions) -> str:
        index = ReportIndex(report)
        out: list[str] = ["# crosscheck report", "", index.summary() + ".", ""]
        out += ["## Sources", "", "| id | title | outlet | published | from |", "|---|---|---|---|---|"]
        for s in report.sources:
            out.append(
                f"| `{s.id}` | {_cell(s.title or '')} | {_cell(s.outlet or '')} | {s.published or '?'} "
                f"| {s.published_from or ''} |"
            )
        out.append("")
        kinds = index.counts()
        out += ["Claims per kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ".", ""]
        for verdict, heading in (("conflict", "Conflicts"), ("agreement", "Agreements")):
            findings = index.by_verdict(verdict)
            out += [f"## {heading} ({len(findings)})", ""]
            if not findings:
                out += ["None.", ""]
            for finding in findings:
                out += self._finding(finding, index)
        if report.notes:
            out += ["## Notes", ""] + [f"- {_cell(n)}" for n in report.notes] + [""]
        out += [f"## Unverified ({len(report.unverified)})", "", "Claims that only one source states.", ""]
        out += ["| where | kind | text | value |", "|---|---|---|---|"]
        for claim_id in report.unverified:
            claim = index.claims[claim_id]
            out.append(
                f"| {location(claim, index)} | {claim.kind} | {_cell(claim.text[:80])} "
                f"| {_cell(describe(claim.value))} |"
            )
        out.append("")
        return "\n".join(out)

    def _finding(self, finding: Finding, index: ReportIndex) -> list[str]:
        mark = "✗" if finding.verdict == "conflict" else "✓"
        lines = [
            f"### {mark} {finding.kind}: `{finding.key}`",
            "",
            f"{_cell(finding.message)}",
            "",
            f"Rule `{finding.rule}`, severity {finding.severity}, id `{finding.id}`.",
            "",
        ]
        for value, claim in index.finding_claims(finding):
            lines.append(
                f"- **{_cell(value)}**: {location(claim, index)} "
                f"[{claim.start}:{claim.end}] “{_cell(claim.text)}”"
            )
        lines.append("")
        return lines
