"""Segmentation of real extracted text: broken lines, hyphenation, headings, bullets, markers."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("syntok")

from argmap.draft.segment import segment

TEXTS = Path(__file__).parent / "texts"


def units(text: str) -> list[str]:
    return [u.text for u in segment(text).units]


def test_sentences_broken_over_lines_and_blank_lines_are_joined() -> None:
    text = (TEXTS / "pdf.txt").read_text(encoding="utf-8")
    found = units(text)
    assert found[0] == ("The continuing closure of the border is one of the most serious "
                        "obstacles to regional trade.")
    assert "The unresolved dispute makes it very difficult for the EU to agree a strategy " \
           "towards the region." in found


def test_line_end_hyphens_join_words_but_keep_compounds_with_capitals() -> None:
    found = units((TEXTS / "pdf.txt").read_text(encoding="utf-8"))
    assert any(u.startswith("The unresolved dispute") for u in found)
    assert "The Turkish-Armenian commission has not met since 2010." in found


def test_each_unit_maps_back_to_its_original_span() -> None:
    text = (TEXTS / "pdf.txt").read_text(encoding="utf-8")
    for unit in segment(text).units:
        original = text[unit.start:unit.end]
        assert original.split()[0] == unit.text.split()[0]
        assert original.rstrip()[-1] == unit.text[-1]


def test_headings_in_caps_or_title_case_name_the_sections() -> None:
    result = segment((TEXTS / "pdf.txt").read_text(encoding="utf-8"))
    assert result.sections == ["Obstacles to Trade", "CONCLUSION"]
    by_text = {u.text: u.section for u in result.units}
    assert by_text["The EU could consider a new round of talks."] == "CONCLUSION"
    assert by_text["A failure to resolve it leaves both countries poorer."] is None


def test_first_heading_or_headline_is_the_title() -> None:
    assert segment((TEXTS / "policy.txt").read_text()).title == (
        "Reopening the Border: Options for the EU")
    assert segment((TEXTS / "news.txt").read_text()).title == "Minister says talks will go on"


def test_bullet_items_are_units_without_their_markers() -> None:
    found = units((TEXTS / "policy.txt").read_text(encoding="utf-8"))
    assert "Reopen the rail link between Kars and Gyumri." in found
    assert "The EU should fund joint customs posts." in found
    assert "It is necessary to train border staff on both sides." in found


def test_a_wrapped_line_that_looks_like_a_title_is_no_heading() -> None:
    text = "The talks were held with the\nEuropean Union Monitoring Mission\nin the room.\n"
    assert segment(text).sections == []
    assert units(text) == ["The talks were held with the European Union Monitoring Mission "
                           "in the room."]


@pytest.mark.parametrize(("sentence", "second"), [
    ("Russia wants talks with Georgia, but Georgia refuses them for now.",
     "but Georgia refuses them for now."),
    ("The border stays closed; however, trade goes on through third countries.",
     "however, trade goes on through third countries."),
    ("Georgia has more leverage here because it is the gatekeeper to the regions.",
     "because it is the gatekeeper to the regions."),
    ("The monitors still meet every week, although the talks have stalled completely.",
     "although the talks have stalled completely."),
    ("The plan will fail, since nobody on either side trusts the mediators.",
     "since nobody on either side trusts the mediators."),
    ("Russia won the war, therefore it can afford to be generous now.",
     "therefore it can afford to be generous now."),
    ("Russia won the war, so it can afford to be generous now.",
     "so it can afford to be generous now."),
    ("The embargo cut trade by half, which means the border regions grow poorer.",
     "which means the border regions grow poorer."),
])
def test_discourse_markers_open_new_units(sentence: str, second: str) -> None:
    assert units(sentence)[-1] == second
    assert len(units(sentence)) == 2


@pytest.mark.parametrize("sentence", [
    "Since then, regular talks have been held in Geneva on conflict issues.",
    "They can do so without jeopardizing the gains they drew from the war.",
    "Not only Russia but also Georgia signed the agreement in August.",
    "Talks have been held in Geneva ever since the war ended in 2008.",
])
def test_words_that_are_not_markers_here_do_not_split(sentence: str) -> None:
    assert units(sentence) == [sentence]


def test_quotations_and_abbreviations_stay_whole() -> None:
    text = ('Dr. Smith of the U.S. delegation said: "We must act now." Then he left. '
            '\u201cIs this the end?\u201d she asked.')
    assert units(text) == ['Dr. Smith of the U.S. delegation said: "We must act now."',
                           "Then he left.", "\u201cIs this the end?\u201d she asked."]


def test_asides_in_parentheses_are_no_units() -> None:
    assert units("Karasin met Abashidze in Prague. (Interpressnews.)") == [
        "Karasin met Abashidze in Prague."]


def test_windows_line_ends_and_page_breaks_keep_offsets_right() -> None:
    text = "The talks \r\nfailed in May.\r\n\fRussia holds most of the cards.\r\n"
    found = segment(text).units
    assert [u.text for u in found] == ["The talks failed in May.",
                                       "Russia holds most of the cards."]
    assert text[found[1].start:found[1].end] == "Russia holds most of the cards."
