"""kg build --dask: extraction on a Dask distributed cluster gives the in-process graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import store
from kg.cli import main
from kg.pipeline import build

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = [str(ROOT / "seeds"), str(ROOT.parent / "shared" / "eval-dev" / "articles")]


def _sources() -> list[str]:
    return [a for a in ARTICLES if Path(a).exists()]


def _quads(dataset) -> set[tuple[str, ...]]:
    return {tuple(str(t) for t in quad) for quad in dataset.quads((None, None, None, None))}


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,  # threads: quick to start, and the pipelines load once
        protocol="tcp",  # a real address, as a remote cluster's
        host="127.0.0.1",
        scheduler_port=0,
        dashboard_address=None,
    ) as local:
        yield local


def test_the_graph_is_the_one_built_in_process(cluster) -> None:
    sources = _sources()
    order: list[str] = []
    here = build(sources)
    there = build(
        sources,
        scheduler=cluster.scheduler_address,
        on_article=lambda document: order.append(document.id),
    )
    assert here is not None and there is not None
    assert _quads(there) == _quads(here) and len(_quads(here)) > 100
    in_process: list[str] = []
    build(sources, on_article=lambda document: in_process.append(document.id))
    assert order == in_process  # written in input order


def test_kg_build_dask_writes_into_the_store(cluster, tmp_path) -> None:
    seeds = str(ROOT / "seeds")
    result = CliRunner().invoke(
        main, ["build", "-q", seeds, "-o", str(tmp_path / "a"), "--dask", cluster.scheduler_address]
    )
    assert result.exit_code == 0, result.output
    assert (
        CliRunner().invoke(main, ["build", "-q", seeds, "-o", str(tmp_path / "b")]).exit_code == 0
    )
    with store.reading(tmp_path / "a") as a, store.reading(tmp_path / "b") as b:
        assert _quads(a) == _quads(b)


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("kg.pipeline.DASK_CONNECT_S", 2)
    result = CliRunner().invoke(
        main,
        ["build", "-q", str(ROOT / "seeds"), "-o", str(tmp_path), "--dask", "tcp://127.0.0.1:9"],
    )
    assert result.exit_code == 1 and "cannot reach the Dask scheduler" in result.output
