"""`make test` runs inside tools/offline.sh: every notebook and test passes with
outbound network refused, which proves the course downloads nothing at run time."""

import os
import socket

import pytest


@pytest.mark.skipif(os.environ.get("COURSE_OFFLINE") != "1",
                    reason="not started through tools/offline.sh (no network namespace here)")
def test_outbound_network_is_refused():
    with socket.socket() as sock:
        sock.settimeout(3)
        with pytest.raises(OSError):
            sock.connect(("1.1.1.1", 443))


def test_ci_runs_offline():
    if os.environ.get("COURSE_REQUIRE_OFFLINE") == "1":
        assert os.environ.get("COURSE_OFFLINE") == "1"
