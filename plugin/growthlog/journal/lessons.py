"""The lessons-learned index: lessons grouped by theme, and what keeps going well or falling short."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthlog.entries.model import normalise_key
from growthlog.entries.urls import Anchors
from growthlog.journal.wording import Mention, Wording, group_wordings, merge_alike, most_common

if TYPE_CHECKING:
    from growthlog.entries.model import Lesson
    from growthlog.journal.journal import Journal

#: The heading for lessons written without a theme.
NO_THEME = "Other lessons"
#: How many "went well" / "fell short" items the page lists.
TOP_ITEMS = 10


@dataclass(frozen=True, slots=True)
class ThemeGroup:
    """The lessons of one theme, most often written first."""

    theme: str
    anchor: str
    lessons: tuple[Wording[Lesson], ...]

    @property
    def count(self) -> int:
        return sum(w.count for w in self.lessons)


@dataclass(frozen=True, slots=True)
class LessonsIndex:
    """The lessons page's content (the feedback log is built by `feedback.py`)."""

    themes: tuple[ThemeGroup, ...]
    went_well: tuple[Wording[str], ...]
    """Every "went well" item grouped, most frequent first."""
    fell_short: tuple[Wording[str], ...]

    @property
    def lesson_count(self) -> int:
        """Distinct lessons (after grouping)."""
        return sum(len(t.lessons) for t in self.themes)

    @property
    def top_went_well(self) -> tuple[Wording[str], ...]:
        return self.went_well[:TOP_ITEMS]

    @property
    def top_fell_short(self) -> tuple[Wording[str], ...]:
        return self.fell_short[:TOP_ITEMS]

    @property
    def recurring_fell_short(self) -> tuple[Wording[str], ...]:
        """Gaps written down more than once: the ones that keep coming back."""
        return tuple(w for w in self.fell_short if w.count > 1)


def theme_of(wording: Wording[Lesson]) -> str:
    """A grouped lesson's theme: the most common theme written with it, or NO_THEME."""
    if len(wording.mentions) == 1:  # most lessons are written once: nothing to count
        theme = wording.mentions[0].item.theme
        return theme if theme.strip() else NO_THEME
    return most_common(m.item.theme for m in wording.mentions) or NO_THEME


def build_lessons(journal: Journal) -> LessonsIndex:
    """Group the lessons by normalised text then by theme, and the reflections by normalised text."""
    lessons = merge_alike(
        group_wordings(Mention(e, lesson.text, lesson) for e in journal.entries for lesson in e.lessons)
    )
    by_theme: dict[str, list[Wording[Lesson]]] = {}
    wording_of_theme: dict[str, list[str]] = {}
    for wording in lessons:
        theme = theme_of(wording)
        key = normalise_key(theme)
        by_theme.setdefault(key, []).append(wording)
        wording_of_theme.setdefault(key, []).append(theme)
    anchors = Anchors()
    themes = [
        ThemeGroup(most_common(wording_of_theme[key]), "", tuple(items)) for key, items in by_theme.items()
    ]
    # Biggest themes first; lessons without a theme last.
    themes.sort(key=lambda t: (t.theme == NO_THEME, -t.count, t.theme.casefold()))
    themes = [ThemeGroup(t.theme, anchors.make("theme", t.theme), t.lessons) for t in themes]
    return LessonsIndex(
        themes=tuple(themes),
        went_well=merge_alike(group_wordings(Mention(e, t, t) for e in journal.entries for t in e.went_well)),
        fell_short=merge_alike(
            group_wordings(Mention(e, t, t) for e in journal.entries for t in e.fell_short)
        ),
    )
