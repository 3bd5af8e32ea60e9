"""The README says what the code does: its example validates, CI runs its commands."""

import json
import re
from pathlib import Path

from dashboard.validation import check_document

REPO = Path(__file__).parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_example_feature_is_valid():
    example = re.search(r"An example feature:\n\n```json\n(.*?)\n```", README, re.S).group(1)
    checked = check_document({"type": "FeatureCollection", "features": [json.loads(example)]}, "README.md")
    assert [str(p) for p in checked.problems] == []


def test_ci_installs_and_tests_with_the_readme_commands():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    install, run = re.search(r"## Install and run.*?```sh\n(.*?)\n(.*?)\n```", README, re.S).groups()
    test = re.search(r"## Tests.*?```sh\n(.*?)\n```", README, re.S).group(1)
    assert install in ci
    assert test in ci
    assert run.endswith("streamlit run dashboard/app.py")
