"""Concurrent writers of one store take turns: no article is lost."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.store import article_ids, open_store, writing

KG = [sys.executable, "-c", "from kg.cli import main; main()"]


def _articles(folder, prefix, count):
    folder.mkdir()
    for i in range(count):
        (folder / f"{prefix}{i}.txt").write_text(
            f"date 2024-0{1 + i % 9}-01\n\nPremier Rutte sprak met president Macron in Parijs.\n",
            encoding="utf-8",
        )


@pytest.mark.slow
def test_two_builds_into_one_store_at_once_keep_every_article(tmp_path):
    _articles(tmp_path / "a", "a", 4)
    _articles(tmp_path / "b", "b", 4)
    out = tmp_path / "out"
    runs = [
        subprocess.Popen(
            [*KG, "build", "-q", "--no-html", str(tmp_path / side), "-o", str(out)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for side in ("a", "b")
    ]
    for run in runs:
        output, _ = run.communicate(timeout=300)
        assert run.returncode == 0, output.decode()
    ids = article_ids(open_store(out))
    assert sorted(ids) == sorted([f"a{i}" for i in range(4)] + [f"b{i}" for i in range(4)])


def test_a_held_lock_makes_the_next_writer_wait_then_fail_clearly(tmp_path):
    from kg.errors import StoreError

    with (
        writing(tmp_path),
        pytest.raises(StoreError, match="being written by another"),
        writing(tmp_path, timeout=0.2),
    ):
        pass


def test_a_failed_first_build_leaves_no_folder_behind(tmp_path):
    out = tmp_path / "new"
    with pytest.raises(RuntimeError), writing(out):
        raise RuntimeError("extraction failed")
    assert not out.exists()
