"""The built course website, served on 127.0.0.1, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import chromium  # noqa: E402  (tools/chromium.py: the launch both browser suites share)

SITE = ROOT / "_build" / "site"
ARTIFACTS = ROOT / "browser-artifacts" / "site"
#: The Binder links are checked against this repository (set by `make test-site`).
REPOSITORY = "https://github.com/course-tests/when-accuracy-lies"


@pytest.fixture(scope="session")
def site():
    """Build the site (from the committed outputs) once; return its folder."""
    import build_site

    return build_site.build(SITE, repository=REPOSITORY)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    with chromium.launched(make_target="test-site") as browser:
        yield browser
