"""Narratives copied from another unit of the folder: C21 applied across units.

The measure is core.checks.similarity (the one C21 uses) with the C21 rule's own parameters
from the unit's format (sections, n-gram size, threshold, minimum length); a pair is compared
only within one report year, since a unit's copy of its own last year is C21 itself.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable

from ..core.checks import Finding, similarity
from ..core.formats import Rule
from .names import normalize_name
from .units import Copy, Unit

SIMILARITY_CHECK = "narrative_similarity"  # the check function of core.checks behind C21


def similarity_rule(unit: Unit) -> Rule | None:
    return next((rule for rule in unit.report.spec.rules if rule.check == SIMILARITY_CHECK), None)


def own_copies(unit: Unit, previous_text: Callable[[str], str], previous_year: int, previous_source: str) -> None:
    """Record, for the board, the sections C21 found repeating the unit's own last year."""
    rule = similarity_rule(unit)
    if rule is None:
        return
    flagged = {f.section for f in unit.findings if f.rule == rule.id}
    for section_id in rule.params["sections"]:
        if section_id in flagged:
            share = similarity(unit.report.narrative.get(section_id, ""), previous_text(section_id),
                               rule.params["shingle"])
            unit.copies.append(Copy(section_id, share, unit.agency, previous_year, previous_source, True))


def find_cross_copies(units: Iterable[Unit], cancelled: Callable[[], bool] = lambda: False) -> None:
    """Add a C21 finding and a Copy to every unit whose narrative repeats another unit's of the same year."""
    by_year: dict[int, list[Unit]] = defaultdict(list)
    for unit in units:
        if unit.readable and unit.duplicate_of is None and similarity_rule(unit) is not None:
            by_year[unit.year].append(unit)
    for group in by_year.values():
        names = {id(u): normalize_name(u.agency) for u in group}
        sections = dict.fromkeys(s for u in group for s in similarity_rule(u).params["sections"])
        # Section by section, so each text's n-grams stay in core.checks' cache across the pairs.
        for section_id in sections:
            for unit in group:
                if cancelled():
                    return
                rule = similarity_rule(unit)
                p = rule.params
                if section_id not in p["sections"]:
                    continue
                text = unit.report.narrative.get(section_id, "")
                if len(text.strip()) < p["min_chars"]:
                    continue
                best: tuple[float, Unit] | None = None
                for other in group:
                    if other is unit or names[id(other)] == names[id(unit)]:
                        continue
                    other_text = other.report.narrative.get(section_id, "")
                    if not other_text:
                        continue
                    share = similarity(text, other_text, p["shingle"])
                    if share >= p["threshold"] and (best is None or share > best[0]):
                        best = (share, other)
                if best is not None:
                    _record(unit, rule, section_id, *best)


def _record(unit: Unit, rule: Rule, section_id: str, share: float, other: Unit) -> None:
    section = unit.report.spec.section(section_id)
    unit.copies.append(Copy(section_id, share, other.agency, other.year, other.source, False))
    unit.findings.append(Finding(
        rule=rule.id, severity=rule.severity, section=section_id,
        message=(f"「{section.title}」有{share:.0%}的文字与{other.agency}{other.year}年报告（{other.source}）相同，"
                 f"请按本单位实际情况撰写"),
        expected=f"<{rule.params['threshold']:.0%}", actual=f"{share:.0%}"))
