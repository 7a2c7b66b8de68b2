"""When two texts of the journal say the same thing in other words: one rule for every grouping.

Deterministic and offline: a text becomes a set of word stems (Snowball's English
stemmer), after dropping the words every interview question or reflection is made
of ("tell me about a time", "how you handled it") and mapping a small interview
vocabulary onto one word (a disagreement is a conflict, a coworker a colleague).
Two texts are alike when those sets mostly overlap (the Dice coefficient of the
two sets). Nothing here merges anything: callers offer what is alike as a
suggestion, or use it where the author named the link (`because:`).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import snowballstemmer

if TYPE_CHECKING:
    from collections.abc import Sequence

#: How much two texts' word sets must overlap (Dice: twice the shared words over both sizes) to be alike.
ALIKE = 0.75
#: Words that carry no meaning of their own in a question, a reflection or a lesson.
_FILLER_WORDS = """
    a an the and or but of to in on at for from with by as into about over than then so that this these those
    it its it's is are was were be been being do does did done doing have has had having will would should could
    can may might must shall i me my mine we us our you your yours he she they them their his her who whom whose
    what which when where why how if not no all any some each every more most very too also just again ever
    tell describe explain talk walk through give share example time times situation moment occasion
    handled handle handling dealt deal went go going get got make made one someone something thing things
    please like kind sort way ways ran run
"""
_FILLER = frozenset(_FILLER_WORDS.split())
#: A small interview vocabulary: each word on a line stands for the first word of its line.
_SYNONYMS = """
conflict disagreement disagree disagreed disagreeing argument argue argued clash clashed dispute friction tension
colleague teammate team-mate coworker co-worker peer workmate
manager boss supervisor
fail failure failed failing mistake mistakes error setback
weakness weak weaknesses shortcoming
strength strengths strong
biggest greatest largest
challenge challenging difficult difficulty hard tough problem
proud proudest achievement accomplishment accomplished success successful
lead leadership led leading
deadline deadlines pressure
feedback criticism critique
motivate motivation motivated motivates
customer client user
project initiative
vague unclear imprecise fuzzy
long lengthy verbose rambling rambled wordy
short brief concise
behavior behaviour behavioral behavioural
nervous anxious stress stressed stressful
last final
""".strip().splitlines()

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_STEMMER = snowballstemmer.stemmer("english")


@functools.lru_cache(
    maxsize=1 << 16
)  # a journal's words repeat: each is stemmed once (Snowball is pure Python)
def _stem(word: str) -> str:
    stem: str = _STEMMER.stemWord(word)
    return stem


def _canonical_stems() -> dict[str, str]:
    """Each synonym's stem mapped to its line's first word's stem."""
    out: dict[str, str] = {}
    for line in _SYNONYMS:
        words = line.split()
        head = _stem(words[0])
        for word in words:
            out.setdefault(_stem(word.replace("-", "")), head)
            out.setdefault(_stem(word), head)
    return out


_CANONICAL = _canonical_stems()


@functools.lru_cache(maxsize=1 << 15)  # the same texts are compared on every page that groups them
def signature(text: str) -> frozenset[str]:
    """The meaning-bearing word stems of a text, synonyms mapped onto one word."""
    stems = set()
    for word in _WORD.findall(text.casefold()):
        if word in _FILLER:
            continue
        stem = _stem(word)
        stems.add(_CANONICAL.get(stem, stem))
    return frozenset(stems)


def similarity(a: str, b: str) -> float:
    """How alike two texts are, 0 to 1: the Dice coefficient of their signatures (0 when either has none)."""
    return _dice(signature(a), signature(b))


def _dice(x: frozenset[str], y: frozenset[str]) -> float:
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))


def alike(a: str, b: str) -> bool:
    """True when two texts most likely say the same thing."""
    return _alike(signature(a), signature(b))


def _alike(x: frozenset[str], y: frozenset[str]) -> bool:
    if not x or not y:
        return False
    if x == y:
        return True
    # One shared word between two short texts is a coincidence, not a paraphrase.
    return len(x & y) >= 2 and _dice(x, y) >= ALIKE


def clusters(texts: Sequence[str]) -> list[list[int]]:
    """Groups of alike texts, as indexes into `texts`; every group has two texts or more.

    Leader clustering in the given order: each text not yet grouped starts a group and takes
    every later ungrouped text alike to it (alike to the leader, so a chain of small steps
    never joins two texts that are not alike). Two texts are compared only when their
    rarest stems (`_rarest`) meet, as they do for every two texts alike: the same groups
    as comparing every pair, with a small part of the comparisons.
    """
    signatures = [signature(t) for t in texts]
    frequency: dict[str, int] = {}
    for sig in signatures:
        for stem in sig:
            frequency[stem] = frequency.get(stem, 0) + 1
    rarest = [_rarest(sig, frequency) for sig in signatures]
    having: dict[str, list[int]] = {}
    for i, stems in enumerate(rarest):
        for stem in stems:
            having.setdefault(stem, []).append(i)
    grouped = [False] * len(texts)
    out: list[list[int]] = []
    for i, sig in enumerate(signatures):
        if grouped[i] or not sig:
            continue
        candidates = sorted({j for stem in rarest[i] for j in having[stem] if j > i and not grouped[j]})
        members = [j for j in candidates if _alike(sig, signatures[j])]
        if members:
            grouped[i] = True
            for j in members:
                grouped[j] = True
            out.append([i, *members])
    return out


def _least_shared(size: int) -> int:
    """The fewest stems a text alike to one of `size` stems shares with it.

    Sharing `o` stems with sizes `size` and `m >= o`, Dice >= ALIKE means
    2o >= ALIKE (size + m) >= ALIKE (size + o), so o >= size ALIKE / (2 - ALIKE): 3/5 of
    `size` at 0.75, rounded down (a float a hair under an integer only lowers it).
    """
    return max(1, int(size * ALIKE / (2 - ALIKE)))


def _rarest(sig: frozenset[str], frequency: dict[str, int]) -> list[str]:
    """The first `len(sig) - _least_shared + 1` stems of `sig`, fewest texts having them first.

    Two alike texts meet there: with the stems of every text in that one order, the first
    stem they share comes, in each, after none but stems the other lacks, of which each
    has at most its size less `_least_shared`. A stem most texts have ("team",
    "system") is then seldom among them, and the texts compared are few.
    """
    keep = len(sig) - _least_shared(len(sig)) + 1
    return sorted(sig, key=lambda stem: (frequency[stem], stem))[:keep]


def closest(text: str, candidates: Sequence[str]) -> tuple[int, float] | None:
    """The candidate most alike to `text` (the first on a tie) and its similarity; None when none is alike."""
    sig = signature(text)
    best: tuple[int, float] | None = None
    for i, candidate in enumerate(candidates):
        other = signature(candidate)
        if _alike(sig, other):
            score = _dice(sig, other)
            if best is None or score > best[1]:
                best = (i, score)
    return best
