"""The journal's vocabulary: one interview round is an `Entry`.

Everything here is immutable so that a parsed entry can be cached across
`mkdocs serve` rebuilds and shared by every view without defensive copies.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt


class Stage(str, Enum):
    """How far a process went; the order of the members is the order of a process."""

    APPLIED = "applied"
    SCREEN = "screen"
    TECHNICAL = "technical"
    TAKE_HOME = "take-home"
    ONSITE = "onsite"
    FINAL = "final"
    OFFER = "offer"

    @property
    def rank(self) -> int:
        """Position in the process: applied is 0, offer is 6."""
        return _STAGE_RANK[self]

    @property
    def label(self) -> str:
        return _STAGE_LABEL[self]


_STAGE_RANK = {stage: rank for rank, stage in enumerate(Stage)}
#: Worked out once: pages print a stage label for every round they link to (thousands per build).
_STAGE_LABEL = {stage: stage.value.replace("-", " ").capitalize() for stage in Stage}


class Outcome(str, Enum):
    """What came of a round."""

    PENDING = "pending"
    ADVANCED = "advanced"
    REJECTED = "rejected"
    OFFER = "offer"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDREW = "withdrew"
    GHOSTED = "ghosted"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def is_closed(self) -> bool:
        """True when the process ended with this round (no more rounds expected)."""
        return self in _CLOSED_OUTCOMES


_CLOSED_OUTCOMES = frozenset(
    {Outcome.REJECTED, Outcome.ACCEPTED, Outcome.DECLINED, Outcome.WITHDREW, Outcome.GHOSTED}
)


class Format(str, Enum):
    """How a round was held."""

    PHONE = "phone"
    VIDEO = "video"
    ONSITE = "onsite"
    TAKE_HOME = "take-home"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


class EntryKind(str, Enum):
    """What an entry records: an interview round (the default), or a journal note (`kind: note`)."""

    ROUND = "round"
    NOTE = "note"


class Reason(str, Enum):
    """Why a process ended without an offer, when the author knows (for rejected or ghosted rounds)."""

    SKILLS = "skills"
    EXPERIENCE = "experience"
    FIT = "fit"
    TIMING = "timing"
    OTHER_CANDIDATE = "other-candidate"
    POSITION_CLOSED = "position-closed"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


#: The outcomes a `reason` explains.
REASON_OUTCOMES = frozenset({Outcome.REJECTED, Outcome.GHOSTED})


class PlanStatus(str, Enum):
    """Where a development plan item stands."""

    TODO = "todo"
    DOING = "doing"
    DONE = "done"

    @property
    def label(self) -> str:
        return {"todo": "To do", "doing": "Doing", "done": "Done"}[self.value]


class QuestionCategory(str, Enum):
    """The kind of interview question."""

    BEHAVIORAL = "behavioral"
    TECHNICAL = "technical"
    SYSTEM_DESIGN = "system-design"
    CULTURE = "culture"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


@dataclass(frozen=True, slots=True)
class Feedback:
    """Feedback asked for after a round, and what came back."""

    requested: dt.date | None = None
    received: dt.date | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One development plan item: a gap turned into an action."""

    skill: str
    action: str
    status: PlanStatus = PlanStatus.TODO
    due: dt.date | None = None
    because: str = ""
    """The fell_short, feedback or lesson text (or its start) that motivated the item; empty when not said."""
    line: int = field(default=0, compare=False)
    """The line of the file it starts at, for messages about it (0 when not read from a file)."""


@dataclass(frozen=True, slots=True)
class Question:
    """A question asked in a round, with the answer given and the one to give next time."""

    q: str
    category: QuestionCategory = QuestionCategory.OTHER
    tough: bool = False
    answer: str = ""
    better_answer: str = ""
    topic: str = ""
    """Questions with the same topic (normalised) are one card in the question bank."""
    prepared: bool = False
    """Prepared without a better answer written down."""
    line: int = field(default=0, compare=False)
    """The line of the file it starts at, for messages about it (0 when not read from a file)."""


