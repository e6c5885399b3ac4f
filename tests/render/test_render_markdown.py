"""to_markdown: what the summary says, where its quotes stand, and how templates are confined."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from render_support import REPO, mermaid_errors

import argmap
from argmap.errors import RenderError
from argmap.publish.markdown import summary_context

KARASIN = REPO / "briefs" / "karasin-abashidze-2014.yaml"
GEORGIA = REPO / "briefs" / "georgia-russia-dialogue.yaml"


@pytest.fixture(scope="module")
def karasin_summary() -> str:
    return argmap.to_markdown(argmap.load(KARASIN))


def test_recommendations_show_addressee_chains_objections_and_replies(
    karasin_summary: str,
) -> None:
    assert "### 1. Georgia should take the first steps toward restoring diplomatic " in \
        karasin_summary
    assert "**To:** Russian Federation; Georgia" in karasin_summary
    assert ("Georgia broke diplomatic relations with Russia after the five-day war of August "
            "2008. → It was not Russia that broke off diplomatic relations in August 2008. → "
            "*(together with: The side that broke off") in karasin_summary
    assert ("- Formal frames where Russia and Georgia can take up the question already exist: the "
            "Geneva talks and the regular Karasin-Abashidze meetings. **(unanswered)**") in \
        karasin_summary


def test_a_granted_objection_is_answered_not_left_open() -> None:
    summary = argmap.to_markdown(argmap.load(GEORGIA))
    assert ("- There is a risk that the current Georgian government would claim concessions of "
            "this type as victories. *(conceded, and answered)*") in summary
    open_points = summary.split("## Open points")[1]
    assert "claim concessions of this type as victories" not in open_points
    assert "seemingly intractable problems" in open_points  # the region-wide risk is unanswered


def test_key_premises_carry_quotes_and_source_lines(karasin_summary: str) -> None:
    section = karasin_summary.split("## Key premises")[1].split("## Actors")[0]
    assert ("> “as we say, the road is made by walking” (source, line 18)") in section
    assert "**The side that broke off diplomatic relations is the one" in section


def test_actors_and_open_points(karasin_summary: str) -> None:
    assert "| Grigory Karasin | Deputy Foreign Minister of Russia | 0 recommendations | " \
        "10 statements |" in karasin_summary
    open_points = karasin_summary.split("## Open points")[1]
    assert "Karasin's next meeting with Abashidze is scheduled for mid-July." in open_points
    assert "Formal frames where Russia and Georgia can take up" in open_points


def test_the_mermaid_diagram_is_embedded_on_request() -> None:
    brief = argmap.load(KARASIN)
    assert "```mermaid" not in argmap.to_markdown(brief)
    summary = argmap.to_markdown(brief, diagram=True, group="speaker")
    block = summary.split("```mermaid\n")[1].split("```")[0]
    assert mermaid_errors(block) == []
    assert "subgraph g0" in block


def test_each_recommendation_says_whether_it_stands_and_how_strongly() -> None:
    brief = argmap.load(KARASIN)
    summary = argmap.to_markdown(brief)
    evaluation = argmap.evaluate(brief, "quadratic-energy")
    strength = evaluation.strengths["georgia-should-take-first-steps"]
    assert f"**Verdict:** falls, strength {strength:.2f} under the quadratic energy model" in (
        summary)
    assert summary.count("**Verdict:**") == len(brief.recommendations)
    assert "not on Georgia's agenda at present. **(unanswered)**" in summary
    assert "**Verdict:**" not in argmap.to_markdown(brief, evaluation=False)


def test_a_hedged_recommendation_with_a_sure_reason_is_not_summarised_as_certain() -> None:
    """The summary weighs with the quadratic energy model: DF-QuAD would read the Georgia
    brief's "Perhaps it would be more effective ..." as 1.00, a certainty it disclaims."""
    brief = argmap.load(GEORGIA)
    key = "promote-georgian-dialogue-with-breakaways"
    assert brief.recommendations[key].qualifier == "perhaps"
    assert round(argmap.evaluate(brief, "dfquad").strengths[key], 2) == 1.0
    strength = argmap.evaluate(brief, "quadratic-energy").strengths[key]
    assert 0.55 < strength < 0.95
    summary = argmap.to_markdown(brief)
    row = next(line for line in summary.splitlines() if line.startswith("| Perhaps it would"))
    assert f"stands, {strength:.2f}" in row


def test_grounded_verdicts_come_without_strengths() -> None:
    brief = argmap.load(KARASIN)
    summary = argmap.to_markdown(brief, evaluation=argmap.evaluate(brief))
    assert "**Verdict:** falls\n" in summary
    assert "strength" not in summary


def test_a_brief_without_a_file_has_no_source_lines() -> None:
    text = KARASIN.read_text(encoding="utf-8")
    summary = argmap.to_markdown(argmap.loads(text))
    assert "(source, line" not in summary
    assert "> “as we say, the road is made by walking”" in summary


