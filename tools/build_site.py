"""Build the course website from the committed notebooks (nothing is executed).

Usage: ``python tools/build_site.py [--repo URL] [--out DIR]``.

Copies the notebooks, exercises, solutions and the two guides into a staging
folder, prepares each notebook for reading without a kernel, and runs Sphinx
with MyST-NB (the engine of Jupyter Book 1) in "no execution" mode:

* every saved widget is replaced by its saved state, drawn statically: its
  question, numbers panel and starting figure, and a line saying where to run
  it to move the controls;
* every figure becomes an ``<img>`` with alt text taken from the figure's
  title in the cell's code, or from the sentence that interprets it;
* each notebook page starts with "Launch on Binder" (opening that notebook)
  and "Download notebook" links.

The Binder links need the repository's GitHub URL: ``--repo``, else the
environment variable ``COURSE_REPOSITORY_URL``, else ``git remote get-url
origin``, else a placeholder (a warning says so).
"""

from __future__ import annotations

import argparse
import copy
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from binder_link import binder_url  # noqa: E402

BUILD = ROOT / "_build"
STAGING = BUILD / "site-src"
OUTPUT = BUILD / "site"
PLACEHOLDER_REPOSITORY = "https://github.com/OWNER/when-accuracy-lies"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
RUN_IT = ("This is the widget's saved starting state. Run the notebook on Binder or locally "
          "to move the controls.")
SECTIONS = (("notebooks", "The course"), ("exercises", "Exercises"), ("solutions", "Solutions"))


def repository_url(explicit=None):
    url = explicit or os.environ.get("COURSE_REPOSITORY_URL")
    if not url:
        url = subprocess.run(["git", "remote", "get-url", "origin"], cwd=ROOT, capture_output=True,
                             text=True).stdout.strip()
    if not url:
        print(f"build_site: no repository URL (--repo, COURSE_REPOSITORY_URL or git remote 'origin'); "
              f"Binder links use the placeholder {PLACEHOLDER_REPOSITORY}", file=sys.stderr)
        url = PLACEHOLDER_REPOSITORY
    return url


# --- widgets -------------------------------------------------------------------------------------

def _widget_models(notebook):
    return notebook.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})


def _children(model):
    children = model.get("state", {}).get("children", [])
    return [child.removeprefix("IPY_MODEL_") for child in children if isinstance(child, str)]


def _render_widget(model_id, models, alt):
    """Static HTML for a saved widget tree (controls as text, HTML panels, images)."""
    model = models.get(model_id)
    if model is None:
        return ""
    name, state = model.get("model_name", ""), model.get("state", {})
    if name in ("VBoxModel", "HBoxModel", "GridBoxModel", "BoxModel"):
        parts = [_render_widget(child, models, alt) for child in _children(model)]
        tag = "div style='display:flex;gap:1em;flex-wrap:wrap;align-items:flex-start'" if name == "HBoxModel" \
            else "div"
        return f"<{tag}>{''.join(parts)}</div>"
    if name in ("HTMLModel", "HTMLMathModel"):
        return f"<div>{state.get('value', '')}</div>"
    if name == "LabelModel":
        return f"<div>{html.escape(str(state.get('value', '')))}</div>"
    if name == "ImageModel":
        value = state.get("value")
        if isinstance(value, str) and value:
            return (f"<img src='data:image/{state.get('format', 'png')};base64,{value}' "
                    f"alt='{html.escape(alt, quote=True)}' style='max-width:100%;height:auto'>")
        return ""
    if name == "OutputModel":
        return "".join(_render_output_html(output, alt) for output in state.get("outputs", []))
    if "Slider" in name or name in ("DropdownModel", "ToggleButtonsModel", "CheckboxModel",
                                    "RadioButtonsModel", "IntTextModel", "FloatTextModel"):
        label = state.get("description") or "control"
        value = state.get("value")
        if "index" in state and state.get("_options_labels"):
            value = state["_options_labels"][state["index"]]
        return (f"<div class='saved-control'><span>{html.escape(str(label))}</span> "
                f"<b>{html.escape(str(value))}</b></div>")
    return ""


def _render_output_html(output, alt):
    data = output.get("data", {})
    if "image/png" in data:
        return (f"<img src='data:image/png;base64,{data['image/png'].strip()}' "
                f"alt='{html.escape(alt, quote=True)}' style='max-width:100%;height:auto'>")
    if "text/html" in data:
        return "".join(data["text/html"]) if isinstance(data["text/html"], list) else data["text/html"]
    if output.get("output_type") == "stream":
        return f"<pre>{html.escape(''.join(output.get('text', '')))}</pre>"
    return ""


def _embed_images_in_saved_state(models):
    """ImageModel values are saved as base64 buffers; put them where the renderer looks."""
    for model in models.values():
        if model.get("model_name") != "ImageModel":
            continue
        for buffer in model.get("buffers", []):
            if buffer.get("path") == ["value"] and buffer.get("encoding") == "base64":
                model["state"]["value"] = buffer["data"]


# --- alt text ------------------------------------------------------------------------------------

_TITLE_PATTERNS = (r"title\s*=\s*f?\"([^\"]+)\"", r"title\s*=\s*f?'([^']+)'",
                   r"set_title\(\s*f?\"([^\"]+)\"", r"suptitle\(\s*f?\"([^\"]+)\"")


