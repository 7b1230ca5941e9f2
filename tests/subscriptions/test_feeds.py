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


async def serve(app: web.Application) -> tuple[web.AppRunner, str]:
    """The app on a free local port: (runner to clean up, base URL)."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    return runner, f"http://127.0.0.1:{tcp._server.sockets[0].getsockname()[1]}"


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
    runner, state["base"] = await serve(app)
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


@pytest.fixture
async def hostile():
    """A local server with the faults a feed reader meets: long feeds, huge and slow pages, lies about length."""
    import asyncio

    state: dict = {}

    async def many(request):
        items = "".join(f"<item><title>N{n}</title><link>{state['base']}/page/{n}</link><guid>g{n}</guid></item>"
                        for n in range(1000))
        return web.Response(text=f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}'
                                 "</channel></rss>", content_type="application/rss+xml")

    async def page(request):
        return web.Response(text=f"<p>15 мая 2025 года событие {request.match_info['name']}</p>" + "я" * 100_000,
                            content_type="text/html")

    async def big(request):  # 12 MB with no Content-Length: only counting the bytes catches it
        response = web.StreamResponse()
        await response.prepare(request)
        for _ in range(12 * 16):
            await response.write(b"a" * 65536)
        return response

    async def huge_declared(request):  # says 100 MB up front
        response = web.StreamResponse(headers={"Content-Length": str(100 * 2**20)})
        await response.prepare(request)
        await response.write(b"a" * 1024)
        return response

    async def drip(request):  # one byte a second, for ever
        response = web.StreamResponse()
        await response.prepare(request)
        for _ in range(600):
            await response.write(b"<")
            await asyncio.sleep(1)
        return response

    async def short(request):  # declares more than it sends, then hangs up
        response = web.StreamResponse(headers={"Content-Length": "5000"})
        await response.prepare(request)
        await response.write(b"<rss>")
        request.transport.close()
        return response

    async def invalid(request):
        return web.Response(text="<rss><channel><item><title>broken", content_type="application/rss+xml")

    app = web.Application()
    for path, handler in (("/many", many), ("/page/{name}", page), ("/big", big), ("/huge", huge_declared),
                          ("/drip", drip), ("/short", short), ("/invalid", invalid)):
        app.router.add_get(path, handler)
    runner, state["base"] = await serve(app)
    yield state
    await runner.cleanup()


async def test_a_thousand_entry_feed_is_read_to_its_end(hostile, sessions):
    ingest = FakeIngest()
    [report] = await FeedPoller([f"{hostile['base']}/many"], ingest, sessions, timeout=60).poll_once()
    assert (report.ingested, report.error) == (1000, None)
    assert all(len(data) > 100_000 for _, data in ingest.seen[:3])  # pages read whole, not their first chunk


@pytest.mark.parametrize("path, reason", [
    ("/big", "limit"), ("/huge", "declared"), ("/short", "truncated"), ("/invalid", "rss/atom feed"),
])
async def test_faulty_feeds_fail_with_a_reason(hostile, sessions, path, reason):
    import time

    from bot import feeds

    t = time.perf_counter()
    original = feeds.MAX_FEED_BYTES
    feeds.MAX_FEED_BYTES = 10 * 2**20
    try:
        [report] = await FeedPoller([hostile["base"] + path], FakeIngest(), sessions, timeout=30).poll_once()
    finally:
        feeds.MAX_FEED_BYTES = original
    assert report.error and reason in report.error.lower(), report.error
    assert time.perf_counter() - t < 10


async def test_a_drip_feed_times_out_instead_of_passing_for_invalid(hostile, sessions):
    import time

    t = time.perf_counter()
    [report] = await FeedPoller([hostile["base"] + "/drip"], FakeIngest(), sessions, timeout=3).poll_once()
    assert report.error and report.error.startswith("timeout"), report.error
    assert time.perf_counter() - t < 6
