"""Debian's Chromium driven by Playwright from PyPI: the one launch that browser_tests/ and site_tests/ share.

``tools/install_chromium.sh`` installs the browser; ``COURSE_CHROMIUM`` points at another executable.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

CHROMIUM = os.environ.get("COURSE_CHROMIUM", "/usr/bin/chromium")
#: Headless in a container, and nothing that would reach the network on its own.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextlib.contextmanager
def launched(*, make_target):
    """A headless Chromium browser (Playwright's ``Browser``), closed on exit.

    ``make_target`` is the Makefile target that installs the browser and runs the tests, named in
    the error when the browser is missing.
    """
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"{CHROMIUM} not found: run `make {make_target}` (it installs Debian's chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()
