"""Workshop at scale: small kernels, idle kernels shut down by the server, upgrade breaks named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import lab_server  # noqa: E402  (tools/lab_server.py: shared with the browser tests)


def test_environment_report_checks_tensorflow_without_importing_it():
    code = textwrap.dedent("""
        import sys
        from course_utils.reproducibility import environment_report
        report = environment_report()
        print(report.tensorflow, report.devices, "tensorflow" in sys.modules, report.ok)
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    version, *rest = done.stdout.split()
    assert version[0].isdigit(), done.stdout  # the child process found TensorFlow ...
    assert "'CPU:0'" in done.stdout
    assert rest[-2:] == ["False", "True"], done.stdout  # ... and the asking process never imported it


def test_a_broken_tensorflow_is_reported_not_raised(monkeypatch):
    from course_utils import reproducibility

    monkeypatch.setattr(reproducibility, "_TENSORFLOW_PROBE", "import no_such_module_here")
    report = reproducibility.environment_report()
    assert report.tensorflow is None
    assert not report.ok
    assert any("TensorFlow cannot be imported" in p and "no_such_module_here" in p for p in report.problems)


def _api(base, token, path, method="GET"):
    request = urllib.request.Request(f"{base}{path}", method=method, headers={"Authorization": f"token {token}"},
                                     data=b"{}" if method == "POST" else None)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


def test_the_course_server_config_shuts_idle_kernels_down(tmp_path):
    """A real Jupyter server loads jupyter_server_config.py (as `make lab` does) and culls an idle kernel."""
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"),
           "JUPYTER_CONFIG_PATH": str(ROOT), "COURSE_KERNEL_IDLE_MINUTES": "0.1"}  # 6 s for the test
    log = tmp_path / "server.log"
    with lab_server.running("server", root_dir=tmp_path, log_path=log, env=env) as (base, token):
        kernel = _api(base, token, "/api/kernels", method="POST")["id"]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if kernel not in [k["id"] for k in _api(base, token, "/api/kernels")]:
                break
            time.sleep(1)
        else:
            raise AssertionError("the idle kernel was not shut down:\n" + log.read_text())
    assert "Culling kernel" in log.read_text()


def test_a_bad_idle_timeout_is_named(tmp_path):
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path), "JUPYTER_CONFIG_PATH": str(ROOT),
           "COURSE_KERNEL_IDLE_MINUTES": "twenty"}
    done = subprocess.run([sys.executable, "-m", "jupyter", "server", "--show-config"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert "COURSE_KERNEL_IDLE_MINUTES must be a number of minutes" in done.stdout + done.stderr


def test_postbuild_installs_the_server_config():
    postbuild = (ROOT / "postBuild").read_text()
    assert "cp jupyter_server_config.py" in postbuild and "jupyter --config-dir" in postbuild


def test_test_latest_report_names_the_package_a_failure_comes_from(tmp_path):
    traceback = ("course_utils/plots.py:80: in roc\n    RocCurveDisplay.from_estimator(model, X, y, color='k')\n"
                 f"{sys.prefix}/lib/python3.11/site-packages/sklearn/metrics/_plot/roc_curve.py:300: "
                 "in from_estimator\n"
                 "E   TypeError: from_estimator() got an unexpected keyword argument 'color'")
    (tmp_path / "junit.xml").write_text(
        '<testsuites><testsuite><testcase classname="tests.test_plots" name="test_ok"/>'
        '<testcase classname="tests.test_plots" name="test_roc"><failure message="TypeError">'
        f"{traceback}</failure></testcase></testsuite></testsuites>")
    (tmp_path / "freeze.txt").write_text("scikit-learn==9.0.0\nnumpy==2.4.6\n")
    (tmp_path / "pins.txt").write_text("scikit-learn==1.9.1\nnumpy==2.4.6\n")
    out = tmp_path / "out.md"
    with open(out, "w") as handle:
        subprocess.run([sys.executable, str(ROOT / "tools" / "test_latest_report.py"), str(tmp_path / "junit.xml"),
                        "--python", "3.11", "--freeze", str(tmp_path / "freeze.txt"),
                        "--constraints", str(tmp_path / "pins.txt"), "--exit-code", "1"],
                       stdout=handle, check=True, timeout=60)
    text = out.read_text()
    assert "1 of 2 tests passed" in text
    assert "| scikit-learn | 1.9.1 | 9.0.0 |" in text
    assert "scikit-learn 9.0.0 (pinned 1.9.1)" in text and "unexpected keyword argument 'color'" in text
    assert "Failures by package: scikit-learn (1)" in text
