"""kg serve behaves as a service: signals stop it cleanly, a busy port or a dead
server is an error, not a silent success."""

from __future__ import annotations

import glob
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from graph_records import SEED, seed_relations

from kg import serve, store
from kg.errors import StoreError

KG = [sys.executable, "-c", "from kg.cli import main; main()"]


@pytest.fixture
def saved(tmp_path):
    dataset = store.new_dataset()
    store.add_article(dataset, SEED, seed_relations())
    store.save(dataset, tmp_path)
    return tmp_path


def _children(pid: int) -> list[int]:
    found = []
    for status in glob.glob("/proc/[0-9]*/stat"):
        try:
            fields = Path(status).read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(status.split("/")[2]))
    return found


def _start(saved, port):
    process = subprocess.Popen(
        [*KG, "serve", "--store", str(saved), "--port", str(port)],
        stderr=subprocess.PIPE,
        env={**os.environ, "TMPDIR": str(saved)},
    )
    # Ready once kg serve says so (its own start-up check is done by then).
    line = process.stderr.readline()
    assert b"SPARQL endpoint:" in line, line
    return process


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_stops_the_server_and_its_child_and_removes_the_copy(saved, signum):
    process = _start(saved, serve.free_port())
    children = _children(process.pid)
    assert children, "oxigraph runs as a child of kg serve"
    process.send_signal(signum)
    assert process.wait(timeout=30) == 0
    time.sleep(0.2)
    assert all(not os.path.exists(f"/proc/{child}") for child in children)
    assert not glob.glob(str(saved / "geokg-serve-*"))


@pytest.mark.slow
def test_a_dead_server_is_a_failure(saved):
    process = _start(saved, serve.free_port())
    for child in _children(process.pid):
        os.kill(child, signal.SIGKILL)
    assert process.wait(timeout=30) == 1
    assert b"stopped unexpectedly" in process.stderr.read()


def test_a_busy_port_is_refused(saved):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with tempfile.TemporaryDirectory() as workdir, pytest.raises(StoreError, match="in use"):
            serve.start(store.open_store(saved), port=port, workdir=workdir)


@pytest.fixture
def server(saved):
    running = serve.start(store.open_store(saved))
    yield running
    running.stop()


def _ask(url, query, how="get"):
    import urllib.error
    import urllib.parse
    import urllib.request

    accept = {"Accept": "application/sparql-results+json"}
    if how == "get":
        request = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}))
    elif how == "form":
        data = urllib.parse.urlencode({"query": query}).encode()
        request = urllib.request.Request(
            url, data=data, headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
    else:
        request = urllib.request.Request(
            url, data=query.encode(), headers={"Content-Type": "application/sparql-query"}
        )
    for name, value in accept.items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


@pytest.mark.slow
@pytest.mark.parametrize("how", ["get", "form", "body"])
def test_the_endpoint_binds_geokg_prefixes_and_answers(server, how):
    status, body = _ask(server.url, "SELECT ?o WHERE { id:kim_jong_un kg:supports ?o }", how)
    assert status == 200 and "russia" in body


@pytest.mark.slow
@pytest.mark.parametrize("how", ["get", "form", "body"])
def test_the_endpoint_refuses_service_calls(server, how):
    # A listening socket that must never be contacted.
    with socket.socket() as target:
        target.bind(("127.0.0.1", 0))
        target.listen()
        target.settimeout(0.5)
        port = target.getsockname()[1]
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        status, body = _ask(server.url, query, how)
        assert status == 403 and "SERVICE is not allowed" in body
        with pytest.raises(TimeoutError):
            target.accept()
