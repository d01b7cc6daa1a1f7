"""`booklet verify`: reads the built files back and proves them complete, or names what is missing."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from conftest import MINI, STYLES, run_booklet


@pytest.fixture
def built(tmp_path: Path) -> Path:
    """The mini kit, built and verified once, in tmp_path/build."""
    shutil.copytree(MINI, tmp_path / "content")
    result = run_booklet("build", "--styles", str(STYLES), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path


def test_the_manifest_lists_every_artefact_with_its_hash_and_count(built: Path):
    manifest = json.loads((built / "build" / "manifest.json").read_text())
    artefacts = manifest["artefacts"]
    assert set(artefacts) == {"patient-booklet.pdf", "handouts/type-a.pdf", "clinician-deck.pptx",
                              "patient-booklet.html", "patient-booklet-accessible.pdf"}
    for name, facts in artefacts.items():
        data = (built / "build" / name).read_bytes()
        assert facts["sha256"] == hashlib.sha256(data).hexdigest() and facts["bytes"] == len(data)
    assert artefacts["handouts/type-a.pdf"]["pages"] == 1
    assert artefacts["patient-booklet.pdf"]["pages"] % 4 == 0


def test_the_coverage_report_says_where_each_item_was_found(built: Path):
    result = run_booklet("verify", "--styles", str(STYLES), cwd=built)
    assert result.returncode == 0, result.stderr
    coverage = json.loads((built / "build" / "manifest.json").read_text())["coverage"]
    assert coverage["section first"]["booklet"].startswith("p. ")
    assert coverage["section first"]["deck"].startswith("s. ")
    assert coverage["table survival"]["handouts"] == "p. 1"        # one handout shows it, on its page 1
    assert coverage["chart survival"]["deck"].startswith("s. ")


def test_a_booklet_missing_a_section_fails_verification_naming_it(built: Path, tmp_path_factory):
    other = tmp_path_factory.mktemp("other")
    shutil.copytree(MINI, other / "content")
    (other / "content" / "sections" / "02-second.yaml").unlink()
    deck = other / "content" / "deck.yaml"
    deck.write_text(deck.read_text().replace("  - title: Outlook\n    sections: [second]\n", ""))
    assert run_booklet("build", "--styles", str(STYLES), cwd=other).returncode == 0
    shutil.copy(other / "build" / "patient-booklet.pdf", built / "build" / "patient-booklet.pdf")

    result = run_booklet("verify", "--styles", str(STYLES), cwd=built)

    assert result.returncode == 1
    assert ("content/sections/02-second.yaml:1:1: error: section 'second' (Outlook) is missing from "
            "patient-booklet.pdf: no titled place") in result.stderr


def test_a_changed_table_cell_is_caught_in_every_output(built: Path):
    table = built / "content" / "tables" / "survival.yaml"
    table.write_text(table.read_text().replace('"67%"', '"68%"'))

    result = run_booklet("verify", "--styles", str(STYLES), cwd=built)

    assert result.returncode == 1
    assert "table 'survival' is missing from patient-booklet.pdf: cells not found: 68%" in result.stderr
    assert "chart of table 'survival' is missing from patient-booklet.pdf: no page carries the chart's title" \
        in result.stderr
    assert "table 'survival' is missing from clinician-deck.pptx: no native table with identical cells" \
        in result.stderr
    assert "chart of table 'survival' is missing from clinician-deck.pptx: no native chart" in result.stderr
    assert "handouts/type-a.pdf" not in result.stderr      # type-a shows the first value column only


def test_a_missing_artefact_is_reported(built: Path):
    (built / "build" / "clinician-deck.pptx").unlink()
    result = run_booklet("verify", "--styles", str(STYLES), cwd=built)
    assert result.returncode == 1
    assert "clinician-deck.pptx was not built" in result.stderr
