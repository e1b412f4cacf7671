"""Test hygiene shared by every test module."""

from __future__ import annotations

import logging

import pytest


@pytest.fixture(autouse=True)
def _logging_levels_restored():
    """`kg -q`/`-v` set the root logger's level for the process (right for a command,
    wrong between tests run in one process): put it back after each test."""
    root = logging.getLogger()
    level = root.level
    yield
    root.setLevel(level)
