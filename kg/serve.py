"""A read-only SPARQL 1.1 Protocol endpoint over the store, served by Oxigraph.

The store is loaded into a fresh Oxigraph folder and served with
``oxigraph serve-read-only`` on a private port of 127.0.0.1 (why Oxigraph:
docs/STORE.md), behind ``kg.guard``, which refuses queries that reach outside
the store and binds geokg's prefixes. The default graph is the union of the
article graphs, as in ``kg query``.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

from rdflib import Dataset

from kg.atomic import atomic_write
from kg.errors import StoreError
from kg.guard import start_guard


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str  # the query endpoint, e.g. http://127.0.0.1:7878/query
    location: Path  # the Oxigraph folder (a temporary copy of the store)
    guard: ThreadingHTTPServer | None = None  # the checking proxy in front of Oxigraph

    def stop(self) -> None:
        if self.guard is not None:
            self.guard.shutdown()
            self.guard.server_close()
            self.guard = None
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def oxigraph_binary() -> str:
    """The ``oxigraph`` command of the PyPI package ``oxigraph`` (beside this Python first)."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise StoreError("the oxigraph server is not installed: pip install oxigraph")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def port_is_free(host: str, port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
        return True


def wait_until_up(
    url: str, timeout: float = 30.0, process: subprocess.Popen[bytes] | None = None
) -> None:
    """Poll the endpoint until it answers an ASK; StoreError on timeout or exit."""
    ask = url + "?query=" + urllib.request.quote("ASK { ?s ?p ?o }")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise StoreError(f"the SPARQL server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(ask, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise StoreError(f"the SPARQL server at {url} did not answer within {timeout:.0f} s")


def load(dataset: Dataset, location: Path) -> None:
    """Load every article graph of ``dataset`` into the Oxigraph folder ``location``."""
    from kg.diskstore import dump as dump_native
    from kg.store import snapshot

    location.mkdir(parents=True, exist_ok=True)
    dump = location.parent / (location.name + ".nq")
    with atomic_write(dump, "wb", encoding=None) as fh:
        if not dump_native(dataset, fh, "nquads"):  # Oxigraph writes its own quads
            snapshot(dataset).serialize(fh, format="nquads", encoding="utf-8")
    try:
        done = subprocess.run(
            [oxigraph_binary(), "load", "--location", str(location), "--file", str(dump)],
            capture_output=True,
            check=False,
        )
    finally:
        dump.unlink(missing_ok=True)
    if done.returncode != 0:
        last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
        raise StoreError(f"oxigraph could not load the store: {last}")


def start(
    dataset: Dataset,
    *,
    host: str = "127.0.0.1",
    port: int | None = None,
    workdir: Path | None = None,
    timeout: float = 30.0,
    query_timeout: float = 30.0,
) -> Server:
    """Load ``dataset`` into Oxigraph and start a read-only endpoint; returns when it answers.

    ``query_timeout``: seconds one query may run before the server gives up on it.
    """
    if port is not None and not port_is_free(host, port):
        raise StoreError(f"port {port} on {host} is already in use; choose another with --port")
    location = Path(workdir or tempfile.mkdtemp(prefix="geokg-serve-")) / "oxigraph"
    load(dataset, location)
    port = port or free_port(host)
    inner = free_port("127.0.0.1")  # Oxigraph itself, reached only through the guard
    command = [
        oxigraph_binary(),
        "serve-read-only",
        "--location",
        str(location),
        "--bind",
        f"127.0.0.1:{inner}",
        "--union-default-graph",
        "--timeout-s",
        str(max(1, round(query_timeout))),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = Server(process, f"http://{host}:{port}/query", location)
    try:
        wait_until_up(f"http://127.0.0.1:{inner}/query", timeout, process)
        server.guard = start_guard(host, port, f"http://127.0.0.1:{inner}")
        wait_until_up(server.url, timeout, process)
    except BaseException:  # also Ctrl-C or a signal while starting: leave no orphan
        server.stop()
        raise
    return server
