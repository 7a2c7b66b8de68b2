"""The HTML helpers the journal pages call thousands of times: escaped like the templates would."""

from __future__ import annotations

from growthlog.entries.model import Outcome, Question, QuestionCategory, Stage
from growthlog.journal.wording import Mention
from growthlog.pages import fragments
from journals import round_


def test_a_source_link_escapes_the_company_and_the_address() -> None:
    entry = round_("2026-11-04", '<script>alert(1)</script> "Acme" & Co', "onsite", "advanced")
    link = fragments.source_link('../a"b/', entry)
    assert str(link) == (
        '<a href="../a&#34;b/">&lt;script&gt;alert(1)&lt;/script&gt; &#34;Acme&#34; &amp; Co, onsite, '
        "4 Nov 2026</a>"
    )
    assert str(fragments.source_link("../a/", entry, dated=False)).endswith("Co, onsite</a>")


def test_a_source_list_joins_links_with_middle_dots() -> None:
    a = round_("2026-11-04", "Acme", "screen", "advanced")
    b = round_("2026-11-10", "Beta", "take-home", "rejected")
    assert str(fragments.source_list([("../a/", a), ("../b/", b)])) == (
        '<span class="gl-sources"><a href="../a/">Acme, screen, 4 Nov 2026</a> \u00b7 '
        '<a href="../b/">Beta, take home, 10 Nov 2026</a></span>'
    )


def test_badges_and_confidence() -> None:
    assert str(fragments.outcome_badge(Outcome.ADVANCED)) == (
        '<span class="gl-badge gl-outcome gl-outcome--advanced">Advanced</span>'
    )
    assert str(fragments.stage_badge(Stage.TAKE_HOME)) == '<span class="gl-badge gl-stage">Take home</span>'
    assert str(fragments.confidence(3)) == (
        '<span class="gl-confidence" role="img" aria-label="Confidence 3 of 5">\u25cf\u25cf\u25cf\u25cb\u25cb</span>'
    )
    assert str(fragments.confidence(None)) == ""
    assert str(fragments.times_badge(1)) == ""
    assert "\u00d7 3" in str(fragments.times_badge(3))


def test_an_answer_history_escapes_answers_and_marks_tough_rounds() -> None:
    tough = Question("Why?", QuestionCategory.CULTURE, True, "<b>Because</b> & so")
    plain = Question("Why?", QuestionCategory.CULTURE)
    a = round_("2026-11-04", "Acme", "screen", "advanced")
    b = round_("2026-11-10", "Beta", "onsite", "advanced")
    history = str(
        fragments.answer_history([("../a/", Mention(a, "Why?", tough)), ("../b/", Mention(b, "Why?", plain))])
    )
    assert history == (
        '<li><a href="../a/">Acme, screen, 4 Nov 2026</a> <span class="gl-badge gl-tough">Tough</span><br>'
        "&lt;b&gt;Because&lt;/b&gt; &amp; so</li>\n"
        '<li><a href="../b/">Beta, onsite, 10 Nov 2026</a><br><span class="gl-muted">No answer noted.</span></li>'
    )
