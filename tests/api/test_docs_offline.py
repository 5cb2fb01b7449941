"""``/docs`` works offline: every file it loads comes from this server (``/redoc`` is off).

Chromium (as in tests/api/test_pages.py) opens the page with every request to another host
blocked and recorded; the documentation must render its operations with none attempted.
"""

from __future__ import annotations

import time
from urllib.parse import urlparse

from tests.api.test_pages import browser, site  # noqa: F401  (fixtures)


def _open_offline(browser, site, path: str):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    here = urlparse(site.url).netloc
    outside: list[str] = []
    local: list[str] = []

    def gate(route) -> None:
        url = route.request.url
        if urlparse(url).netloc == here or url.startswith(("data:", "blob:")):
            local.append(url)
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", gate)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site.url + path)
    return context, page, outside, local, errors


def _wait(page, selector: str, timeout: float = 15.0) -> int:
    deadline = time.monotonic() + timeout
    while (n := page.locator(selector).count()) == 0:
        if time.monotonic() > deadline:
            raise AssertionError(f"nothing matches {selector} after {timeout:g}s")
        time.sleep(0.1)
    return n


def test_swagger_ui_renders_the_operations_with_no_request_leaving_the_server(browser, site):  # noqa: F811
    context, page, outside, local, errors = _open_offline(browser, site, "/docs")
    try:
        assert _wait(page, ".opblock") >= 10  # every route's operation is listed
        text = page.locator("#swagger-ui").inner_text()
        assert "/v1/calls" in text and "/v1/agents/{agent_id}/scorecard" in text
        page.locator(".opblock-summary").first.click()  # an operation opens
        _wait(page, ".opblock-body")
        time.sleep(0.5)  # late requests (fonts, badges) would show now
        assert outside == [], outside
        assert any("/docs-static/swagger-ui-bundle.js" in u for u in local)
        assert any(u.endswith("/openapi.json") for u in local)
        assert errors == []
    finally:
        context.close()


def test_redoc_is_off(site):  # noqa: F811
    import urllib.error
    import urllib.request

    try:
        urllib.request.urlopen(site.url + "/redoc")
        raise AssertionError("/redoc answered")
    except urllib.error.HTTPError as exc:
        assert exc.code == 404
