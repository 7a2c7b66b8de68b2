"""The question bank: every question asked, grouped across interviews, with its answer history.

A card is one question however it was worded: the same words (ignoring case and
punctuation), or the same `topic:`. Wordings that only look alike are never put on
one card; they are suggested (`look_alike`), for the author to give them a topic.

Rehearsals in the practice log (journal/rehearsal.py) enter the bank in one place,
`rehearsed_recently`: a card rehearsed well and not due again counts as prepared.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.entries.model import QuestionCategory, normalise_key
from growthlog.entries.urls import Anchors
from growthlog.journal.rehearsal import Schedule, by_question, schedule_of
from growthlog.journal.similarity import clusters
from growthlog.journal.wording import Mention, Wording, group_wordings, most_common

#: How many companies a question's card names; the answer history below it has every one.
COMPANIES_SHOWN = 5
#: How many answers a question's card shows in full: a question asked more often lists the rounds
#: of its earlier answers as dated links (each answer is on its round's page). At 1,000 entries the
#: question bank printed 5,400 answers, half of its 1.1 MB, for 70 questions.
ANSWERS_SHOWN = 10

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from growthlog.entries.model import Entry, Question
    from growthlog.journal.journal import Journal


@dataclass(frozen=True, slots=True)
class BankedQuestion:
    """One question, however it was worded, with every time it was asked."""

    wording: Wording[Question]
    anchor: str
    schedule: Schedule | None = None
    """Its rehearsals in the practice log and when it is due again (None: never rehearsed)."""
    rehearsed: bool = False
    """Rehearsed recently and well (see `rehearsed_recently`): that too makes it prepared."""

    @property
    def text(self) -> str:
        return self.wording.text

    @property
    def topic(self) -> str:
        """The topic it was filed under (its most common spelling), or empty."""
        return most_common(m.item.topic for m in self.asked)

    @property
    def wordings(self) -> tuple[tuple[str, tuple[Mention[Question], ...]], ...]:
        """Each wording (the same words, ignoring case and punctuation) with the times it was asked, first asked first."""
        by_key: dict[str, list[Mention[Question]]] = {}
        for mention in self.asked:
            by_key.setdefault(normalise_key(mention.text), []).append(mention)
        return tuple((most_common(m.text for m in ms), tuple(ms)) for ms in by_key.values())

    @property
    def better_answers(self) -> tuple[Mention[Question], ...]:
        """Every time a better answer was written for it, oldest first."""
        return tuple(m for m in self.asked if m.item.better_answer.strip())

    @property
    def marked_prepared(self) -> bool:
        """Marked `prepared: true` in some entry."""
        return any(m.item.prepared for m in self.asked)

    @property
    def is_prepared(self) -> bool:
        """Ready for the next round: a better answer written, marked prepared, or rehearsed recently."""
        return bool(self.better_answer) or self.marked_prepared or self.rehearsed

    @property
    def asked(self) -> tuple[Mention[Question], ...]:
        """Every time it was asked, oldest first: the answer history."""
        return self.wording.mentions

    @property
    def times_asked(self) -> int:
        return self.wording.count

    @property
    def latest_asked(self) -> tuple[Mention[Question], ...]:
        """The last ANSWERS_SHOWN times it was asked, oldest first: the answers the card shows in full."""
        return self.asked[-ANSWERS_SHOWN:]

    @property
    def earlier_asked(self) -> tuple[Mention[Question], ...]:
        """The times before those, oldest first (none for a question asked ANSWERS_SHOWN times or fewer)."""
        return self.asked[:-ANSWERS_SHOWN] if len(self.asked) > ANSWERS_SHOWN else ()

    @property
    def earlier_rounds(self) -> tuple[Entry, ...]:
        """The rounds of `earlier_asked`, the card's dated links to the earlier answers."""
        return tuple(m.entry for m in self.earlier_asked)

    @property
    def companies(self) -> tuple[str, ...]:
        """The companies that asked it, each once, in the order they asked."""
        return tuple(dict.fromkeys(m.entry.company for m in self.asked))

    @property
    def companies_by_count(self) -> tuple[tuple[str, int], ...]:
        """Each company with how many times it asked, most first (in the order they asked on a tie)."""
        counts = Counter(m.entry.company for m in self.asked)
        return tuple(counts.most_common())

    @property
    def category(self) -> QuestionCategory:
        """The category it was filed under most often (the first one on a tie)."""
        counts = Counter(m.item.category for m in self.asked)
        return counts.most_common(1)[0][0]

    @property
    def tough(self) -> bool:
        """Marked tough at least once."""
        return any(m.item.tough for m in self.asked)

    @property
    def better_answer(self) -> str:
        """The latest "better answer" written for it, or empty."""
        for mention in reversed(self.asked):
            if mention.item.better_answer.strip():
                return mention.item.better_answer
        return ""

    @property
    def better_answer_entry(self) -> Entry | None:
        for mention in reversed(self.asked):
            if mention.item.better_answer.strip():
                return mention.entry
        return None

    @property
    def revise_reasons(self) -> tuple[str, ...]:
        """Why it is on the "to revise" list: tough, no better answer yet, or both."""
        reasons = []
        if self.tough:
            reasons.append("tough")
        if not self.is_prepared:
            reasons.append("no better answer yet")
        return tuple(reasons)