def test_the_source_is_read_only_inside_the_allowed_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the road is made by walking\n", encoding="utf-8")
    folder = tmp_path / "briefs"
    folder.mkdir()
    text = KARASIN.read_text(encoding="utf-8").replace(
        "path: sources/karasin-abashidze-2014.txt", "path: ../secret.txt")
    (folder / "brief.yaml").write_text(text, encoding="utf-8")
    context = summary_context(argmap.load(folder / "brief.yaml"))
    assert context["located"] is False
    # With the parent as the allowed root, the same path may be read.
    context = summary_context(argmap.load(folder / "brief.yaml", root=tmp_path))
    assert context["located"] is True


def test_a_user_template_gets_the_same_variables_escaped(tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "{{ title }}|{% for r in recommendations %}{{ r.id }}:{{ r.addressees[0].name }};"
        "{% endfor %}{{ counts.premises }}|{{ '<b>' }}|{{ '<i>' | md }}\n", encoding="utf-8")
    out = argmap.to_markdown(argmap.load(KARASIN), template=template)
    assert out.startswith("Russia wants Georgia")
    assert "georgia-should-take-first-steps:Georgia;" in out
    assert out.endswith(";13|&lt;b&gt;|&lt;i&gt;\n")


_STEPS_LOOP = (
    '{% for s in chain.steps %}{% if not loop.first %} → {% endif %}{% if s.kind == "argument" %}'
    '{% if s.partners %}*(together with: {% for p in s.partners %}{% if not loop.first %}; '
    '{% endif %}{{ p.text }}{% endfor %})*{% else %}*(an inference)*{% endif %}{% else %}'
    '{{ s.text }}{% endif %}{% endfor %}'
)


@pytest.mark.parametrize("brief", [KARASIN, GEORGIA])
def test_a_chains_markdown_is_what_a_loop_over_its_steps_prints(
    tmp_path: Path, brief: Path
) -> None:
    loop = tmp_path / "loop.md.j2"
    loop.write_text("{% for r in recommendations %}{% for chain in r.chains %}" + _STEPS_LOOP
                    + "|{% endfor %}{% endfor %}", encoding="utf-8")
    ready = tmp_path / "ready.md.j2"
    ready.write_text("{% for r in recommendations %}{% for chain in r.chains %}"
                     "{{ chain.markdown }}|{% endfor %}{% endfor %}", encoding="utf-8")
    loaded = argmap.load(brief)
    printed = argmap.to_markdown(loaded, template=loop)
    assert printed == argmap.to_markdown(loaded, template=ready)
    assert " → " in printed and "|" in printed


def test_a_chains_markdown_escapes_the_brief_text(tmp_path: Path) -> None:
    brief = argmap.loads(
        "argmap: 1\nid: x\ntitle: X\npremises:\n"
        "  a: {text: '<b>*bold*</b> see www.x.org', supports: [r]}\n"
        "recommendations:\n  r: {text: Do it.}\n")
    ready = tmp_path / "ready.md.j2"
    ready.write_text("{% for r in recommendations %}{% for chain in r.chains %}"
                     "{{ chain.markdown }}{% endfor %}{% endfor %}", encoding="utf-8")
    assert argmap.to_markdown(brief, template=ready) == (
        "&lt;b&gt;\\*bold\\*&lt;/b&gt; see www\\.x\\.org")


@pytest.mark.parametrize("body", [
    "{{ brief.__class__.__mro__ }}",
    "{{ ''.__class__.__subclasses__() }}",
    "{{ brief._origin }}",
    "{% include 'other.j2' %}",
    "{{ undefined_variable }}",
    "{% for %}",
])
def test_a_user_template_is_confined(tmp_path: Path, body: str) -> None:
    (tmp_path / "other.j2").write_text("secret", encoding="utf-8")
    template = tmp_path / "evil.j2"
    template.write_text(body, encoding="utf-8")
    with pytest.raises(RenderError):
        argmap.to_markdown(argmap.load(KARASIN), template=template)


def test_missing_template_is_a_render_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="cannot read the template"):
        argmap.to_markdown(argmap.load(KARASIN), template=tmp_path / "nope.j2")


def test_the_default_template_ships_with_the_package() -> None:
    import importlib.resources

    from argmap.publish.markdown import DEFAULT_TEMPLATE, _default_template_text

    shipped = REPO / "templates" / DEFAULT_TEMPLATE
    assert _default_template_text() == shipped.read_text(encoding="utf-8")
    try:
        packaged = importlib.resources.files("argmap.templates") / DEFAULT_TEMPLATE
        assert packaged.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")
    except ModuleNotFoundError:  # an editable checkout without templates/__init__.py
        pass


def test_summary_of_a_copy_is_the_same(tmp_path: Path) -> None:
    shutil.copytree(REPO / "briefs", tmp_path / "briefs")
    copied = argmap.to_markdown(argmap.load(tmp_path / "briefs" / GEORGIA.name))
    assert copied == argmap.to_markdown(argmap.load(GEORGIA))
