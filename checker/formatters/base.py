"""The formatter protocol: a Report in, text out; formatters read nothing else."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from checker.models import Claim, Finding, Report, Source


@dataclass(frozen=True)
class RenderOptions:
    """How to render: colour and line width (terminal only)."""

    color: bool = False
    width: int = 100


class Formatter(Protocol):
    """Turns a Report into one output format."""

    name: str
    suffix: str

    def render(self, report: Report, options: RenderOptions) -> str | Iterable[bytes]:
        """The report as text, or as pieces of UTF-8 to write one after another (JSON, which for
        an archive is too large to hold twice in memory).
        """
        ...


class ReportIndex:
    """Look-ups formatters share: claims by id, sources by id, findings by verdict."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.claims: dict[str, Claim] = {c.id: c for c in report.claims}
        self.sources: dict[str, Source] = {s.id: s for s in report.sources}

    def by_verdict(self, verdict: str) -> list[Finding]:
        return [f for f in self.report.findings if f.verdict == verdict]

    def finding_claims(self, finding: Finding) -> Iterator[tuple[str, Claim]]:
        """Each claim of a finding with the value label of its group."""
        for group in finding.groups:
            for claim_id in group.claims:
                yield group.value, self.claims[claim_id]

    def counts(self) -> dict[str, int]:
        kinds: dict[str, int] = {}
        for claim in self.report.claims:
            kinds[claim.kind] = kinds.get(claim.kind, 0) + 1
        return kinds

    def summary(self) -> str:
        report = self.report
        conflicts = len(self.by_verdict("conflict"))
        agreements = len(self.by_verdict("agreement"))
        return (
            f"{plural(len(report.sources), 'source')}, {plural(len(report.claims), 'claim')}: "
            f"{plural(conflicts, 'conflict')}, {plural(agreements, 'agreement')}, "
            f"{len(report.unverified)} unverified"
        )


def plural(n: int, noun: str) -> str:
    """'1 conflict', '2 conflicts'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def location(claim: Claim, index: ReportIndex) -> str:
    """``path:line:column`` of a claim, for people and editors to jump to."""
    source = index.sources.get(claim.source)
    where = source.path if source and source.path else claim.source
    return f"{where}:{claim.line}:{claim.column}"
