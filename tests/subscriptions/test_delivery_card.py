"""The notification card: what it shows, in what order, and how a long summary is cut."""
from __future__ import annotations

import datetime as dt

from bot.delivery.card import SUMMARY_CHARS, render_card
from tests.subscriptions.helpers import make_event


def test_card_lines_in_order_with_escaped_values():
    card = render_card(make_event(place="Минск <центр>"), "created")
    assert card.split("\n") == ["<b>Новое событие ОДКБ</b>", "📅 14.03.2025", "🏛 Совет министров обороны ОДКБ",
                                "📍 Минск &lt;центр&gt;", "Министры обсудили учения."]


def test_range_english_and_report_heads():
    card = render_card(make_event(date_end=dt.date(2025, 3, 16)), "reported", "en")
    assert card.split("\n")[:2] == ["<b>CSTO event held</b>", "📅 14.03.2025–16.03.2025"]


def test_summary_falls_back_to_title_then_nothing():
    assert render_card(make_event(summary=None), "created").endswith("\nЗаседание Совета министров обороны ОДКБ")
    bare = render_card(make_event(summary=None, title=None, body=None, place=None), "created")
    assert bare == "<b>Новое событие ОДКБ</b>\n📅 14.03.2025"


def test_a_summary_is_cut_only_past_the_limit():
    exact = "я" * SUMMARY_CHARS
    assert render_card(make_event(summary=exact), "created").endswith("\n" + exact)
    longer = render_card(make_event(summary=exact + "ю"), "created").rsplit("\n", 1)[1]
    assert longer == "я" * (SUMMARY_CHARS - 1) + "…" and SUMMARY_CHARS == 300


def test_an_unknown_change_or_language_gets_the_russian_new_event_head():
    assert render_card(make_event(), "edited", "de").startswith("<b>Новое событие ОДКБ</b>\n")
