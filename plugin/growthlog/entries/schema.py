"""The entry format contract (shared/spec/entry-format.md) as a validator.

Turns a YAML node tree into an `Entry`, collecting every problem on the way
(never stopping at the first), each with the file line, the field, what was
found and what is allowed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

from growthlog.entries.model import REASON_OUTCOMES, Entry, EntryKind, Feedback, Format, Lesson, Outcome, PlanItem, PlanStatus, PrivateValue, Question, QuestionCategory, Reason, SearchFit, Stage
from growthlog.entries.problems import Problem, Severity, describe, did_you_mean
from growthlog.entries.yamlnodes import BOOL, Budget, INT, MERGE, NULL, is_null, kind, line_of, scalar_text

if TYPE_CHECKING:
    from growthlog.entries.frontmatter import SplitEntry

E = TypeVar("E", bound=Enum)

REQUIRED = ("date", "company", "role", "stage", "outcome")
TOP_LEVEL = (
    *REQUIRED,
    "format",
    "seniority",
    "application",
    "confidence",
    "tags",
    "draft",
    "went_well",
    "fell_short",
    "feedback",
    "development",
    "questions",
    "search",
    "lessons",
    "interviewers",
    "private",
    "extra",
    "kind",
    "title",
    "reason",
    "posting",
)
#: The fields whose lines an entry keeps, for messages about several entries (a round written twice...).
LOCATED = ("date", "company", "role", "stage", "application")
#: What only an interview round has: on a journal note (`kind: note`) these are ignored, with a warning.
ROUND_ONLY = (
    *REQUIRED[1:],
    "format",
    "seniority",
    "application",
    "confidence",
    "feedback",
    "search",
    "reason",
    "posting",
)
FEEDBACK_KEYS = ("requested", "received", "text")
PLAN_KEYS = ("skill", "action", "status", "due", "because")
QUESTION_KEYS = ("q", "category", "tough", "answer", "better_answer", "topic", "prepared")
SEARCH_KEYS = ("role_fit", "company_fit", "note")
LESSON_KEYS = ("text", "theme")

#: A date, optionally with the time YAML allows after it (`2026-03-14 10:30`); nothing else.
_DATE = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[Tt ][ \t]*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?[ \t]*(?:Z|[+-]\d{1,2}(?::?\d{2})?)?)?$"
)
#: What to write for a required field, shown when it is missing.
_EXAMPLES = {
    "date": "2026-03-14",
    "company": "Acme Corp",
    "role": "Backend Engineer",
    "stage": "screen",
    "outcome": "pending",
    "q": "How would you design a rate limiter?",
    "text": "Review consistency models before a design round",
}
_TRUE = {"yes", "true", "on", "y"}
_FALSE = {"no", "false", "off", "n"}
#: A posting's URL: a web address with a host, nothing a link could run (no `javascript:`).
_POSTING_URL = re.compile(r"^https?://[^\s/?#@]+(?:[/?#]\S*)?$", re.IGNORECASE)


def is_posting_url(url: str) -> bool:
    """Whether `url` is taken as a job posting's address (`growthlog new --posting` checks it too)."""
    return bool(_POSTING_URL.match(url))

#: Deeper than this, a private value is not something a person typed on purpose.
_MAX_PRIVATE_DEPTH = 12


_MEMBERS: dict[type[Enum], dict[str, Any]] = {}

#: Other spellings of an enum value that mean the same (British English): accepted as they are.
_ALIASES: dict[type[Enum], dict[str, str]] = {
    QuestionCategory: {"behavioural": "behavioral", "behaviour": "behavioral", "behavior": "behavioral"},
}
#: Words people write for an enum value that difflib would not find: suggested, never guessed.
_SUGGESTIONS: dict[type[Enum], dict[str, str]] = {
    PlanStatus: {
        "in-progress": "doing",
        "inprogress": "doing",
        "progress": "doing",
        "wip": "doing",
        "started": "doing",
        "ongoing": "doing",
        "active": "doing",
        "to-do": "todo",
        "planned": "todo",
        "not-started": "todo",
        "open": "todo",
        "complete": "done",
        "completed": "done",
        "finished": "done",
    },
}


