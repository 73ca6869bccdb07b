"""Golden files: reports/ is exactly what `make run` produces; refresh with --update-golden."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.formatters import FORMATTERS, RenderOptions
from checker.models import Report
from checker.pipeline import Pipeline
from checker.testing import default_rules

GOLDEN = {"json": Path("reports/seeds.json"), "markdown": Path("reports/seeds.md")}


@pytest.fixture(scope="module")
def seeds_report() -> Report:
    return Pipeline(default_rules()).check([Path("seeds")])


@pytest.mark.parametrize("fmt", sorted(GOLDEN))
def test_golden_report(fmt: str, seeds_report: Report, update_golden: bool) -> None:
    output = FORMATTERS[fmt].render(seeds_report, RenderOptions())
    rendered = output if isinstance(output, str) else b"".join(output).decode("utf-8")
    path = GOLDEN[fmt]
    if update_golden:
        path.write_text(rendered, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == rendered, (
        f"{path} drifted: run `make reports` and review the diff"
    )


def test_every_claim_is_its_documents_slice(seeds_report: Report) -> None:
    texts = {s.id: Path(s.path or "").read_text(encoding="utf-8-sig") for s in seeds_report.sources}
    for claim in seeds_report.claims:
        assert texts[claim.source][claim.start : claim.end] == claim.text, claim.id


def test_all_five_kinds_occur(seeds_report: Report) -> None:
    assert {c.kind for c in seeds_report.claims} == {"date", "amount", "count", "percent", "quote"}


def test_finding_ids_are_unique_and_claims_exist(seeds_report: Report) -> None:
    ids = [f.id for f in seeds_report.findings]
    assert len(ids) == len(set(ids))
    claim_ids = {c.id for c in seeds_report.claims}
    assert all(set(f.claims) <= claim_ids for f in seeds_report.findings)
    assert set(seeds_report.unverified) <= claim_ids


def test_json_made_in_pieces_is_the_models_own_dump(seeds_report: Report) -> None:
    """The JSON formatter splices claims in one by one; the bytes must equal a whole dump."""
    empty = seeds_report.model_copy(update={"claims": [], "findings": [], "unverified": []})
    for report in (seeds_report, empty):
        pieces = FORMATTERS["json"].render(report, RenderOptions())
        assert not isinstance(pieces, str)
        assert b"".join(pieces) == report.model_dump_json(indent=2).encode("utf-8") + b"\n"
