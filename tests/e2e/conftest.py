"""Headless Chromium for the tests that open a served page."""

from __future__ import annotations

import os

import pytest

from tests.e2e.browser import chromium_path


@pytest.fixture
def chromium() -> str:
    found = chromium_path()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing; .ci/run installs it with apt-get")
        pytest.skip("chromium is not installed here (apt-get install chromium)")
    return found
