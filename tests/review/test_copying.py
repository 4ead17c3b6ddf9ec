"""Copies across units: the n-gram index only proposes pairs; the result must be exactly what
comparing every pair with core.checks.similarity and the C21 threshold gives."""

from __future__ import annotations

import random
from pathlib import Path

from disclosure_desktop.core.checks import similarity
from disclosure_desktop.review.copying import find_cross_copies, similarity_rule
from disclosure_desktop.review.units import Unit

from .unit_reports import narrative_text, unit_report


def units_with_partial_copies(count: int, seed: int) -> list[Unit]:
    rng = random.Random(seed)
    units = []
    for n in range(count):
        report = unit_report(f"某县第{n}局", 2023, seed * 1000 + n, narrative_chars=300)
        units.append(Unit(f"{n}.gknb", Path(f"{n}.gknb"), report.agency, 2023, report.format, report=report))
    # Every other unit takes a share of an earlier unit's 总体情况 and writes the rest itself.
    for n in range(1, count, 2):
        source = units[rng.randrange(n)].report.narrative["s1"]
        keep = rng.uniform(0.55, 1.0)
        cut = int(len(source) * keep)
        units[n].report.narrative["s1"] = source[:cut] + narrative_text(rng, 1, len(source) - cut)
    return units


def brute_force(units: list[Unit]) -> dict[tuple[str, str], tuple[float, set[str]]]:
    """(unit, section) → (the highest share, the agencies with it), by comparing every pair."""
    found = {}
    for unit in units:
        p = similarity_rule(unit).params
        for section in p["sections"]:
            text = unit.report.narrative.get(section, "")
            if len(text.strip()) < p["min_chars"]:
                continue
            shares = [(similarity(text, o.report.narrative.get(section, ""), p["shingle"]), o.agency)
                      for o in units if o is not unit and o.report.narrative.get(section)]
            best = max(shares)[0]
            if best >= p["threshold"]:
                found[(unit.agency, section)] = (best, {agency for share, agency in shares if share == best})
    return found


def test_index_finds_exactly_the_copies_a_full_comparison_finds():
    for seed in range(1, 4):
        units = units_with_partial_copies(24, seed)
        expected = brute_force(units)
        find_cross_copies(units)
        got = {(u.agency, c.section): c for u in units for c in u.copies}
        assert got.keys() == expected.keys()
        for key, copy in got.items():
            assert copy.share == expected[key][0] and copy.other_agency in expected[key][1]
        assert expected, "the data must hold copies over the threshold"
        assert any(0.8 <= c.share < 1.0 for u in units for c in u.copies), "and partial ones"


def test_a_unit_never_copies_itself_and_findings_name_the_other():
    units = units_with_partial_copies(6, 9)
    units[2].report.narrative["s5"] = units[3].report.narrative["s5"]
    find_cross_copies(units)
    copy = next(c for c in units[2].copies if c.section == "s5")
    assert copy.other_agency == units[3].agency and copy.share == 1.0
    finding = next(f for f in units[2].findings if f.section == "s5")
    assert units[3].agency in finding.message and finding.severity == similarity_rule(units[2]).severity
