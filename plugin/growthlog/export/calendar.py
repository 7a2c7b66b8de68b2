"""The follow-ups as an iCalendar file (RFC 5545), to import into a calendar or subscribe to locally.

Each follow-up (see `journal.follow_ups`) is an all-day event on its day. The file
is the same for the same journal and day: the events' UIDs come from the entry's
path and what the follow-up is, and their DTSTAMP from the entry's date, not the clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING

import icalendar

from growthlog.journal.follow_ups import build_follow_ups

if TYPE_CHECKING:
    from growthlog.journal.follow_ups import FollowUp
    from growthlog.journal.journal import Journal

FILE_NAME = "follow-ups.ics"
PRODID = "-//growthlog//follow-ups//EN"
#: The domain part of every UID: the events are this journal's own.
UID_DOMAIN = "growthlog.invalid"


def _event(follow_up: FollowUp, private: bool) -> icalendar.Event:
    event = icalendar.Event()
    digest = hashlib.sha256(follow_up.key.encode("utf-8")).hexdigest()[:32]
    event.add("uid", f"{follow_up.kind}-{digest}@{UID_DOMAIN}")
    stamp = follow_up.entry.date
    event.add("dtstamp", dt.datetime(stamp.year, stamp.month, stamp.day, tzinfo=dt.UTC))
    event.add("dtstart", follow_up.day)
    event.add("dtend", follow_up.day + dt.timedelta(days=1))
    event.add("summary", follow_up.title)
    detail = follow_up.detail
    if private and follow_up.kind == "round" and follow_up.entry.interviewers:
        detail += " With " + ", ".join(follow_up.entry.interviewers) + "."
    event.add("description", detail)
    event.add("categories", [follow_up.kind])
    event.add("transp", "TRANSPARENT")  # a reminder, not time the user is busy
    return event


def follow_ups_ics(journal: Journal, private: bool) -> str:
    """The calendar's text, CRLF line ends as the RFC says."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "growthlog follow-ups")
    for follow_up in build_follow_ups(journal):
        cal.add_component(_event(follow_up, private))
    text: bytes = cal.to_ical()
    return text.decode("utf-8")
