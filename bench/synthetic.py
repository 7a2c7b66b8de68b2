"""Synthetic journals for the benchmark: N realistic entries, the same every time for a given N.

Each entry is one interview round of an application that runs through several
stages; it has every practice filled in (reflection, feedback, plan, 3-8
questions drawn from a shared pool so the question bank groups them, search fit,
lessons, private fields) and a Markdown body, about 300-600 words in all.
The same entries are also written as plain MkDocs pages and as Material blog
posts, so the builds compare like with like.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from pathlib import Path


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


STAGES = ("applied", "screen", "technical", "take-home", "onsite", "final", "offer")
FORMATS = {
    "applied": "phone",
    "screen": "phone",
    "technical": "video",
    "take-home": "take-home",
    "onsite": "onsite",
    "final": "video",
    "offer": "video",
}
CLOSING = ("rejected", "rejected", "rejected", "ghosted", "withdrew", "declined", "pending")
COMPANY_WORDS = _words(
    "Northwind Quayside Brightline Fernhill Lumen Orbital Tidewater Copperleaf Saltmarsh Redwood "
    "Harbor Granite Juniper Meridian Solstice Cobalt Ember Falcon Glacier Horizon Indigo Kestrel "
    "Lattice Monarch Nimbus Obsidian Pinnacle Quartz Riverbend Sable Tundra Umbra Vertex Willow "
    "Zephyr Alder Birch Cedar Delta Echo"
)
COMPANY_KINDS = _words(
    "Analytics Health Logistics Bank Labs Retail Energy Media Systems Robotics Cloud Foods"
)
ROLES = (
    "Backend Engineer",
    "Senior Python Engineer",
    "Platform Engineer",
    "Data Engineer",
    "Site Reliability Engineer",
    "Staff Engineer",
    "Full-stack Developer",
    "Software Engineer II",
)
SENIORITY = ("mid", "senior", "senior", "staff", "lead")
TAGS = _words(
    "python go kafka postgres system-design behavioral aws kubernetes testing sql "
    "distributed-systems api-design leadership observability django fastapi"
)
SKILLS = (
    "Distributed systems",
    "Behavioral stories",
    "Kafka and event-driven design",
    "SQL query tuning",
    "System design trade-offs",
    "Salary negotiation",
    "Kubernetes operations",
    "Concise answers",
)
THEMES = ("preparation", "communication", "technical", "search", "negotiation")
TOPICS = (
    "a rate limiter",
    "a URL shortener",
    "a job queue",
    "a news feed",
    "a metrics pipeline",
    "a payments ledger",
    "a chat service",
    "a search index",
    "a feature flag service",
    "a file sync service",
)
QUESTION_FORMS = (
    ("How would you design {t}?", "system-design"),
    ("What would break first in {t} at ten times the load?", "system-design"),
    ("How do you test {t} without the network?", "technical"),
    ("Walk me through the data model of {t}.", "technical"),
    ("Tell me about a time {t} failed in production.", "behavioral"),
    ("Why did you choose the stack you used for {t}?", "culture"),
)
GENERAL_QUESTIONS = (
    ("Tell me about a time you disagreed with a teammate.", "behavioral"),
    ("What is the hardest bug you have fixed?", "behavioral"),
    ("Why do you want to leave your current job?", "culture"),
    ("How do you make a Kafka consumer idempotent?", "technical"),
    ("Explain the difference between a process and a thread.", "technical"),
    ("What does read-after-write consistency mean?", "technical"),
    ("How do you give feedback to a senior colleague?", "behavioral"),
    ("What are your salary expectations?", "other"),
    ("Describe the team you work best in.", "culture"),
    ("How would you find a memory leak in a Python service?", "technical"),
)
WORDS = _words(
    "the interviewer asked about our deployment pipeline and I explained how we roll back "
    "a release within minutes using feature flags and a canary that watches error rates "
    "I should have drawn the diagram first instead of talking through every component "
    "they seemed interested in how I measure latency at the tail rather than the mean "
    "next time I will open with the trade-off and then give the detail only when asked "
    "the exercise was fair and the time limit was generous but I spent too long on setup "
    "we talked about on-call load the size of the team and how decisions get made "
    "I felt calm for most of the hour and lost the thread only on the last question"
)


FIRST_NAMES = _words(
    "Ana Ben Chloe Dev Elif Farid Grace Hugo Ines Jonas Kofi Lena Mei Nils Omar Priya Rosa Sam Tariq Uma"
)
LAST_NAMES = _words(
    "Berg Chen Diaz Evans Fischer Garcia Haddad Ito Jensen Kowalski Lopez Moreau Nakamura Okafor Patel"
)
#: Short words that make up nearly half of any English text.
FUNCTION_WORDS = _words("the a and I to of in was that it we they on for with as at but not my their this so")
_SYLLABLES = _words("ka ro mi sel tan ver po lin dra bu ste gal fen mor ti zu ar ol en ic")


def _vocabulary(size: int) -> tuple[list[str], list[float]]:
    """Content words with Zipf weights, as in real prose: a few frequent, thousands rare.

    The domain words come first (the most frequent); the rest are made-up words, since
    a realistic spread of words matters here (grouping, search, the leak scan), not meaning.
    """
    rng = random.Random(1)
    words = list(dict.fromkeys(w for w in WORDS if w not in FUNCTION_WORDS))
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    weights, total = [], 0.0
    for rank in range(len(words)):
        total += 1 / (rank + 1)
        weights.append(total)
    return words, weights


_CONTENT, _CUMULATIVE = _vocabulary(5000)


def _sentence(rng: random.Random, low: int = 8, high: int = 18) -> str:
    count = rng.randint(low, high)
    content = rng.choices(_CONTENT, cum_weights=_CUMULATIVE, k=count)
    words = [rng.choice(FUNCTION_WORDS) if rng.random() < 0.45 else word for word in content]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


@dataclass(frozen=True)
class SyntheticEntry:
    """One generated round: its file name (relative to entries/) and its parts."""

    rel: str
    fields: dict[str, object]
    body: str

    def text(self, extra: dict[str, object] | None = None) -> str:
        """The entry file: front matter (plus `extra` fields) and body."""
        data = dict(self.fields)
        if extra:
            data.update(extra)
        front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
        return f"---\n{front}---\n\n{self.body}"


def _company(rng: random.Random, index: int) -> str:
    # Deterministic and mostly unique names, with some companies applied to twice.
    word = COMPANY_WORDS[index % len(COMPANY_WORDS)]
    kind = COMPANY_KINDS[(index // len(COMPANY_WORDS)) % len(COMPANY_KINDS)]
    suffix = "" if index < len(COMPANY_WORDS) * len(COMPANY_KINDS) else f" {index}"
    return f"{word} {kind}{suffix}"


def _question(rng: random.Random) -> dict[str, object]:
    if rng.random() < 0.4:
        q, category = rng.choice(GENERAL_QUESTIONS)
    else:
        form, category = rng.choice(QUESTION_FORMS)
        q = form.format(t=rng.choice(TOPICS))
    item: dict[str, object] = {"q": q, "category": category}
    if rng.random() < 0.3:
        item["tough"] = True
    if rng.random() < 0.8:
        item["answer"] = _sentence(rng, 6, 14)
    if rng.random() < 0.6:
        item["better_answer"] = _sentence(rng, 10, 22)
    return item


def _round(
    rng: random.Random, date: dt.date, company: str, role: str, stage: str, outcome: str, app_id: str | None
) -> dict[str, object]:
    fields: dict[str, object] = {
        "date": date,
        "company": company,
        "role": role,
        "stage": stage,
        "outcome": outcome,
        "format": FORMATS[stage],
        "seniority": rng.choice(SENIORITY),
    }
    if app_id:
        fields["application"] = app_id
    fields["confidence"] = rng.randint(1, 5)
    fields["tags"] = rng.sample(TAGS, rng.randint(2, 5))
    if rng.random() < 0.02:
        fields["draft"] = True
    fields["went_well"] = [_sentence(rng, 5, 12) for _ in range(rng.randint(1, 3))]
    fields["fell_short"] = [_sentence(rng, 5, 12) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.6:
        requested = date + dt.timedelta(days=1)
        feedback: dict[str, object] = {"requested": requested}
        if rng.random() < 0.6:
            feedback["received"] = requested + dt.timedelta(days=rng.randint(1, 10))
            feedback["text"] = _sentence(rng, 15, 30)
        fields["feedback"] = feedback
    fields["development"] = [
        {
            "skill": rng.choice(SKILLS),
            "action": _sentence(rng, 5, 10),
            "status": rng.choice(("todo", "doing", "done")),
            "due": date + dt.timedelta(days=rng.randint(7, 60)),
        }
        for _ in range(rng.randint(0, 3))
    ]
    fields["questions"] = [_question(rng) for _ in range(rng.randint(3, 8))]
    fields["search"] = {
        "role_fit": rng.randint(1, 5),
        "company_fit": rng.randint(1, 5),
        "note": _sentence(rng, 6, 12),
    }
    fields["lessons"] = [
        _sentence(rng, 5, 10)
        if rng.random() < 0.5
        else {"text": _sentence(rng, 5, 10), "theme": rng.choice(THEMES)}
        for _ in range(rng.randint(1, 3))
    ]
    fields["interviewers"] = [
        f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(rng.randint(1, 3))
    ]
    fields["private"] = {"salary": rng.randrange(90_000, 220_000, 5_000), "notes": _sentence(rng, 6, 12)}
    return fields


def _body(rng: random.Random, stage: str, company: str) -> str:
    parts = [f"# {stage.replace('-', ' ').capitalize()} at {company}", ""]
    for _ in range(rng.randint(2, 3)):
        parts += [_paragraph(rng, rng.randint(2, 4)), ""]
    parts += ["## What I would change", ""]
    parts += [f"{i}. {_sentence(rng, 6, 12)}" for i in range(1, rng.randint(3, 5))]
    parts.append("")
    if rng.random() < 0.3:
        parts += ["```python", "def retry(call, attempts=3):", "    return call()", "```", ""]
    if rng.random() < 0.4:
        parts += ['!!! private "Private"', f"    {_sentence(rng, 10, 20)}", ""]
    parts += [_paragraph(rng, rng.randint(2, 3)), ""]
    return "\n".join(parts)


def generate(count: int, seed: int = 7) -> list[SyntheticEntry]:
    """`count` entries: applications of 1-6 rounds, spread over time, the same for the same seed."""
    rng = random.Random(seed)
    entries: list[SyntheticEntry] = []
    start = dt.date(2020, 1, 6)
    app_index = 0
    while len(entries) < count:
        company = _company(rng, app_index)
        role = rng.choice(ROLES)
        first = start + dt.timedelta(days=app_index * 2 + rng.randint(0, 3))
        rounds = min(rng.choice((1, 2, 2, 3, 3, 4, 5, 6)), count - len(entries))
        final = rng.choice((*CLOSING, "offer")) if rounds > 1 else rng.choice(CLOSING)
        # A third of multi-round applications tie their rounds with an explicit id.
        app_id = (
            f"{company.lower().replace(' ', '-')}-{app_index}" if rounds > 1 and app_index % 3 == 0 else None
        )
        date = first
        for number in range(rounds):
            stage = STAGES[min(number + 1, len(STAGES) - 1)] if rounds > 1 else "screen"
            last = number == rounds - 1
            outcome = final if last else "advanced"
            if last and final == "offer":
                stage = "offer"
            fields = _round(rng, date, company, role, stage, outcome, app_id)
            slug = company.lower().replace(" ", "-")
            rel = f"{date:%Y}/{date:%m}/{date.isoformat()}-{slug}-{app_index}-{stage}.md"
            entries.append(SyntheticEntry(rel, fields, _body(rng, stage, company)))
            date += dt.timedelta(days=rng.randint(3, 14))
        app_index += 1
    return entries


def write_journal(entries: list[SyntheticEntry], docs: Path) -> None:
    """The entries as a growthlog journal: files under `docs` exactly as a user writes them."""
    for item in entries:
        path = docs / item.rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(item.text(), encoding="utf-8")


def write_plain(entries: list[SyntheticEntry], docs: Path) -> None:
    """The same files as plain Material pages, with a home page (the short nav points there)."""
    write_journal(entries, docs)
    (docs / "index.md").write_text("# Growth journal\n\nEvery round, one page.\n", encoding="utf-8")


def write_blog(entries: list[SyntheticEntry], docs: Path) -> None:
    """The same entries as Material blog posts, with the company and stage as categories."""
    posts = docs / "blog" / "posts"
    for item in entries:
        path = posts / item.rel
        path.parent.mkdir(parents=True, exist_ok=True)
        extra = {"categories": [str(item.fields["company"]), str(item.fields["stage"])]}
        text = item.text(extra)
        # A post's excerpt (on the index and archive pages) ends at `<!-- more -->`:
        # here after the body's heading and first paragraph.
        heading = text.index("\n# ")
        first_paragraph_end = text.index("\n\n", text.index("\n\n", heading) + 2)
        text = text[:first_paragraph_end] + "\n\n<!-- more -->" + text[first_paragraph_end:]
        path.write_text(text, encoding="utf-8")
    (docs / "index.md").write_text("# Growth journal\n\nEvery round, one post.\n", encoding="utf-8")
    (docs / "blog" / "index.md").write_text("# Rounds\n", encoding="utf-8")


def word_count(entries: list[SyntheticEntry]) -> float:
    """Average words per entry file (front matter and body)."""
    return sum(len(item.text().split()) for item in entries) / max(len(entries), 1)
