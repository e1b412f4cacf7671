"""Atomic writes keep what the user set: permissions, umask and symbolic links."""

from __future__ import annotations

import os
import stat

import pytest

from kg.atomic import atomic_write


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_rewritten_file_keeps_its_permissions(tmp_path):
    out = tmp_path / "graph.ttl"
    out.write_text("old")
    out.chmod(0o600)
    with atomic_write(out) as fh:
        fh.write("new")
    assert out.read_text() == "new" and mode(out) == 0o600


def test_a_new_file_follows_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        with atomic_write(tmp_path / "new.ttl") as fh:
            fh.write("x")
    finally:
        os.umask(old)
    assert mode(tmp_path / "new.ttl") == 0o640


def test_a_symlinked_output_stays_a_link_to_the_new_content(tmp_path):
    real = tmp_path / "real.trig"
    real.write_text("old")
    link = tmp_path / "graph.trig"
    link.symlink_to(real)
    with atomic_write(link) as fh:
        fh.write("new")
    assert link.is_symlink() and real.read_text() == "new"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    out = tmp_path / "graph.ttl"
    out.write_text("old")
    with pytest.raises(RuntimeError), atomic_write(out) as fh:
        fh.write("half")
        raise RuntimeError("disk gone")
    assert out.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
