from __future__ import annotations

import pytest
from aiohttp import web
from sqlalchemy import select

from bot.feeds import FeedPoller
from storage.models import FeedEntry
from tests.subscriptions.test_inbox import FakeIngest

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Новости</title><link>{base}</link>
<item><title>Первая</title><link>{base}/page/1</link><guid>n1</guid></item>
<item><title>Вторая</title><link>{base}/page/2</link><guid>n2</guid></item>
<item><title>Сломанная</title><link>{base}/page/broken</link><guid>n3</guid></item>
<item><title>Пропавшая</title><link>{base}/page/missing</link><guid>n4</guid></item>
</channel></rss>"""


@pytest.fixture
async def site():
    state = {"missing": 404, "feed_status": 200}

    async def feed(request):
        if state["feed_status"] != 200:
            return web.Response(status=state["feed_status"], text="oops")
        return web.Response(text=RSS.format(base=state["base"]), content_type="application/rss+xml")

    async def html_feed(request):
        return web.Response(text="<html><body><p>Это не лента</p></body></html>", content_type="text/html")

    async def page(request):
        name = request.match_info["name"]
        if name == "missing" and state["missing"] != 200:
            return web.Response(status=state["missing"])
        body = "broken" if name == "broken" else f"<p>15 мая 2025 года событие {name}</p>"
        return web.Response(text=body, content_type="text/html")

    app = web.Application()
    app.router.add_get("/rss", feed)
    app.router.add_get("/html", html_feed)
    app.router.add_get("/page/{name}", page)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    state["base"] = f"http://127.0.0.1:{tcp._server.sockets[0].getsockname()[1]}"
    yield state
    await runner.cleanup()


async def test_new_entries_ingested_once_and_failures_retried(site, sessions):
    base = site["base"]
    ingest = FakeIngest()
    poller = FeedPoller([f"{base}/rss", f"{base}/html", f"{base}/nowhere"], ingest, sessions, timeout=5)
    first = await poller.poll_once()
    assert [(r.ingested, r.failed, r.retry_later, r.error) for r in first] == [
        (2, 1, 1, None), (0, 0, 0, first[1].error), (0, 0, 0, "HTTP 404")]
    assert first[1].error.startswith("not an RSS/Atom feed")
    assert sorted(loc for loc, _ in ingest.seen) == [f"{base}/page/1", f"{base}/page/2", f"{base}/page/broken"]

    site["missing"] = 200  # the page is back: only it is fetched now
    second = await poller.poll_once()
    assert (second[0].ingested, second[0].failed, second[0].retry_later) == (1, 0, 0)
    assert len(ingest.seen) == 4

    third = await FeedPoller([f"{base}/rss"], ingest, sessions).poll_once()  # a restart remembers
    assert (third[0].ingested, len(ingest.seen)) == (0, 4)
    async with sessions() as s:
        assert sorted((await s.scalars(select(FeedEntry.status))).all()) == ["failed", "ingested", "ingested", "ingested"]


async def test_feed_500_is_logged_and_retried(site, sessions, caplog):
    site["feed_status"] = 500
    poller = FeedPoller([f"{site['base']}/rss"], FakeIngest(), sessions)
    assert (await poller.poll_once())[0].error == "HTTP 500"
    assert "HTTP 500; will retry next round" in caplog.text
    site["feed_status"] = 200
    assert (await poller.poll_once())[0].ingested == 2