def colon_slip(node: yaml.Node) -> str | None:
    """The text, quoted, when a value holding ': ' was read as a one-pair block mapping; else None.

    `- System design went well: clear requirements first` is, to YAML, a mapping with the
    key "System design went well"; what was meant is one text, which quotes make. A mapping
    written as one (`{a: b}`) is left alone.
    """
    if not (isinstance(node, yaml.MappingNode) and len(node.value) == 1) or node.flow_style:
        return None
    key, value = node.value[0]
    if not (isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)):
        return None
    # Plain style is None in PyYAML's Python parser and '' in libyaml's.
    if key.style or value.style not in (None, "", "'", '"') or is_null(value):
        return None
    return json.dumps(f"{scalar_text(key)}: {scalar_text(value)}", ensure_ascii=False)


def _colon_message(line: str) -> str:
    return "a ': ' inside the text makes YAML read 'key: value'; put the whole text in quotes: " + line


#: The years a date of the journal may have: the journal counts months and days between
#: dates, and a typo of a year (9999) would make it count for ever or past the calendar's end.
FIRST_YEAR, LAST_YEAR = 1900, 2199
_WHOLE_NUMBER = re.compile(r"\+?[0-9]{1,9}")


def _members(enum: type[E]) -> dict[str, E]:
    """An enum's members by value, in the contract's order (looked up for every field of every entry)."""
    members: dict[str, E] | None = _MEMBERS.get(enum)
    if members is None:
        members = _MEMBERS[enum] = {member.value: member for member in enum}
    return members


