"""Print the Binder and nbgitpuller links for this repository.

Usage: ``python tools/binder_link.py [REPOSITORY_URL] [--hub HUB_URL]``.
Without a URL it reads ``git remote get-url origin``. Only GitHub URLs are
handled for Binder (``https://github.com/OWNER/REPO``).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from urllib.parse import quote

START = "notebooks/00_setup.ipynb"


def github_parts(url):
    match = re.match(r"(?:https://github\.com/|git@github\.com:)([^/]+)/([^/]+?)(?:\.git)?/?$", url.strip())
    if not match:
        raise ValueError(f"not a GitHub repository URL: {url!r} (expected https://github.com/OWNER/REPO)")
    return match.group(1), match.group(2)


def binder_url(url, *, branch="HEAD", path=START):
    """Binder link that opens ``path`` (a file in the repository) in JupyterLab."""
    owner, repo = github_parts(url)
    return f"https://mybinder.org/v2/gh/{owner}/{repo}/{branch}?urlpath=lab/tree/{path}"


def nbgitpuller_url(url, hub, *, branch="main"):
    _, repo = github_parts(url)
    target = quote(f"lab/tree/{repo}/{START}", safe="")
    return (f"{hub.rstrip('/')}/hub/user-redirect/git-pull?repo={quote(url, safe='')}"
            f"&branch={branch}&urlpath={target}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", nargs="?")
    parser.add_argument("--hub", help="JupyterHub base URL for an nbgitpuller link")
    args = parser.parse_args(argv)
    url = args.url or subprocess.run(["git", "remote", "get-url", "origin"], capture_output=True,
                                     text=True).stdout.strip()
    if not url:
        print("no URL given and no git remote 'origin'", file=sys.stderr)
        return 2
    link = binder_url(url)
    print(f"Binder:  {link}")
    print(f"Badge:   [![Binder](https://mybinder.org/badge_logo.svg)]({link})")
    if args.hub:
        print(f"Hub:     {nbgitpuller_url(url, args.hub)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
