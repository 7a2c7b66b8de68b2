"""Grouping of wordings and plan motivations: orders, ties and folding worked out by hand.

`group_wordings` takes the entry order of its mentions as given when they are in the
journal's order and ranks texts by a number; these tests pin the order it must give.
"""

from __future__ import annotations

from growthlog.entries.model import Feedback, Lesson, PlanItem, PlanStatus
from growthlog.journal import plan
from growthlog.journal.plan import Motivation, build_plan, motivations_for
from growthlog.journal.wording import Mention, group_wordings
from journals import journal_of, round_

A = round_("2026-09-01", "Acme", "screen", "advanced")
B = round_("2026-09-05", "Beta", "screen", "advanced")
# Same day as B, a path after B's: the later of the two.
C = round_("2026-09-05", "Gamma", "screen", "advanced")
D = round_("2026-09-10", "Delta", "screen", "advanced")


def _texts(mentions: list[Mention[str]]) -> list[tuple[str, int]]:
    return [(w.text, w.count) for w in group_wordings(mentions)]


def test_wordings_rank_by_count_then_latest_entry_then_text() -> None:
    mentions = [
        Mention(A, "Pacing", "Pacing"),
        Mention(A, "clear answers", "clear answers"),
        Mention(B, "Zebra", "Zebra"),
        Mention(B, "apple", "apple"),
        Mention(C, "pacing!", "pacing!"),
        Mention(C, "Mango", "Mango"),
        Mention(D, "Clear answers.", "Clear answers."),
    ]
    # Twice: "clear answers" (last in D) before "pacing" (last in C). Once: Mango (C), then
    # apple and Zebra (both B: in the order of their folded text, "apple" < "zebra").
    assert _texts(mentions) == [
        ("clear answers", 2),
        ("Pacing", 2),
        ("Mango", 1),
        ("apple", 1),
        ("Zebra", 1),
    ]


def test_wordings_of_mentions_out_of_date_order_are_those_of_the_sorted_mentions() -> None:
    in_order = [
        Mention(A, "Pacing", "a"),
        Mention(B, "pacing", "b"),
        Mention(B, "PACING", "b2"),
        Mention(C, "Depth", "c"),
        Mention(D, "depth", "d"),
    ]
    shuffled = [in_order[3], in_order[1], in_order[4], in_order[0], in_order[2]]
    for given in (in_order, shuffled):
        wordings = group_wordings(given)
        assert [(w.key, w.count) for w in wordings] == [("pacing", 3), ("depth", 2)]
        # Mentions in entry order; the two of B as given ("pacing" before "PACING").
        assert [m.item for m in wordings[0].mentions] == ["a", "b", "b2"]
        assert wordings[0].entries == (A, B)
        assert wordings[0].text == "Pacing"  # each wording once: the first written
        assert [m.item for m in wordings[1].mentions] == ["c", "d"]


def test_wordings_fold_case_punctuation_and_space_and_skip_empty_texts() -> None:
    mentions = [
        Mention(A, "  ", "blank"),
        Mention(A, "?!", "only punctuation"),
        Mention(B, "On-call   load", "1"),
        Mention(C, "on call load", "2"),
        Mention(D, "ON CALL, LOAD", "3"),
        Mention(D, "on call load", "4"),
    ]
    [wording] = group_wordings(mentions)
    assert wording.key == "on call load"
    assert wording.count == 4
    assert wording.entries == (B, C, D)
    assert wording.text == "on call load"  # written twice that way, the others once
    assert group_wordings([]) == ()


def test_a_plan_item_shows_the_notes_sharing_a_word_first_each_part_in_the_notes_order() -> None:
    entry = round_(
        "2026-10-01",
        "Acme",
        "onsite",
        "rejected",
        fell_short=("Rambled on system design", "Weak Kafka internals"),
        feedback=Feedback(text="Design answers lacked structure"),
        lessons=(Lesson("Sleep before onsites"), Lesson("Kafka partitions matter")),
        development=(
            PlanItem("Kafka", "Read the design docs", PlanStatus.TODO),
            PlanItem("Rest", "Sleep eight hours", PlanStatus.TODO),
            PlanItem("Pitch", "Rehearse", PlanStatus.TODO),
        ),
    )
    kafka, rest, pitch = build_plan(journal_of(entry)).items
    # "kafk" and "desi(gn)" are shared with the item; "read", "docs" with nothing.
    assert [(m.kind, m.text, m.related) for m in kafka.motivations] == [
        ("Fell short", "Rambled on system design", True),
        ("Fell short", "Weak Kafka internals", True),
        ("Feedback", "Design answers lacked structure", True),
        ("Lesson", "Kafka partitions matter", True),
        ("Lesson", "Sleep before onsites", False),
    ]
    assert [m.text for m in rest.related_motivations] == ["Sleep before onsites"]
    assert [m.text for m in rest.other_motivations] == [
        "Rambled on system design",
        "Weak Kafka internals",
        "Design answers lacked structure",
        "Kafka partitions matter",
    ]
    # Nothing shares a word with "Pitch: Rehearse": every note, none of them related.
    assert pitch.motivations == tuple(
        Motivation(kind, text, False)
        for kind, text in (
            ("Fell short", "Rambled on system design"),
            ("Fell short", "Weak Kafka internals"),
            ("Feedback", "Design answers lacked structure"),
            ("Lesson", "Sleep before onsites"),
            ("Lesson", "Kafka partitions matter"),
        )
    )
    assert pitch.related_motivations == pitch.motivations and pitch.other_motivations == ()
    # The entry's items built one by one give the same.
    assert [motivations_for(i.item, entry) for i in (kafka, rest, pitch)] == [
        kafka.motivations,
        rest.motivations,
        pitch.motivations,
    ]


def test_an_entry_without_notes_gives_its_plan_items_no_motivations() -> None:
    entry = round_(
        "2026-10-01", "Acme", "onsite", "rejected", development=(PlanItem("Kafka", "Read", PlanStatus.TODO),)
    )
    [item] = build_plan(journal_of(entry)).items
    assert item.motivations == () and item.related_motivations == () and item.other_motivations == ()


def test_plan_stems_skip_common_words_but_not_longer_words_that_start_like_them() -> None:
    # "with", "about", "time" are common; "withdrawn" and "timer" are not (a run is matched whole).
    assert plan._stems("with withdrawn, ABOUT-about! timer time") == {"with", "time"}
    assert plan._stems("on-call 24/7 rota_x abc") == {"call", "rota"}  # a run ends at a digit or "_"
    assert plan._stems("Über die Straße, with Ärger") == {"über", "stra", "ärge"}
    assert plan._stems("") == frozenset()