@dataclass(frozen=True, slots=True)
class SearchFit:
    """How well the role and the company fit: the material for refining the search."""

    role_fit: int | None = None
    company_fit: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Lesson:
    """A lesson learned; `theme` groups lessons on the lessons page."""

    text: str
    theme: str = ""
    line: int = field(default=0, compare=False)
    """The line of the file it is at, for messages about it (0 when not read from a file)."""


@dataclass(frozen=True, slots=True)
class PrivateValue:
    """One private value, flattened: `key` is a dotted path such as `private.salary`."""

    key: str
    value: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One interview round, or one journal note (`kind: note`), as read from one file under `entries/`.

    A journal note has no company, role, stage or outcome: its `company` and `role` are empty and
    its `stage` and `outcome` are placeholders that mean nothing. Views that count rounds read
    `Journal.rounds`, which holds no notes; check `is_note` before reading a stage or an outcome.
    """

    path: str
    """Path of the file relative to the entries folder, with forward slashes."""
    date: dt.date
    company: str
    role: str
    stage: Stage
    outcome: Outcome
    kind: EntryKind = EntryKind.ROUND
    note_title: str = ""
    """A journal note's own `title` (rounds are titled by company, role and stage)."""
    reason: Reason | None = None
    """Why the process ended (rejected or ghosted rounds only), when the author knows."""
    posting: str = ""
    """The job posting's URL (public)."""
    format: Format | None = None
    seniority: str = ""
    application_id: str = ""
    """The explicit `application` id, or empty when the default (company + role) applies."""
    confidence: int | None = None
    tags: tuple[str, ...] = ()
    draft: bool = False
    went_well: tuple[str, ...] = ()
    fell_short: tuple[str, ...] = ()
    feedback: Feedback | None = None
    development: tuple[PlanItem, ...] = ()
    questions: tuple[Question, ...] = ()
    search: SearchFit | None = None
    lessons: tuple[Lesson, ...] = ()
    interviewers: tuple[str, ...] = ()
    private: tuple[PrivateValue, ...] = ()
    body: str = ""
    body_line: int = 1
    """Line of the file where the Markdown body starts (for messages about the body)."""
    extra: tuple[tuple[str, str], ...] = field(default=())
    lines: tuple[tuple[str, int], ...] = field(default=(), compare=False)
    """The line of each top-level field that messages about several entries point at (see `line`)."""

    def line(self, name: str) -> int:
        """The line of a top-level field in the file, for messages; 1 when not known."""
        for key, line in self.lines:
            if key == name:
                return line
        return 1

    @property
    def application_key(self) -> str:
        """The key that ties the rounds of one process together."""
        if self.application_id:
            return "id:" + normalise_key(self.application_id)
        return "cr:" + normalise_key(self.company) + " / " + normalise_key(self.role)

    @property
    def is_note(self) -> bool:
        """True for a journal note: not a round, never counted as one or as an application."""
        return self.kind is EntryKind.NOTE

    @property
    def title(self) -> str:
        """A human title: company, role and stage, or a note's title. Plain text: escape it where it is shown."""
        if self.kind is EntryKind.NOTE:
            return self.note_title or "Journal note"
        return f"{self.company} · {self.role} · {self.stage.label}"

    @property
    def private_values(self) -> tuple[PrivateValue, ...]:
        """Every value that must never reach a published site, interviewers included."""
        names = tuple(PrivateValue(f"interviewers[{i}]", name) for i, name in enumerate(self.interviewers))
        return names + self.private


#: Punctuation and spacing, which both fold to one space: everything but letters, digits and `_`.
_NOT_WORD = re.compile(r"\W+")
#: The words of lowercased ASCII text: joined by single spaces, they are the same folding as the
#: regex above, and finding them is quicker (at 5,000 entries the lessons page folds 30,000 texts).
_ASCII_WORD = re.compile(r"[a-z0-9_]+")


@functools.lru_cache(maxsize=1 << 15)  # the same lessons and questions are grouped on every rebuild
def normalise_key(text: str) -> str:
    """Fold case, punctuation and spacing so that near-identical wordings group together."""
    if text.isascii():
        return " ".join(_ASCII_WORD.findall(text.lower()))
    return _NOT_WORD.sub(" ", text.casefold()).strip()
