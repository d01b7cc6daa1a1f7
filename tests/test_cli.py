"""The command line: subcommands, help, exit codes (0 ok, 1 content problems, 2 usage)."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINI, STYLES, run_booklet


@pytest.mark.parametrize("command", ["build", "check", "verify"])
def test_each_subcommand_explains_itself(command: str, tmp_path: Path):
    result = run_booklet(command, "--help", cwd=tmp_path)
    assert result.returncode == 0
    for option in ("--content", "--styles"):
        assert option in result.stdout


def test_usage_errors_exit_2(tmp_path: Path):
    assert run_booklet("bake", cwd=tmp_path).returncode == 2
    assert run_booklet("build", "--colour", "red", cwd=tmp_path).returncode == 2


def test_missing_content_folder_is_a_content_problem(tmp_path: Path):
    result = run_booklet("check", "--content", "nowhere", "--styles", str(STYLES), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("nowhere:1:1: error: content folder not found")


def test_check_passes_on_the_mini_fixture_and_reports_grades(tmp_path: Path):
    result = run_booklet("check", "--content", str(MINI), "--styles", str(STYLES), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "OVERALL" in result.stdout
    assert "check: 0 errors" in result.stdout


def test_strict_check_fails_on_warnings(mini: Path, tmp_path: Path):
    kit = mini / "kit.yaml"
    kit.write_text(kit.read_text().replace("next_review: 2027-11-01", "next_review: 2026-11-02")
                   .replace("last_reviewed: 2026-11-01", "last_reviewed: 2020-01-01"))
    relaxed = run_booklet("check", "--content", str(mini), "--styles", str(STYLES), cwd=tmp_path)
    strict = run_booklet("check", "--strict", "--content", str(mini), "--styles", str(STYLES), cwd=tmp_path)
    assert relaxed.returncode == 0
    assert strict.returncode == 1
    assert "review date 2026-11-02 has passed" in strict.stderr


def test_the_deck_cover_fields_can_be_given_on_the_command_line(tmp_path: Path):
    from pptx import Presentation

    result = run_booklet("build", "--content", str(MINI), "--styles", str(STYLES), "--only", "deck",
                         "--presenter", "Dr. A. Rivera", "--credentials", "MD", "--institution", "Lakeside Clinic",
                         "--event-date", "12 March 2027", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    cover = Presentation(str(tmp_path / "out" / "clinician-deck.pptx")).slides[0]
    lines = [p.text for s in cover.placeholders for p in s.text_frame.paragraphs]
    assert lines[1:4] == ["Dr. A. Rivera, MD", "Lakeside Clinic", "12 March 2027"]
    assert "[Presenter name]" not in " ".join(lines)