def _first_sentence(markdown):
    text = re.sub(r"[#*_`>|]", "", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = " ".join(text.split())
    match = re.match(r"(.{20,200}?[.!?:])(\s|$)", text)
    return (match.group(1) if match else text[:200]).strip()


def figure_alt_text(code, next_markdown, *, fallback="Figure"):
    """Alt text for a figure: its title in the code that drew it, else the sentence that interprets it.

    Examples
    --------
    >>> figure_alt_text('plot(x, title="Recall falls with the threshold")', "")
    'Figure: Recall falls with the threshold'
    >>> figure_alt_text("plot(x)", "The curve rises. Then it falls.")
    'Figure. The curve rises.'
    """
    for pattern in _TITLE_PATTERNS:
        match = re.search(pattern, code)
        if match:
            title = re.sub(r"\{[^}]*\}", "…", match.group(1))
            return f"Figure: {title}"
    sentence = _first_sentence(next_markdown or "")
    return f"{fallback}. {sentence}" if sentence else fallback


# --- notebooks -----------------------------------------------------------------------------------

def prepare_notebook(notebook, *, repo_path, repository):
    """Return a copy of ``notebook`` ready for a static page (see the module docstring)."""
    import nbformat

    notebook = copy.deepcopy(notebook)
    models = _widget_models(notebook)
    _embed_images_in_saved_state(models)
    cells = notebook.cells
    for index, cell in enumerate(cells):
        if cell.cell_type != "code":
            continue
        following = next((c.source for c in cells[index + 1:] if c.cell_type == "markdown"), "")
        alt = figure_alt_text(cell.source, following)
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                body = _render_widget(data[WIDGET_VIEW]["model_id"], models, alt)
                note = f"<p class='saved-widget-note'><em>{RUN_IT}</em></p>"
                output = nbformat.v4.new_output("display_data", data={
                    "text/html": f"<div class='saved-widget'>{body}{note}</div>", "text/plain": RUN_IT})
            elif "image/png" in data:
                output = nbformat.v4.new_output("display_data", data={
                    "text/html": _render_output_html(output, alt), "text/plain": alt})
            outputs.append(output)
        cell.outputs = outputs
    notebook.metadata.pop("widgets", None)
    # Raw HTML: a Markdown link to "x.ipynb" would be turned into a link to the page built from it.
    links = (f"<p class='notebook-links'><a href='{html.escape(binder_url(repository, path=repo_path))}'>"
             f"Launch on Binder</a> · <a href='{Path(repo_path).name}' download>Download notebook</a></p>")
    link_cell = nbformat.v4.new_markdown_cell(links)
    if notebook.nbformat_minor < 5:  # cell ids came with nbformat 4.5
        del link_cell["id"]
    cells.insert(1 if cells and cells[0].cell_type == "markdown" else 0, link_cell)
    return notebook


def _index_page():
    """The home page: the README's opening, its course table, and the page tree."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    intro = readme.split("## What this course is", 1)[1].split("\n## ", 1)[0].strip()
    table = readme.split("## Notebooks", 1)[1].split("\n## ", 1)[0].strip()
    tables = "\n".join(line for line in table.splitlines() if line.startswith("|"))
    trees = []
    for folder, caption in SECTIONS:
        pages = sorted(f"{folder}/{p.stem}" for p in (STAGING / folder).glob("*.ipynb"))
        trees.append(f"```{{toctree}}\n:caption: {caption}\n:maxdepth: 1\n\n" + "\n".join(pages) + "\n```")
    trees.append("```{toctree}\n:caption: Guides\n:maxdepth: 1\n\ndocs/cheat_sheet\ndocs/instructor_guide\n```")
    return ("# When accuracy lies\n\n*A hands-on Jupyter course on evaluating classifiers honestly.*\n\n"
            f"{intro}\n\n## Notebooks\n\n{tables}\n\n"
            "Each page shows the notebook as committed, outputs included; nothing is run to build this site. "
            "Use *Launch on Binder* at the top of a page to run it, or *Download notebook*.\n\n"
            "The course wrap-up is the [cheat sheet](docs/cheat_sheet.md); instructors start with the "
            "[instructor guide](docs/instructor_guide.md).\n\n" + "\n\n".join(trees) + "\n")


def stage(repository):
    import nbformat

    if STAGING.exists():
        shutil.rmtree(STAGING)
    STAGING.mkdir(parents=True)
    shutil.copy(ROOT / "site" / "conf.py", STAGING / "conf.py")
    shutil.copytree(ROOT / "site" / "_static", STAGING / "_static")
    for folder, _ in SECTIONS:
        (STAGING / folder).mkdir()
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            notebook = nbformat.read(path, as_version=4)
            prepared = prepare_notebook(notebook, repo_path=f"{folder}/{path.name}", repository=repository)
            nbformat.write(prepared, STAGING / folder / path.name)
    (STAGING / "docs").mkdir()
    for name in ("cheat_sheet.md", "instructor_guide.md"):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        # Links that leave the site point at the repository instead.
        text = re.sub(r"\]\((\.\./)?(README\.md|LICENSE|Makefile|tools/[^)]*)\)",
                      lambda m: f"]({repository.removesuffix('.git')}/blob/HEAD/{m.group(2)})", text)
        (STAGING / "docs" / name).write_text(text, encoding="utf-8")
    (STAGING / "index.md").write_text(_index_page(), encoding="utf-8")


def build(out=OUTPUT, *, repository=None):
    repository = repository_url(repository)
    stage(repository)
    if out.exists():
        shutil.rmtree(out)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going", "-j", "2",
               str(STAGING), str(out)]
    subprocess.run(command, check=True)
    for folder, _ in SECTIONS:  # the "Download notebook" links: the committed notebooks, unchanged
        for path in (ROOT / folder).glob("*.ipynb"):
            shutil.copy(path, out / folder / path.name)
    (out / ".nojekyll").touch()
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", help="GitHub URL of the repository, for the Binder links")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    out = build(args.out, repository=args.repo)
    print(f"site built in {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
