"""A real JupyterLab server and a real Chromium for the browser tests.

The server runs on 127.0.0.1 with a random token, in a temporary copy of the
course (so autosave never touches the committed notebooks), with its config,
runtime, settings and workspace folders isolated and update/news checks off.
Chromium is Debian's (`/usr/bin/chromium`, installed by tools/install_chromium.sh),
driven by Playwright from PyPI; every request to a non-local host is aborted.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import chromium  # noqa: E402  (tools/chromium.py: the launch both browser suites share)
import lab_server  # noqa: E402  (tools/lab_server.py: the Jupyter server the tests drive)

ARTIFACTS = ROOT / "browser-artifacts"
LOCAL_HOSTS = ("127.0.0.1", "localhost")


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """Start JupyterLab; yield (base_url, token, root_dir); stop it by its PID."""
    home = tmp_path_factory.mktemp("lab")
    root_dir = home / "course"
    for folder in ("notebooks", "exercises", "solutions"):
        shutil.copytree(ROOT / folder, root_dir / folder)
    settings = home / "settings"
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env = {**os.environ,
           "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
           "TF_CPP_MIN_LOG_LEVEL": "3"}
    options = ["--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
               "--LabApp.extension_manager=readonly", "--ServerApp.allow_remote_access=False"]
    with lab_server.running("lab", root_dir=root_dir, log_path=home / "server.log", env=env,
                                options=options) as (base, token):
        yield base, token, root_dir


@pytest.fixture(scope="session")
def browser():
    with chromium.launched(make_target="test-browser") as browser:
        yield browser


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    blocked = []

    def only_local(route):
        host = route.request.url.split("/")[2].split(":")[0] if "://" in route.request.url else ""
        if route.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.blocked_requests = blocked
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in request.node.name)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.rep_call = report
    return report