@dataclass(frozen=True, slots=True)
class CategoryGroup:
    """The questions of one category, most asked first."""

    category: QuestionCategory
    anchor: str
    questions: tuple[BankedQuestion, ...]


@dataclass(frozen=True, slots=True)
class QuestionBank:
    """The question bank page's content."""

    questions: tuple[BankedQuestion, ...]
    """Every distinct question, most asked first."""
    categories: tuple[CategoryGroup, ...]
    look_alike: tuple[tuple[BankedQuestion, ...], ...] = ()
    """Cards that most likely ask the same question in other words: a suggestion to give them one topic."""

    @property
    def rehearsed_well(self) -> tuple[BankedQuestion, ...]:
        """Cards that would be on To revise but were rehearsed well and are not due again yet."""
        return tuple(
            q
            for q in self.questions
            if q.rehearsed and (q.tough or not (q.better_answer or q.marked_prepared))
        )

    @property
    def to_prepare(self) -> tuple[BankedQuestion, ...]:
        """Questions not prepared yet: tough first, then the most asked, then the latest."""
        pending = [q for q in self.questions if not q.is_prepared]
        pending.sort(key=lambda q: (not q.tough, -q.times_asked, -q.wording.last.date.toordinal()))
        return tuple(pending)

    @property
    def to_rehearse(self) -> tuple[BankedQuestion, ...]:
        """Tough questions prepared but not rehearsed well lately: rehearse them. The most asked first."""
        tough = [q for q in self.questions if q.tough and q.is_prepared and not q.rehearsed]
        tough.sort(key=lambda q: (-q.times_asked, -q.wording.last.date.toordinal()))
        return tuple(tough)

    @property
    def to_revise(self) -> tuple[BankedQuestion, ...]:
        """The "to revise" list: questions to prepare, then tough questions to rehearse."""
        return self.to_prepare + self.to_rehearse

    @property
    def times_asked(self) -> int:
        return sum(q.times_asked for q in self.questions)


def group_keys(asked: Iterable[tuple[Entry, Question]]) -> dict[str, str]:
    """Each wording's card (by normalised wording): its topic's, when the wording is ever written with a topic.

    So a question asked five times and given a topic once joins that topic's card every time.
    """
    out: dict[str, str] = {}
    for _, question in asked:
        if question.topic:
            topic = normalise_key(question.topic)
            if topic:
                out.setdefault(normalise_key(question.q), "topic " + topic)
    return out


def rehearsed_recently(journal: Journal, schedule: Schedule | None) -> bool:
    """Whether a card's rehearsals make it prepared: its last rating was good and it is not due
    again yet (journal/rehearsal.py). The one place rehearsals decide To revise."""
    return schedule is not None and schedule.rested(journal.today)


def build_question_bank(journal: Journal) -> QuestionBank:
    """Group every question of the journal by its topic or its normalised wording, then by category."""
    asked = [(e, q) for e in journal.entries for q in e.questions]
    topics = group_keys(asked)
    wordings = group_wordings(Mention(e, q.q, q, topics.get(normalise_key(q.q), "")) for e, q in asked)
    anchors = Anchors()
    logged = by_question(journal.rehearsals)

    def card(wording: Wording[Question]) -> BankedQuestion:
        schedule = schedule_of(card_names(wording), logged) if logged else None
        return BankedQuestion(
            wording, anchors.make("q", wording.text), schedule, rehearsed_recently(journal, schedule)
        )

    questions = tuple(card(w) for w in wordings)
    # Each question's category worked out once (it counts the categories of every time it was asked).
    by_category: dict[QuestionCategory, list[BankedQuestion]] = {}
    for question in questions:
        by_category.setdefault(question.category, []).append(question)
    categories = tuple(
        CategoryGroup(cat, f"category-{cat.value}", tuple(by_category[cat]))
        for cat in QuestionCategory
        if cat in by_category
    )
    return QuestionBank(questions, categories, look_alike(questions))


def card_names(wording: Wording[Question]) -> list[str]:
    """What the practice log may call a card: any of its wordings, or its topic."""
    return [*(m.text for m in wording.mentions), *(m.item.topic for m in wording.mentions if m.item.topic)]


def look_alike(questions: Sequence[BankedQuestion]) -> tuple[tuple[BankedQuestion, ...], ...]:
    """Cards whose questions look alike (see similarity.py), where some card has no topic yet.

    Cards already given different topics were kept apart on purpose and are not suggested again.
    """
    groups = []
    for members in clusters([q.text for q in questions]):
        cards = tuple(questions[i] for i in members)
        if any(not card.topic for card in cards):
            groups.append(cards)
    return tuple(groups)
