"""The compare stage: meet claims on their keys, apply the deciding rule, emit findings.

Claims are blocked by key (a dict), and each comparator works within a key by sorting or
clustering, so the stage grows with the number of claims, not with its square.
"""

from __future__ import annotations

import hashlib
import string
from collections import defaultdict
from collections.abc import Sequence

from checker.compare import COMPARATORS
from checker.compare.base import ClaimCheck, CompareContext, GroupComparator, Outcome
from checker.describe import describe
from checker.models import Claim, Finding, ValueGroup
from checker.rules import RuleBook
from checker.rulespecs import CompareRuleSpec

MESSAGE_FIELDS = frozenset({"key", "values", "sources", "detail", "rule", "kind"})


def property_of(key: str) -> str:
    """The property part of ``kind:subject/property@scope``."""
    rest = key.split("/", 1)[1] if "/" in key else ""
    return rest.split("@", 1)[0]


def fingerprint(rule_id: str, key: str, claims: Sequence[Claim]) -> str:
    """Stable id: the rule, the key and each claim's source and words, never offsets."""
    parts = sorted({f"{c.source}\x00{c.text}" for c in claims})
    digest = hashlib.sha256("\x01".join([rule_id, key, *parts]).encode()).hexdigest()
    return digest[:16]


def render_message(template: str, **fields: str) -> str:
    """Fill a rule's message; only plain names are allowed, so nothing in a rule file runs."""
    return string.Formatter().vformat(template, (), fields)


def _pick(rules: Sequence[CompareRuleSpec], kind: str, prop: str) -> CompareRuleSpec | None:
    fitting = [r for r in rules if kind in r.kinds and (not r.properties or prop in r.properties)]
    if not fitting:
        return None
    return max(fitting, key=lambda r: (r.priority, bool(r.properties)))


def _finding(rule: CompareRuleSpec, key: str, outcome: Outcome) -> Finding:
    labels = outcome.labels or [describe(group[0].value) for group in outcome.groups]
    groups = [
        ValueGroup(value=label, claims=[c.id for c in group], sources=sorted({c.source for c in group}))
        for label, group in zip(labels, outcome.groups, strict=True)
    ]
    claims = outcome.claims
    values = "; ".join(f"{g.value} ({', '.join(g.sources)})" for g in groups)
    full_key = f"{key}#{outcome.scope}" if outcome.scope else key
    message = render_message(
        rule.message if outcome.verdict == "conflict" else rule.agreement_message,
        key=full_key,
        values=values,
        sources=", ".join(sorted(outcome.sources)),
        detail=outcome.detail or "",
        rule=rule.id,
        kind=claims[0].kind,
    )
    return Finding(
        id=fingerprint(rule.id, full_key, claims),
        verdict=outcome.verdict,
        kind=claims[0].kind,
        key=full_key,
        claims=[c.id for c in claims],
        rule=rule.id,
        severity=rule.severity if outcome.verdict == "conflict" else "info",
        message=message,
        groups=groups,
        detail=outcome.detail,
    )


def evaluate(claims: Sequence[Claim], rules: RuleBook) -> tuple[list[Finding], list[str]]:
    """Findings for every key where claims meet, and the ids of claims no other source states."""
    ctx = CompareContext(rules=rules, entities=rules.entity_index)
    group_rules = [r for r in rules.compare if COMPARATORS[r.extends].implementation.per == "group"]
    claim_rules = [r for r in rules.compare if COMPARATORS[r.extends].implementation.per == "claim"]
    by_key: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.key:
            by_key[claim.key].append(claim)
    findings: list[Finding] = []
    verified: set[str] = set()
    for key in sorted(by_key):
        members = by_key[key]
        rule = _pick(group_rules, members[0].kind, property_of(key))
        if rule is None:
            continue
        entry = COMPARATORS[rule.extends]
        params = entry.params.model_validate(rule.params)
        implementation = entry.implementation
        if not isinstance(implementation, GroupComparator):
            continue
        for outcome in implementation.compare(members, params, ctx):
            if not outcome.groups:
                continue
            multi_source = len(outcome.sources) >= 2
            if multi_source or outcome.verdict == "conflict":
                findings.append(_finding(rule, key, outcome))
            if multi_source:
                verified.update(c.id for c in outcome.claims)
    for rule in claim_rules:
        entry = COMPARATORS[rule.extends]
        params = entry.params.model_validate(rule.params)
        check = entry.implementation
        if not isinstance(check, ClaimCheck):
            continue
        for claim in claims:
            if claim.kind in rule.kinds:
                checked = check.check(claim, params, ctx)
                if checked:
                    findings.append(_finding(rule, claim.key or f"{claim.kind}:{claim.id}", checked))
    findings.sort(key=lambda f: (f.verdict != "conflict", f.kind, f.key, f.id))
    return findings, [c.id for c in claims if c.id not in verified]
