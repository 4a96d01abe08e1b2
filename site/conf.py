"""Sphinx configuration of the course website (built by tools/build_site.py from a staging copy)."""

project = "When accuracy lies"
author = "The course authors"
copyright = "the course authors; text CC BY 4.0, code MIT"
extensions = ["myst_nb"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]

# The committed outputs are the content: nothing is executed to build the site.
nb_execution_mode = "off"
# MyST-NB would load the widget manager from a CDN; widgets are rendered statically instead.
nb_ipywidgets_js = {}
nb_merge_streams = True
myst_heading_anchors = 3
suppress_warnings = ["myst.header", "mystnb.unknown_mime_type", "misc.highlighting_failure"]

html_theme = "sphinx_book_theme"
html_title = "When accuracy lies"
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_js_files = ["course.js"]
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "home_page_in_toc": True,
}
# Figures are drawn on white: the site stays light (and the theme then logs no "invalid theme mode").
html_context = {"default_mode": "light"}
