"""Grouping of wordings and plan motivations: orders, ties and folding worked out by hand.

`group_wordings` takes the entry order of its mentions as given when they are in the
journal's order and ranks texts by a number; these tests pin the order it must give.
"""

from __future__ import annotations

from growthlog.journal.wording import Mention, group_wordings
from journals import round_

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
