"""The API's documentation page, ``/docs`` (Swagger UI), with nothing from a CDN.

FastAPI's own page loads Swagger UI from a CDN, so offline it is blank. Here Swagger UI's files
come from the pinned ``fastapi-offline`` wheel (MIT; it ships Swagger UI 5, Apache-2.0), served
under ``/docs-static``; only its static files are used, not its app. ReDoc (``/redoc``) is
off: even from local files it fetches its logo from a CDN.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

__all__ = ["DOCS_STATIC", "docs_assets", "install_docs"]

DOCS_STATIC = "/docs-static"
FAVICON = "/static/favicon.svg"


def docs_assets() -> Path:
    """The folder of Swagger UI's files in the installed ``fastapi-offline``."""
    return Path(str(resources.files("fastapi_offline") / "static"))


def install_docs(app: FastAPI) -> None:
    """Serve ``/docs`` and its OAuth2 redirect page from local files (create the app with
    ``docs_url=None, redoc_url=None``)."""
    app.mount(DOCS_STATIC, StaticFiles(directory=docs_assets()), name="docs-static")
    openapi_url = app.openapi_url or "/openapi.json"
    redirect_url = app.swagger_ui_oauth2_redirect_url or "/docs/oauth2-redirect"
    title = app.title

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=openapi_url,
            title=f"{title} — API",
            swagger_js_url=f"{DOCS_STATIC}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_STATIC}/swagger-ui.css",
            swagger_favicon_url=FAVICON,
            oauth2_redirect_url=redirect_url,
            # No "valid" badge fetched from swagger.io.
            swagger_ui_parameters={"validatorUrl": None},
        )

    @app.get(redirect_url, include_in_schema=False)
    def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()
