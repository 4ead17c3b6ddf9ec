"""Narratives copied from another unit of the folder: C21 applied across units.

The measure is core.checks.similarity (the one C21 uses) with the C21 rule's own parameters
from the unit's format (sections, n-gram size, threshold, minimum length); texts are compared
only within one report year, since a unit's copy of its own last year is C21 itself.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import chain
from typing import Callable, Iterable

from ..core.checks import Finding, shingles, similarity
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


# The index holds one n-gram in SAMPLE of each text (chosen by hash, so two texts keep the same
# ones); a pair is compared when its sampled overlap reaches CANDIDATE_SHARE of the threshold.
# A true copy (share ≥ threshold) keeps about the same share of its sampled n-grams, so with a
# margin this wide it is not missed; a short text has too few samples and is compared with all.
SAMPLE = 8
CANDIDATE_SHARE = 0.5
MIN_SAMPLED = 24


def find_cross_copies(units: Iterable[Unit], cancelled: Callable[[], bool] = lambda: False,
                      memo: dict[tuple[str, int], frozenset[str]] | None = None) -> None:
    """Add a C21 finding and a Copy to every unit whose narrative repeats another unit's of the same year.

    Comparing every pair is quadratic (200 units: 120,000 comparisons, seconds), so an index of
    sampled n-grams (core.checks.shingles, the ones `similarity` compares) proposes the pairs
    worth comparing, and `similarity` with the rule's threshold decides each of them.  `memo`
    keeps each text's sampled n-grams from one pass to the next (texts are compared by value, so
    an unchanged file costs nothing); it is trimmed to the texts of this pass.
    """
    memo = {} if memo is None else memo
    used: set[tuple[str, int]] = set()
    groups: dict[tuple[int, str, int], list[tuple[Unit, Rule, str]]] = defaultdict(list)
    for unit in units:
        if not unit.readable or unit.duplicate_of is not None:
            continue
        rule = similarity_rule(unit)
        if rule is None:
            continue
        for section_id in rule.params["sections"]:
            text = unit.report.narrative.get(section_id, "")
            if text.strip():
                groups[(unit.year, section_id, rule.params["shingle"])].append((unit, rule, text))
    for (_year, section_id, size), members in groups.items():
        if cancelled():
            return
        keys = [(text, size) for _u, _r, text in members]
        used.update(keys)
        for key in keys:
            if key not in memo:
                memo[key] = frozenset(g for g in shingles(*key) if hash(g) % SAMPLE == 0)
        for number, share, other in _copies_in_group([memo[key] for key in keys], members, size):
            unit, rule, _text = members[number]
            _record(unit, rule, section_id, share, members[other][0])
    for key in [k for k in memo if k not in used]:
        del memo[key]


def _copies_in_group(sampled: list[frozenset[str]], members, size: int) -> list[tuple[int, float, int]]:
    """(member, share, the member it repeats most) for every text at or over its rule's threshold."""
    texts = [text for _unit, _rule, text in members]
    index: dict[str, list[int]] = defaultdict(list)
    for number, grams in enumerate(sampled):
        for gram in grams:
            index[gram].append(number)
    names = [normalize_name(unit.agency) for unit, _rule, _text in members]
    found = []
    for number, (unit, rule, text) in enumerate(members):
        p = rule.params
        if len(text.strip()) < p["min_chars"]:
            continue
        if len(sampled[number]) < MIN_SAMPLED:
            candidates = range(len(texts))
        else:
            shared = Counter(chain.from_iterable(index[gram] for gram in sampled[number]))
            needed = CANDIDATE_SHARE * p["threshold"] * len(sampled[number])
            candidates = [other for other, count in shared.items() if count >= needed]
        best: tuple[float, int] | None = None
        for other in candidates:
            if other == number or names[other] == names[number]:
                continue
            share = similarity(text, texts[other], size)
            if share >= p["threshold"] and (best is None or share > best[0]):
                best = (share, other)
        if best is not None:
            found.append((number, *best))
    return found


def _record(unit: Unit, rule: Rule, section_id: str, share: float, other: Unit) -> None:
    section = unit.report.spec.section(section_id)
    unit.copies.append(Copy(section_id, share, other.agency, other.year, other.source, False))
    unit.findings.append(Finding(
        rule=rule.id, severity=rule.severity, section=section_id,
        message=(f"「{section.title}」有{share:.0%}的文字与{other.agency}{other.year}年报告（{other.source}）相同，"
                 f"请按本单位实际情况撰写"),
        expected=f"<{rule.params['threshold']:.0%}", actual=f"{share:.0%}"))
