"""pyproject.toml, constraints.txt, environment.yml, Makefile and README agree."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def split_requirement(text):
    """'tensorflow-cpu>=2.16; marker' -> ('tensorflow-cpu', 'marker' or None)."""
    name = re.match(r"\s*([A-Za-z0-9_.-]+)", text).group(1)
    marker = text.split(";", 1)[1].strip() if ";" in text else None
    return normalise(name), marker


@pytest.fixture(scope="module")
def pyproject_requirements():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    # The "site" extra builds the course website only (`make site`); Binder and conda do not need it.
    requirements = project["dependencies"] + [r for name, extra in project["optional-dependencies"].items()
                                              if name != "site" for r in extra]
    return dict(split_requirement(r) for r in requirements)


@pytest.fixture(scope="module")
def conda_environment():
    """The environment.yml's python pin and pip requirements (a small, strict reader)."""
    text = (ROOT / "environment.yml").read_text()
    python = re.search(r"^\s*-\s*python\s*=\s*([\d.]+)\s*$", text, re.MULTILINE)
    pip_lines = re.findall(r'^\s{6}-\s*"?([^"\n]+)"?\s*$', text, re.MULTILINE)
    return python.group(1) if python else None, pip_lines


@pytest.fixture(scope="module")
def pins():
    result = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            result[normalise(name)] = version.strip()
    return result


def test_environment_yml_pins_python(conda_environment):
    python, _ = conda_environment
    assert python is not None and python.startswith("3.1"), "environment.yml must pin python=3.1x"


def test_environment_yml_installs_the_same_packages_as_pyproject(conda_environment, pyproject_requirements):
    _, pip_lines = conda_environment
    conda = dict(split_requirement(line) for line in pip_lines)
    assert conda.keys() == pyproject_requirements.keys()
    for name, marker in pyproject_requirements.items():
        assert conda[name] == marker, f"{name}: environment markers differ"


def test_environment_yml_versions_match_constraints(conda_environment, pins):
    _, pip_lines = conda_environment
    for line in pip_lines:
        name, _ = split_requirement(line)
        version = re.search(r"==([^;\s]+)", line)
        assert version, f"environment.yml should pin {name} with =="
        assert pins[name] == version.group(1), f"{name}: environment.yml {version.group(1)} vs constraints {pins[name]}"


def test_constraints_pin_every_direct_dependency(pyproject_requirements, pins):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    site = dict(split_requirement(r) for r in project["optional-dependencies"].get("site", []))
    missing = sorted((set(pyproject_requirements) | set(site)) - set(pins))
    assert not missing, f"constraints.txt does not pin {missing}; run `make lock`"


def test_tensorflow_is_chosen_by_platform(pyproject_requirements):
    assert "darwin" in pyproject_requirements["tensorflow"]
    assert "x86_64" in pyproject_requirements["tensorflow-cpu"]


def test_makefile_has_the_documented_targets():
    makefile = (ROOT / "Makefile").read_text()
    readme = (ROOT / "README.md").read_text()
    documented = set(re.findall(r"`make ([a-z-]+)", readme))
    assert {"lab", "test"} <= documented, "README must show `make lab` and `make test`"
    for target in documented | {"lab", "test", "exercises", "execute", "bench"}:
        assert re.search(rf"^{target}:.*## ", makefile, re.MULTILINE), f"`make {target}` missing or undocumented"


def test_readme_starts_with_the_two_commands():
    head = (ROOT / "README.md").read_text()[:600]
    assert "make lab" in head and "make test" in head
