"""Run the examples each rule carries: they document the rule and are its tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checker.rules import RuleBook


@dataclass(frozen=True)
class ExampleResult:
    """The outcome of one rule example."""

    rule: str
    index: int
    expected: str
    actual: str

    @property
    def passed(self) -> bool:
        return self.expected == self.actual


def run_examples(book: RuleBook) -> Iterator[ExampleResult]:
    """Check each example's sources and compare the rule's verdict with the expected one."""
    from checker.pipeline import Pipeline

    pipeline = Pipeline(book)
    for rule in book.compare:
        for index, example in enumerate(rule.examples):
            documents = [
                pipeline.document_from_text(f"example-{n + 1}", text, example.published)
                for n, text in enumerate(example.sources)
            ]
            report = pipeline.report(pipeline.extract_all(documents))
            verdicts = {f.verdict for f in report.findings if f.rule == rule.id}
            actual = (
                "conflict" if "conflict" in verdicts else "agreement" if "agreement" in verdicts else "none"
            )
            yield ExampleResult(rule.id, index, example.expect, actual)
