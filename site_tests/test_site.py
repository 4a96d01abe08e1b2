"""Every page of the course website, opened in a real Chromium: it loads cleanly offline, its images
show, its internal links resolve, its Binder link opens the right notebook, and axe-core finds no
serious accessibility violation, at desktop and phone widths."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from conftest import ARTIFACTS, REPOSITORY, ROOT

PAGES = (["index.html", "docs/cheat_sheet.html", "docs/instructor_guide.html"]
         + [f"{folder}/{path.stem}.html" for folder in ("notebooks", "exercises", "solutions")
            for path in sorted((ROOT / folder).glob("*.ipynb"))])
NOTEBOOK_PAGES = [page for page in PAGES if not page.startswith(("index", "docs/"))]


def axe_script():
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside = []

    def only_local(route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlparse(url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.outside_requests = outside
    yield page
    if getattr(request.node, "failed_call", False):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name.replace('/', '_')}.png"), full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.failed_call = True
    return report


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_offline_without_errors_and_every_image_shows(page, server, path):
    response = page.goto(f"{server}/{path}", wait_until="load")
    assert response.ok, f"{path}: HTTP {response.status}"
    assert not page.outside_requests, f"{path} asked for outside resources: {page.outside_requests}"
    assert not page.errors, f"{path} console errors: {page.errors}"
    images = page.evaluate("""() => [...document.images].map(img => ({
        src: img.src.slice(0, 80), complete: img.complete, width: img.naturalWidth, alt: img.getAttribute('alt')}))""")
    broken = [img for img in images if not img["complete"] or img["width"] == 0]
    assert not broken, f"{path}: images that did not load: {broken}"
    unlabeled = [img["src"] for img in images if not (img["alt"] or "").strip()]
    assert not unlabeled, f"{path}: images without alt text: {unlabeled}"


@pytest.mark.parametrize("path", PAGES)
def test_every_internal_link_resolves(page, server, path):
    page.goto(f"{server}/{path}")
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
    missing = []
    for href in hrefs:
        parsed = urlparse(href)
        if parsed.hostname not in ("127.0.0.1", "localhost"):
            continue
        target = ROOT / "_build" / "site" / unquote(parsed.path).lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            missing.append(href)
            continue
        if parsed.fragment and target.suffix == ".html":
            anchors = target.read_text(encoding="utf-8")
            if f'id="{parsed.fragment}"' not in anchors:
                missing.append(href)
    assert not missing, f"{path}: links to nowhere: {missing}"


@pytest.mark.parametrize("path", NOTEBOOK_PAGES)
def test_binder_and_download_links_point_at_this_notebook(page, server, path):
    page.goto(f"{server}/{path}")
    notebook = path.removesuffix(".html") + ".ipynb"
    binder = page.get_by_role("link", name="Launch on Binder").get_attribute("href")
    owner_repo = urlparse(REPOSITORY).path.strip("/")
    assert binder == f"https://mybinder.org/v2/gh/{owner_repo}/HEAD?urlpath=lab/tree/{notebook}"
    download = page.get_by_role("link", name="Download notebook").get_attribute("href")
    response = page.request.get(urljoin(page.url, download))
    assert response.ok and response.json()["nbformat"] == 4


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(page, server, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{server}/{path}")
    page.add_script_tag(content=axe_script())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"]) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert not serious, f"{path} at {width}px: {serious}"
    if width == 375:  # readable on a phone: no sideways scrolling of the page itself
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} is {overflow}px wider than a 375px screen"
