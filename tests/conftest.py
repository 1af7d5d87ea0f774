"""Shared test helpers: paths to the project's fixtures and to ../shared (optional)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# repro-lint's user cache (Hub model-info snapshots) of the test run, and of the commands it starts,
# lives in a temporary directory, never in the user's cache directory.
os.environ["REPRO_LINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="repro-lint-test-cache-")
atexit.register(shutil.rmtree, os.environ["REPRO_LINT_CACHE_DIR"], ignore_errors=True)

# No test ever reaches the real Hugging Face Hub: the client is pointed at a closed local port (tests that
# need a Hub start the fake one in tests/fakehub.py and point HF_ENDPOINT at it), with no token and a
# temporary cache. Set before huggingface_hub is imported, which reads these once.
os.environ["HF_ENDPOINT"] = "http://127.0.0.1:9"
os.environ["HF_HOME"] = tempfile.mkdtemp(prefix="repro-lint-test-hf-home-")
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
os.environ.pop("HF_TOKEN", None)
os.environ.pop("HF_HUB_OFFLINE", None)
atexit.register(shutil.rmtree, os.environ["HF_HOME"], ignore_errors=True)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def shared_or_skip(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only present beside the repository in development and CI)")
    return path