class _Checker:
    """Validates one entry's nodes, collecting problems instead of raising."""

    def __init__(self, path: str, first_line: int, budget: Budget) -> None:
        self.path = path
        self.first_line = first_line
        self.budget = budget
        self.problems: list[Problem] = []

    # -- reporting ---------------------------------------------------------
    def error(self, node: yaml.Node | int, field: str, message: str) -> None:
        self._report(node, field, message, Severity.ERROR)

    def warn(self, node: yaml.Node | int, field: str, message: str) -> None:
        self._report(node, field, message, Severity.WARNING)

    def _report(self, node: yaml.Node | int, field: str, message: str, sev: Severity) -> None:
        line = node if isinstance(node, int) else line_of(node, self.first_line)
        self.problems.append(Problem(self.path, line, field, message, sev))

    # -- shapes --------------------------------------------------------------
    def mapping(
        self, node: yaml.Node, field: str, known: tuple[str, ...], shorthand: str = ""
    ) -> dict[str, yaml.Node] | None:
        """The keys of a mapping node; duplicates are errors, unknown keys warnings.

        `shorthand` names the plain-text form the field also accepts, for the message.
        """
        if not isinstance(node, yaml.MappingNode):
            self.budget.spend(node)
            also = f", or just {shorthand}" if shorthand else ""
            self.error(
                node, field, f"expected 'key: value' fields ({', '.join(known)}){also}; found {kind(node)}"
            )
            return None
        pairs = node.value
        self.budget.spend_on(node, pairs)
        corrected = colon_slip(node) if shorthand else None
        if (
            corrected is not None
            and str(pairs[0][0].value).strip() not in known
            and not did_you_mean(pairs[0][0].value, known)
        ):
            self.error(node, field, _colon_message("- " + corrected))
            return None
        seen: dict[str, yaml.Node] = {}
        first_keys: dict[str, yaml.Node] = {}
        for key_node, value_node in pairs:
            if key_node.tag == MERGE:
                self.error(key_node, field, "YAML merge keys ('<<') are not supported; write the fields out")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, field, f"a key must be a name; found {kind(key_node)}")
                continue
            key = key_node.value.strip()
            if key in seen:
                first = line_of(first_keys[key], self.first_line)
                self.error(
                    key_node,
                    f"{field}.{key}" if field else key,
                    f"duplicate key '{key}' (first at line {first}); "
                    "YAML would silently keep only the last one, so remove or rename one",
                )
                continue
            seen[key] = value_node
            first_keys[key] = key_node
            if key not in known and key != "extra":
                hint = did_you_mean(key, known)
                if not hint:
                    own = "put fields of your own under 'extra:'; " if not field else ""
                    hint = f"; {own}known fields here: {', '.join(known)}"
                self.warn(
                    key_node, f"{field}.{key}" if field else key, f"unknown field '{key}' is ignored{hint}"
                )
        return seen

    def items(self, node: yaml.Node, field: str) -> list[yaml.Node]:
        """The items of a list; a single value stands for a list of one (the contract's shorthand)."""
        if isinstance(node, yaml.SequenceNode):
            self.budget.spend_on(node, node.value)
            return node.value  # type: ignore[no-any-return]  # read, never changed
        self.budget.spend(node)
        if is_null(node):
            return []
        return [node]

    # -- scalars -------------------------------------------------------------
    def text(
        self, node: yaml.Node | None, field: str, required: bool = False, parent: yaml.Node | None = None
    ) -> str:
        """A string field; `parent` locates a missing required field (default: the opening '---')."""
        if isinstance(node, yaml.ScalarNode) and node.tag != NULL:  # the common case: some text
            value: str = node.value.strip()
            if required and not value:
                self.missing(node, field, parent)
            return value
        if node is None or is_null(node):
            if required:
                self.missing(node, field, parent)
            return ""
        corrected = colon_slip(node)
        if corrected is not None:
            # An interviewer's name is never printed, not even in a message about it.
            private = field.startswith("interviewers")
            quoted = '"...: ..."' if private else corrected
            line = f"- {quoted}" if field.endswith("]") else f"{field.rsplit('.', 1)[-1]}: {quoted}"
            self.error(node, field, _colon_message(line))
            return ""
        self.error(node, field, f"expected text; found {kind(node)}")
        return ""

    def missing(
        self, node: yaml.Node | None, field: str, parent: yaml.Node | None, allowed: str = ""
    ) -> None:
        """Report a required field that is absent (at its parent) or has no value (at its line)."""
        leaf = field.rsplit(".", 1)[-1]
        example = _EXAMPLES.get(leaf, "...")
        if node is None:
            where: yaml.Node | int = parent if parent is not None else self.first_line - 1
            message = f"required field '{leaf}' is missing; add a line like '{leaf}: {example}'"
        else:
            where = node
            message = (
                f"required field '{leaf}' has no value; write it after the colon, like '{leaf}: {example}'"
            )
        self.error(where, field, message + (f"; allowed: {allowed}" if allowed else ""))

    def text_list(self, node: yaml.Node | None, field: str) -> tuple[str, ...]:
        if node is None:
            return ()
        out = []
        for i, item in enumerate(self.items(node, field)):
            if isinstance(item, yaml.ScalarNode) and item.tag != NULL:  # the common case: some text
                value = item.value.strip()
            else:
                value = self.text(item, f"{field}[{i + 1}]" if isinstance(node, yaml.SequenceNode) else field)
            if value:
                out.append(value)
        return tuple(out)

    def date(self, node: yaml.Node | None, field: str, required: bool = False) -> dt.date | None:
        if node is None or is_null(node):
            if required:
                self.missing(node, field, None)
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.error(
                node, field, f"expected a date written YYYY-MM-DD (like 2026-03-14); found {kind(node)}"
            )
            return None
        raw = scalar_text(node)
        if not raw:
            if required:
                self.missing(node, field, None)
            return None
        match = _DATE.match(raw)
        if not match:
            self.error(
                node, field, f"expected a date written YYYY-MM-DD (like 2026-03-14); found {describe(raw)}"
            )
            return None
        year, month, day = (int(g) for g in match.groups())
        if not FIRST_YEAR <= year <= LAST_YEAR:
            # The journal counts months and days between dates: year 9999 has no next month.
            self.error(
                node,
                field,
                f"{describe(raw)} is too far from today to be a date of your search "
                f"(the year must be from {FIRST_YEAR} to {LAST_YEAR}); expected YYYY-MM-DD",
            )
            return None
        try:
            return dt.date(year, month, day)
        except ValueError as err:
            # Python says "day is out of range for month"; say which month and how many days it has.
            reason = str(err)
            if 1 <= month <= 12 and year >= 1:
                last = calendar.monthrange(year, month)[1]
                reason = f"{calendar.month_name[month]} {year} has {last} days"
            elif not 1 <= month <= 12:
                reason = "the month must be from 01 to 12"
            self.error(node, field, f"{describe(raw)} is not a real date ({reason}); expected YYYY-MM-DD")
            return None

    def choice(self, node: yaml.Node | None, field: str, enum: type[E], required: bool = False) -> E | None:
        members = _members(enum)
        if isinstance(node, yaml.ScalarNode) and node.tag != NULL:
            member = members.get(node.value.strip())
            if member is not None:  # the common case: written exactly as the contract spells it
                return member
        allowed = list(members)
        if node is None or is_null(node):
            if required:
                self.missing(node, field, None, ", ".join(allowed))
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, field, f"expected one value of {', '.join(allowed)}; found {kind(node)}")
            return None
        raw = scalar_text(node)
        if not raw:
            if required:
                self.missing(node, field, None, ", ".join(allowed))
            return None
        value = "-".join(raw.lower().replace("_", " ").replace("-", " ").split())
        if value == "takehome":
            value = "take-home"
        value = _ALIASES.get(enum, {}).get(value, value)
        member = members.get(value)
        if member is not None:
            return member
        suggested = _SUGGESTIONS.get(enum, {}).get(value)
        hint = f"; did you mean '{suggested}'?" if suggested else did_you_mean(value, allowed)
        self.error(node, field, f"{describe(raw)} is not allowed; allowed: {', '.join(allowed)}{hint}")
        return None

    def score(self, node: yaml.Node | None, field: str) -> int | None:
        """A 1-5 rating."""
        if node is None or is_null(node):
            return None
        raw = scalar_text(node) if isinstance(node, yaml.ScalarNode) else None
        # ASCII digits only: str.isdigit() accepts '²', which int() refuses; and a short number,
        # which also keeps int() from refusing a huge one (a ValueError past 4,300 digits).
        if raw is None or node.tag != INT or not _WHOLE_NUMBER.fullmatch(raw):
            found = describe(raw) if raw is not None else kind(node)
            self.error(node, field, f"expected a whole number from 1 to 5; found {found}")
            return None
        value = int(raw)
        if not 1 <= value <= 5:
            self.error(node, field, f"expected a whole number from 1 to 5; found {value}")
            return None
        return value

    def boolean(self, node: yaml.Node | None, field: str) -> bool:
        if node is None or is_null(node):
            return False
        raw = scalar_text(node).lower() if isinstance(node, yaml.ScalarNode) else ""
        if node.tag == BOOL or raw in _TRUE | _FALSE:
            return raw in _TRUE
        found = describe(raw) if isinstance(node, yaml.ScalarNode) else kind(node)
        self.error(node, field, f"expected true or false; found {found}")
        return False

    # -- flattened free-form values --------------------------------------------
    def flatten(self, node: yaml.Node, key: str, depth: int = 0) -> list[PrivateValue]:
        """Every scalar under `node` as (dotted key, text); used for `private` and `extra`."""
        self.budget.spend(node)
        if depth > _MAX_PRIVATE_DEPTH:
            self.error(node, key, f"nested more than {_MAX_PRIVATE_DEPTH} levels deep; flatten it")
            return []
        if isinstance(node, yaml.MappingNode):
            out: list[PrivateValue] = []
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                name = scalar_text(key_node) if isinstance(key_node, yaml.ScalarNode) else "?"
                if name in seen:
                    self.error(
                        key_node,
                        f"{key}.{name}",
                        f"duplicate key '{name}' (first at line {seen[name]}); "
                        "YAML would silently keep only the last one, so remove or rename one",
                    )
                seen.setdefault(name, line_of(key_node, self.first_line))
                out += self.flatten(value_node, f"{key}.{name}", depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            out = []
            for i, item in enumerate(node.value):
                out += self.flatten(item, f"{key}[{i + 1}]", depth + 1)
            return out
        text = scalar_text(node) if isinstance(node, yaml.ScalarNode) and node.tag != NULL else ""
        return [PrivateValue(key, text)] if text else []


def build_entry(path: str, split: SplitEntry, root: yaml.Node | None) -> tuple[Entry | None, list[Problem]]:
    """Validate a composed front matter block; return the entry (if valid) and every problem."""
    first = split.yaml_line
    check = _Checker(path, first, Budget(path, first))
    if root is None or is_null(root):
        check.error(first - 1, "", "the front matter is empty; required fields: " + ", ".join(REQUIRED))
        return None, check.problems
    if not isinstance(root, yaml.MappingNode):
        check.error(root, "", f"the front matter must be fields (key: value lines); found {kind(root)}")
        return None, check.problems
    fields = check.mapping(root, "", TOP_LEVEL) or {}
    entry_kind = _kind(check, fields.get("kind"))
    if entry_kind is EntryKind.NOTE:
        for name in ROUND_ONLY:
            if name in fields:
                check.warn(
                    fields[name],
                    name,
                    f"'{name}' is ignored on a journal note (kind: note): a note is not a round; "
                    "remove it, or remove 'kind: note' if this file records an interview",
                )
                del fields[name]
    elif "title" in fields:
        check.warn(
            fields.pop("title"),
            "title",
            "'title' is ignored on an interview round (it is titled by company, role and stage); "
            "it is for journal notes ('kind: note')",
        )
    get = fields.get
    is_round = entry_kind is EntryKind.ROUND

    date = check.date(get("date"), "date", required=True)
    company = check.text(get("company"), "company", required=is_round)
    role = check.text(get("role"), "role", required=is_round)
    stage = check.choice(get("stage"), "stage", Stage, required=is_round)
    outcome = check.choice(get("outcome"), "outcome", Outcome, required=is_round)
    note_title = check.text(get("title"), "title")
    reason = _reason(check, get("reason"), outcome)
    posting = _posting(check, get("posting"))

    entry_format = check.choice(get("format"), "format", Format)
    seniority = check.text(get("seniority"), "seniority")
    application = check.text(get("application"), "application")
    confidence = check.score(get("confidence"), "confidence")
    tags = check.text_list(get("tags"), "tags")
    _comma_list(check, get("tags"), "tags")
    draft = check.boolean(get("draft"), "draft")
    went_well = check.text_list(get("went_well"), "went_well")
    fell_short = check.text_list(get("fell_short"), "fell_short")
    feedback = _feedback(check, get("feedback"))
    development = _development(check, get("development"))
    questions = _questions(check, get("questions"))
    search = _search(check, get("search"))
    lessons = _lessons(check, get("lessons"))
    interviewers = check.text_list(get("interviewers"), "interviewers")
    private_node = get("private")
    private = tuple(check.flatten(private_node, "private")) if private_node is not None else ()
    extra_node = get("extra")
    extra = (
        tuple((v.key.removeprefix("extra."), v.value) for v in check.flatten(extra_node, "extra"))
        if extra_node is not None
        else ()
    )

    check.problems.sort(key=lambda p: p.line)
    if any(p.is_error for p in check.problems):
        return None, check.problems
    assert date is not None
    if not is_round:  # placeholders: a note has no stage or outcome (see Entry)
        stage, outcome = Stage.APPLIED, Outcome.PENDING
    assert stage is not None and outcome is not None
    entry = Entry(
        path=path,
        date=date,
        company=company,
        role=role,
        stage=stage,
        outcome=outcome,
        kind=entry_kind,
        note_title=note_title,
        reason=reason,
        posting=posting,
        format=entry_format,
        seniority=seniority,
        application_id=application,
        confidence=confidence,
        tags=tags,
        draft=draft,
        went_well=went_well,
        fell_short=fell_short,
        feedback=feedback,
        development=development,
        questions=questions,
        search=search,
        lessons=lessons,
        interviewers=interviewers,
        private=private,
        body=split.body,
        body_line=split.body_line,
        extra=extra,
        lines=tuple((name, line_of(fields[name], first)) for name in LOCATED if name in fields),
    )
    return entry, check.problems


def _kind(check: _Checker, node: yaml.Node | None) -> EntryKind:
    """`kind: note` makes a journal note; without `kind`, an entry is an interview round."""
    if node is None or is_null(node):
        return EntryKind.ROUND
    if isinstance(node, yaml.ScalarNode):
        raw = scalar_text(node)
        if raw.lower() == EntryKind.NOTE.value:
            return EntryKind.NOTE
        found = describe(raw)
    else:
        found = kind(node)
    hint = did_you_mean(scalar_text(node), ["note"]) if isinstance(node, yaml.ScalarNode) else ""
    check.error(
        node,
        "kind",
        f"{found} is not allowed; allowed: note (a journal note); "
        f"leave 'kind' out for an interview round{hint}",
    )
    return EntryKind.ROUND


def _reason(check: _Checker, node: yaml.Node | None, outcome: Outcome | None) -> Reason | None:
    """Why a process ended: only for a rejected or ghosted round."""
    reason = check.choice(node, "reason", Reason)
    if reason is not None and outcome is not None and outcome not in REASON_OUTCOMES:
        assert node is not None
        check.warn(
            node,
            "reason",
            f"a reason is for rejected or ghosted rounds; this round's outcome is '{outcome.value}', "
            "so it is ignored",
        )
        return None
    return reason


def _posting(check: _Checker, node: yaml.Node | None) -> str:
    """The job posting's URL: an http(s) address, shown as a link (so nothing a browser would run)."""
    url = check.text(node, "posting")
    if url and not _POSTING_URL.match(url):
        assert node is not None
        fix = "; add 'https://' in front" if "://" not in url and "." in url.split("/")[0] else ""
        check.error(node, "posting", f"expected a web address starting https:// or http://; found {describe(url)}{fix}")
        return ""
    return url


def _comma_list(check: _Checker, node: yaml.Node | None, field: str) -> None:
    """Warn when a list field is one text with commas (`tags: python, go`): YAML reads one item."""
    if not (isinstance(node, yaml.ScalarNode) and not node.style and "," in str(node.value)):
        return
    parts = [part.strip() for part in str(node.value).split(",") if part.strip()]
    if len(parts) < 2:
        return
    check.warn(
        node,
        field,
        f"{describe(scalar_text(node))} is read as one item; for a list write {field}: [{', '.join(parts)}]",
    )


def _feedback(check: _Checker, node: yaml.Node | None) -> Feedback | None:
    if node is None or is_null(node):
        return None
    if isinstance(node, yaml.ScalarNode):  # shorthand: the feedback text itself
        return Feedback(text=check.text(node, "feedback"))
    fields = check.mapping(node, "feedback", FEEDBACK_KEYS, shorthand="the feedback text")
    if fields is None:
        return None
    requested = check.date(fields.get("requested"), "feedback.requested")
    received = check.date(fields.get("received"), "feedback.received")
    if requested and received and received < requested:
        check.error(
            fields["received"],
            "feedback.received",
            f"{received} is before the request ({requested}); check the dates",
        )
    feedback = Feedback(requested, received, check.text(fields.get("text"), "feedback.text"))
    return feedback if feedback != Feedback() else None


def _development(check: _Checker, node: yaml.Node | None) -> tuple[PlanItem, ...]:
    out = []
    for i, item in enumerate(check.items(node, "development") if node is not None else []):
        name = f"development[{i + 1}]"
        if isinstance(item, yaml.ScalarNode):  # shorthand: just the action
            action = check.text(item, name)
            if action:
                out.append(PlanItem(skill="", action=action, line=line_of(item, check.first_line)))
            continue
        fields = check.mapping(item, name, PLAN_KEYS, shorthand="the action as text")
        if fields is None:
            continue
        skill = check.text(fields.get("skill"), f"{name}.skill")
        action = check.text(fields.get("action"), f"{name}.action")
        if not skill and not action:
            check.error(item, name, "a plan item needs a 'skill' or an 'action'")
            continue
        status = check.choice(fields.get("status"), f"{name}.status", PlanStatus) or PlanStatus.TODO
        due = check.date(fields.get("due"), f"{name}.due")
        because = check.text(fields.get("because"), f"{name}.because")
        out.append(
            PlanItem(
                skill=skill,
                action=action,
                status=status,
                due=due,
                because=because,
                line=line_of(item, check.first_line),
            )
        )
    return tuple(out)


def _questions(check: _Checker, node: yaml.Node | None) -> tuple[Question, ...]:
    out = []
    for i, item in enumerate(check.items(node, "questions") if node is not None else []):
        name = f"questions[{i + 1}]"
        if isinstance(item, yaml.ScalarNode):  # shorthand: just the question
            text = check.text(item, name)
            if text:
                out.append(Question(q=text, line=line_of(item, check.first_line)))
            continue
        fields = check.mapping(item, name, QUESTION_KEYS, shorthand="the question as text")
        if fields is None:
            continue
        q = check.text(fields.get("q"), f"{name}.q", required=True, parent=item)
        category = check.choice(fields.get("category"), f"{name}.category", QuestionCategory)
        out.append(
            Question(
                q=q,
                category=category or QuestionCategory.OTHER,
                tough=check.boolean(fields.get("tough"), f"{name}.tough"),
                answer=check.text(fields.get("answer"), f"{name}.answer"),
                better_answer=check.text(fields.get("better_answer"), f"{name}.better_answer"),
                topic=check.text(fields.get("topic"), f"{name}.topic"),
                prepared=check.boolean(fields.get("prepared"), f"{name}.prepared"),
                line=line_of(item, check.first_line),
            )
        )
    return tuple(out)


def _search(check: _Checker, node: yaml.Node | None) -> SearchFit | None:
    if node is None or is_null(node):
        return None
    if isinstance(node, yaml.ScalarNode):  # shorthand: just the note
        return SearchFit(note=check.text(node, "search"))
    fields = check.mapping(node, "search", SEARCH_KEYS, shorthand="a note")
    if fields is None:
        return None
    fit = SearchFit(
        role_fit=check.score(fields.get("role_fit"), "search.role_fit"),
        company_fit=check.score(fields.get("company_fit"), "search.company_fit"),
        note=check.text(fields.get("note"), "search.note"),
    )
    return fit if fit != SearchFit() else None


def _lessons(check: _Checker, node: yaml.Node | None) -> tuple[Lesson, ...]:
    out = []
    for i, item in enumerate(check.items(node, "lessons") if node is not None else []):
        name = f"lessons[{i + 1}]"
        if isinstance(item, yaml.ScalarNode):
            text = check.text(item, name)
            if text:
                out.append(Lesson(text=text, line=line_of(item, check.first_line)))
            continue
        fields = check.mapping(item, name, LESSON_KEYS, shorthand="the lesson as text")
        if fields is None:
            continue
        text = check.text(fields.get("text"), f"{name}.text", required=True, parent=item)
        theme = check.text(fields.get("theme"), f"{name}.theme")
        if text:
            out.append(Lesson(text=text, theme=theme, line=line_of(item, check.first_line)))
    return tuple(out)
