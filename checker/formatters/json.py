"""JSON: the versioned wire schema (schema_version 1), one document, stable key order."""

from __future__ import annotations

from checker.formatters.base import RenderOptions
from checker.models import Report


class JsonFormatter:
    """The report as JSON, exactly the pydantic models' dump."""

    name = "json"
    suffix = ".json"

    def render(self, report: Report, options: RenderOptions) -> str:
        return report.model_dump_json(indent=2) + "\n"
