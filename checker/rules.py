"""Load rules/ into typed specs; a bad file fails at load time with its path and line.

Rule files are YAML read with the safe loader only: nothing in them is ever executed.  Every
mapping remembers the line it started on, so a pydantic error deep inside a file can be reported
as ``rules/compare/amounts.yml:14: tolerance.relative: Input should be a valid number``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml
from pydantic import BaseModel, ValidationError

from checker.entities import EntityIndex
from checker.errors import InputError, decode
from checker.rulespecs import (
    BoilerplateSpec,
    CompareRuleSpec,
    CurrenciesSpec,
    EntitiesSpec,
    HolidaysSpec,
    LexiconSpec,
    PropertiesSpec,
    UnitsSpec,
    folded_holiday_name,
)

DEFAULT_RULES_DIR = Path(__file__).resolve().parent.parent / "rules"

SpecT = TypeVar("SpecT", bound=BaseModel)


class _LineDict(dict[str, Any]):
    """A mapping that knows the line each of its keys was written on."""

    line: int
    key_lines: dict[str, int]


class _LineLoader(yaml.SafeLoader):
    """Safe loader whose mappings carry line numbers for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LineDict:
    mapping = _LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool | dt.date):
            raise yaml.constructor.ConstructorError(
                None, None, "mapping keys must be plain scalars", key_node.start_mark
            )
        mapping[str(key)] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[str(key)] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader (no line numbers), reading scalars exactly as ``_LineLoader`` does."""


# YAML 1.1 reads on/off/yes/no as booleans, which turns word lists into nonsense; only
# true/false are booleans in rule files.  Both loaders must agree, or a file that parses one way
# fast and another way with lines would validate differently (and cost a second parse).
for _loader in (_LineLoader, _FastLoader):
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )

T = TypeVar("T")


def with_lines(path: Path, work: Callable[[Any], T], raw: bytes | None = None) -> T:
    """Run ``work`` on the fast parse of a file; if it fails, re-run it on the line-aware parse so
    the error names the line.  ``raw`` is the file's content when the caller has read it already.
    """
    try:
        return work(load_yaml(path, lines=False, raw=raw))
    except InputError:
        return work(load_yaml(path, raw=raw))


def _relative(path: Path) -> str:
    """The path from the working folder when inside it; links are not followed, so an error names
    the file the user has, not where a link points.
    """
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_yaml(path: Path, lines: bool = True, raw: bytes | None = None) -> Any:
    """Parse one YAML file safely, turning syntax errors into a one-line InputError.

    With ``lines`` every mapping remembers its line for error messages; without, libyaml parses
    the file, many times faster.  Callers parse fast and re-parse with lines only to report an
    error (``with_lines``).
    """
    try:
        text = decode(raw if raw is not None else path.read_bytes(), _relative(path))
    except OSError as exc:
        raise InputError(f"{_relative(path)}: cannot read rule file: {exc.strerror}") from exc
    try:
        return yaml.load(text, Loader=_LineLoader if lines else _FastLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f":{mark.line + 1}" if mark is not None else ""
        raise InputError(f"{_relative(path)}{where}: invalid YAML: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise InputError(f"{_relative(path)}: invalid YAML: {exc}") from exc
    except (ValueError, OverflowError) as exc:  # a value YAML cannot build: "published: 2024-13-01"
        raise InputError(f"{_relative(path)}: invalid value: {exc}") from exc


def _line_of(data: Any, loc: tuple[int | str, ...]) -> int | None:
    """Walk a pydantic error location through the loaded data to the nearest known line."""
    line: int | None = getattr(data, "line", None)
    node = data
    for part in loc:
        if isinstance(node, _LineDict) and isinstance(part, str) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            line = getattr(node, "line", line)
        else:
            break
    return line


def validate(path: Path, data: Any, spec: type[SpecT], subset: Any = None) -> SpecT:
    """Validate loaded YAML against a spec, naming the file, line and field on failure.

    ``subset`` validates part of ``data`` (a rule's comparator parameters) while still finding
    line numbers in the whole of it.
    """
    try:
        return spec.model_validate(data if subset is None else subset)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        line = _line_of(data, loc)
        where = f":{line}" if line else ""
        field_path = ".".join(str(p) for p in loc) or "(top level)"
        message = err["msg"].removeprefix("Value error, ")  # pydantic's prefix for our own checks
        raise InputError(f"{_relative(path)}{where}: {field_path}: {message}") from exc


def load_spec(path: Path, spec: type[SpecT]) -> SpecT:
    """Load and validate one rule file; an empty file is an empty spec."""
    return with_lines(path, lambda data: validate(path, data if data is not None else {}, spec))


RatePoint = tuple[dt.date, str, str, float]


def load_rate_tables(root: Path, spec: CurrenciesSpec) -> list[RatePoint]:
    """Read the CSV rate tables named in currencies.yml; a bad cell names its file and line."""
    import csv
    import io

    points: list[RatePoint] = []
    for table in spec.rate_tables:
        path = root / table.file
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{_relative(path)}: cannot read rate table: {exc.strerror}") from exc
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise InputError(f"{_relative(path)}:{line}: not UTF-8 text") from exc
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, None)
        if not header or header[0] != "date":
            raise InputError(f"{_relative(path)}:1: the first column must be 'date'")
        quotes = header[1:]
        line = 1
        try:
            for line, row in enumerate(reader, 2):  # noqa: B007 - the error below names it
                if not any(cell.strip() for cell in row):
                    continue  # a blank line, at the end of the file or between rows
                day = dt.date.fromisoformat(row[0])
                for quote, cell in zip(quotes, row[1:], strict=False):
                    if cell:
                        rate = float(cell)
                        if not rate > 0 or rate == float("inf"):
                            raise ValueError(f"rate {cell!r} for {quote}: a rate is a positive number")
                        points.append((day, table.base, quote, rate))
        except (ValueError, IndexError) as exc:
            raise InputError(f"{_relative(path)}:{line}: bad rate row: {exc}") from exc
    return points


@dataclass
class RuleBook:
    """Every rule file, typed: the single source of domain knowledge for the engine."""

    root: Path
    entities: EntitiesSpec
    currencies: CurrenciesSpec
    units: UnitsSpec
    lexicon: LexiconSpec
    properties: PropertiesSpec
    boilerplate: BoilerplateSpec
    holidays: HolidaysSpec
    compare: list[CompareRuleSpec]
    compare_files: dict[str, Path] = field(default_factory=dict)
    fingerprint: str = ""
    """Hash of every rule file's bytes: caches of extracted claims depend on it."""
    _compiled: dict[object, object] = field(default_factory=dict, repr=False)

    def compiled(self, build: Callable[[RuleBook], T]) -> T:
        """One compiled object per rule book and builder (cue patterns, lexicons, resolvers),
        made on first use and shared by every document the rule book checks.
        """
        found = self._compiled.get(build)
        if found is None:
            found = self._compiled[build] = build(self)
        return cast(T, found)

    @cached_property
    def rate_points(self) -> list[RatePoint]:
        """Dated exchange rates from the CSV tables that currencies.yml names.

        Read on first use: thousands of rows that only comparing amounts in two currencies needs,
        while every run (``crosscheck claims`` included) would pay for them at start-up.
        """
        return load_rate_tables(self.root, self.currencies)

    @cached_property
    def entity_index(self) -> EntityIndex:
        """One compiled entity index per rule book, shared by every stage that looks up names."""
        return EntityIndex(self.entities)

    def rule(self, rule_id: str) -> CompareRuleSpec:
        for rule in self.compare:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


def _check_comparator(path: Path, item: Any, rule: CompareRuleSpec) -> None:
    """The comparator a rule extends must exist and accept the rule's parameters."""
    from checker.compare import COMPARATORS
    from checker.compare.engine import MESSAGE_FIELDS

    entry = COMPARATORS.get(rule.extends)
    if entry is None:
        line = _line_of(item, ("extends",))
        known = ", ".join(sorted(COMPARATORS))
        raise InputError(
            f"{_relative(path)}:{line}: extends: unknown comparator '{rule.extends}' (known: {known})"
        )
    validate(path, item, entry.params, subset=rule.params)
    import string

    for field_name in ("message", "agreement_message"):
        template = getattr(rule, field_name)
        line = _line_of(item, (field_name,))
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
        except ValueError as exc:
            raise InputError(f"{_relative(path)}:{line}: {field_name}: {exc}") from exc
        unknown = names - MESSAGE_FIELDS
        if unknown:
            allowed = ", ".join("{" + f + "}" for f in sorted(MESSAGE_FIELDS))
            raise InputError(
                f"{_relative(path)}:{line}: {field_name}: unknown field(s) {', '.join(sorted(unknown))}; "
                f"use {allowed}"
            )


def _compare_rules(path: Path, data: Any, known: dict[str, Path]) -> list[CompareRuleSpec]:
    """Validate one file of comparison rules against the comparators and the ids seen so far."""
    items = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InputError(f"{_relative(path)}:1: rules: expected a list of rules under 'rules:'")
    rules: list[CompareRuleSpec] = []
    seen = dict(known)
    for item in items:
        rule = validate(path, item, CompareRuleSpec)
        _check_comparator(path, item, rule)
        if rule.id in seen:
            line = getattr(item, "line", None)
            raise InputError(
                f"{_relative(path)}:{line}: id: rule '{rule.id}' is already defined in "
                f"{_relative(seen[rule.id])}"
            )
        seen[rule.id] = path
        rules.append(rule)
    return rules


def _check_holidays(path: Path, data: Any) -> HolidaysSpec:
    """Validate holidays.yml, then what no single entry can check: a spelling names one holiday only,
    and a holiday counted from another names one of the file that is not counted from it in turn.
    """
    spec = validate(path, data if data is not None else {}, HolidaysSpec)
    owner: dict[str, int] = {}
    for index, holiday in enumerate(spec.holidays):
        for name in holiday.names:
            other = owner.setdefault(folded_holiday_name(name), index)
            if other != index:
                line = _line_of(data, ("holidays", index, "names"))
                raise InputError(
                    f"{_relative(path)}:{line}: holidays.{index}.names: '{name}' already names the holiday "
                    f"'{spec.holidays[other].names[0]}'"
                )
    for index, holiday in enumerate(spec.holidays):
        seen = {index}
        current = holiday
        while current.from_holiday is not None:
            base = owner.get(folded_holiday_name(current.from_holiday.name))
            if base is None or base in seen:
                line = _line_of(data, ("holidays", index, "from_holiday", "name"))
                problem = "names no holiday of this file" if base is None else "is counted from this one"
                raise InputError(
                    f"{_relative(path)}:{line}: holidays.{index}.from_holiday.name: "
                    f"'{current.from_holiday.name}' {problem}"
                )
            seen.add(base)
            current = spec.holidays[base]
    return spec


def load_holidays(path: Path) -> HolidaysSpec:
    """Load and check one holidays.yml (see ``_check_holidays``)."""
    return with_lines(path, partial(_check_holidays, path))


def _rule_files(root: Path) -> Iterator[Path]:
    """Every file a rule book may read, in subfolders too (a rate table in rules/data/)."""
    yield from sorted(root.rglob("*.yml"))
    yield from sorted(root.rglob("*.csv"))


def load_rulebook(root: Path | None = None) -> RuleBook:
    """Load rules/ (or another folder laid out the same way) and check it as a whole."""
    root = root or DEFAULT_RULES_DIR
    if not root.is_dir():
        raise InputError(f"{_relative(root)}: rules folder not found")
    digest = hashlib.sha256()
    for path in _rule_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        try:
            digest.update(path.read_bytes())
        except OSError as exc:  # a dangling link, a folder named like a rule file
            raise InputError(f"{_relative(path)}: cannot read rule file: {exc.strerror}") from exc

    def required(path: Path) -> Path:
        if not path.exists():
            raise InputError(f"{_relative(path)}: required rule file is missing")
        return path

    def top(name: str, spec: type[SpecT]) -> SpecT:
        return load_spec(required(root / f"{name}.yml"), spec)

    compare: list[CompareRuleSpec] = []
    compare_files: dict[str, Path] = {}
    for path in sorted((root / "compare").glob("*.yml")):
        rules = with_lines(path, partial(_compare_rules, path, known=compare_files))
        for rule in rules:
            compare.append(rule)
            compare_files[rule.id] = path
    currencies = top("currencies", CurrenciesSpec)
    book = RuleBook(
        root=root,
        entities=top("entities", EntitiesSpec),
        currencies=currencies,
        units=top("units", UnitsSpec),
        lexicon=top("lexicon", LexiconSpec),
        properties=top("properties", PropertiesSpec),
        boilerplate=top("boilerplate", BoilerplateSpec),
        holidays=load_holidays(required(root / "holidays.yml")),
        compare=compare,
        compare_files=compare_files,
        fingerprint=digest.hexdigest()[:16],
    )
    return book
