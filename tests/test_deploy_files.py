"""What can be checked of the deployment files without a container engine: the Dockerfile runs the
app as a non-root user from the repository root, on the port it exposes and checks; the image
gets every file the app needs; requirements.txt installs the project (dependencies listed once)."""

import fnmatch
import json
import re
import shlex
import subprocess
import tomllib
from pathlib import Path
from urllib.parse import urlparse

import pytest

REPO = Path(__file__).parents[1]
STREAMLIT_DEFAULT_PORT = 8501


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined, comments dropped."""
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n", " ", "\n".join(lines))
    found = []
    for line in joined.splitlines():
        if line.strip():
            keyword, _, arguments = line.strip().partition(" ")
            found.append((keyword.upper(), arguments.strip()))
    return found


def arguments(keyword: str) -> list[str]:
    return [args for key, args in instructions() if key == keyword]


def exec_form(text: str) -> list[str]:
    assert text.startswith("["), f"not in exec (JSON) form: {text}"
    return json.loads(text)


def cmd() -> list[str]:
    (last, *_) = reversed(arguments("CMD"))
    return exec_form(last)


def served_port() -> int:
    for argument in cmd():
        if argument.startswith("--server.port"):
            return int(argument.split("=", 1)[1])
    return STREAMLIT_DEFAULT_PORT


def test_base_image_is_python_311_slim():
    assert arguments("FROM") == ["python:3.11-slim"]


def test_runs_the_app_from_the_repository_root():
    command = cmd()
    assert command[:3] == ["streamlit", "run", "dashboard/app.py"]
    assert "--server.address=0.0.0.0" in command
    # The repository is copied into the working directory, so .streamlit/config.toml is read there.
    (workdir,) = arguments("WORKDIR")  # one working directory: the repository root
    copies = [args.split() for args in arguments("COPY")]
    assert any(copy[:-1] == ["."] and copy[-1] in (".", "./", workdir, workdir + "/") for copy in copies)


def test_runs_as_a_non_root_user():
    keywords = [key for key, _ in instructions()]
    users = arguments("USER")
    assert users, "no USER: the app would run as root"
    assert users[-1].split(":")[0] not in ("root", "0")
    assert max(i for i, key in enumerate(keywords) if key == "USER") < keywords.index("CMD")
    assert re.search(rf"useradd\b.*\b{re.escape(users[-1])}\b", " ".join(arguments("RUN")))


@pytest.mark.parametrize("folder", ["dashboard/static", "dashboard/.published"])
def test_the_user_may_write_the_folders_the_app_writes(folder):
    """The app writes Leaflet and the event files into dashboard/static/ when it starts, and
    which of them it serves into dashboard/.published/."""
    user = arguments("USER")[-1]
    owned = rf"chown (-R )?{re.escape(user)}(:{re.escape(user)})? (\S+ )*{re.escape(folder)}\b"
    assert any(re.search(owned, run) for run in arguments("RUN"))


def test_exposes_and_checks_the_port_it_serves():
    port = served_port()
    assert [int(p.split("/")[0]) for args in arguments("EXPOSE") for p in args.split()] == [port]
    (health,) = arguments("HEALTHCHECK")
    url = re.search(r"https?://[^'\" ]+", health).group()
    assert urlparse(url).path == "/_stcore/health"
    assert urlparse(url).port == port


def test_healthcheck_uses_python_not_curl():
    (health,) = arguments("HEALTHCHECK")
    command = exec_form(health[health.index("CMD") + 3:].strip())
    assert command[:2] == ["python", "-c"]
    assert "urllib.request" in command[2]
    compile(command[2], "healthcheck", "exec")  # the one-liner is valid Python
    assert "curl" not in health and "wget" not in health


def test_dependencies_come_from_pyproject():
    """The image installs what pyproject.toml lists, not a second, drifting list."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runs = " ".join(arguments("RUN"))
    assert "pyproject.toml" in runs and re.search(r"pip install .*-e \.", runs)
    names = [re.split(r"[<>=!~\[; ]", dependency)[0].lower() for dependency in project["dependencies"]]
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8").lower()
    assert [name for name in names if re.search(rf"pip install[^\n]*\b{re.escape(name)}\b", dockerfile)] == []


# .dockerignore

def ignore_patterns() -> list[str]:
    lines = (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
    return [line.strip().strip("/") for line in lines if line.strip() and not line.startswith("#")]


def ignored(path: str, patterns: list[str]) -> bool:
    """Whether Docker leaves `path` out of the build context (a pattern naming a folder takes
    everything in it; `**/` matches any depth). Negated patterns are not used here."""
    assert not any(pattern.startswith("!") for pattern in patterns)
    parts = path.split("/")
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    for pattern in patterns:
        for prefix in prefixes:
            if fnmatch.fnmatchcase(prefix, pattern):
                return True
            if pattern.startswith("**/") and any(
                fnmatch.fnmatchcase("/".join(prefix.split("/")[i:]), pattern[3:]) for i in range(len(prefix.split("/")))
            ):
                return True
    return False


def repository_files() -> list[str]:
    try:
        listed = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [path for path in listed.splitlines() if (REPO / path).exists()]


@pytest.mark.parametrize("path", [
    ".git/HEAD", ".venv/bin/python", "test-artifacts/map.png", "dashboard/__pycache__/app.cpython-311.pyc",
    "dashboard/static/leaflet/leaflet.js", "stalin_era_atlas.egg-info/PKG-INFO", ".pytest_cache/README.md",
])
def test_dockerignore_leaves_out_local_and_generated_files(path):
    assert ignored(path, ignore_patterns())


def test_dockerignore_keeps_everything_the_app_needs():
    needed = [
        path for path in repository_files()
        if path.startswith(("dashboard/", "geodata/", ".streamlit/"))
        or path in ("events.geojson", "pyproject.toml", "README.md", "LICENSE")
    ]
    assert "dashboard/app.py" in needed and ".streamlit/config.toml" in needed
    assert [path for path in needed if ignored(path, ignore_patterns())] == []


# requirements.txt (Streamlit Community Cloud)

def test_requirements_install_the_project_itself():
    """Editable, so `dashboard` is imported from the checkout: it reads ../geodata next to it and
    writes dashboard/static; the dependencies are those of pyproject.toml."""
    lines = [line.split("#")[0].strip() for line in (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    requirements = [shlex.split(line) for line in lines if line]
    assert requirements == [["-e", "."]]
