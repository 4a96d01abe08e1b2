import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import binder_link  # noqa: E402


@pytest.mark.parametrize("url", ["https://github.com/acme/accuracy-course", "git@github.com:acme/accuracy-course.git",
                                 "https://github.com/acme/accuracy-course.git/"])
def test_binder_url_opens_the_setup_notebook(url):
    assert binder_link.binder_url(url) == (
        "https://mybinder.org/v2/gh/acme/accuracy-course/HEAD?urlpath=lab/tree/notebooks/00_setup.ipynb")


def test_nbgitpuller_url():
    link = binder_link.nbgitpuller_url("https://github.com/acme/course", "https://hub.example.org/")
    assert link == ("https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Facme%2Fcourse"
                    "&branch=main&urlpath=lab%2Ftree%2Fcourse%2Fnotebooks%2F00_setup.ipynb")


def test_non_github_url_is_refused_with_a_message():
    with pytest.raises(ValueError, match="not a GitHub repository URL"):
        binder_link.binder_url("https://gitlab.com/acme/course")
