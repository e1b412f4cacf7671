"""The graph page in a real browser: headless Chromium driven over the DevTools protocol.

Chromium talks CDP over two pipes (``--remote-debugging-pipe``: it reads commands
on fd 3 and writes replies on fd 4, each message NUL-terminated), so the tests
need nothing beyond the standard library and Debian's ``chromium`` package.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from viz_graphs import SEED_EDGES, SEED_NODES, St, dataset, large_dataset, seed_dataset

from kg.viz import graph_view, render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (apt-get install chromium)"),
]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--window-size=1280,800",
    "--remote-debugging-pipe",
]
HOOK = "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"


class Browser:
    """One headless Chromium and one page, with the events the tests look at."""

    def __init__(self, profile: Path) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Bash puts our pipe ends on fds 3 and 4, where Chromium expects them.
        script = f'exec "$0" "$@" 3<&{to_chrome_r} 4>&{from_chrome_w}'
        self.proc = subprocess.Popen(
            [
                "bash",  # dash takes single-digit fds only; under pytest ours are higher
                "-c",
                script,
                str(CHROMIUM),
                *FLAGS,
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            pass_fds=(to_chrome_r, from_chrome_w),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._ids = 0
        self._replies: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self.events: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.send(f"{domain}.enable", session=True)
        self.send("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK}, session=True)

    def _read(self) -> None:
        buffer = b""
        with os.fdopen(self._from_chrome, "rb", buffering=0) as pipe:
            while chunk := pipe.read(1 << 16):
                buffer += chunk
                *messages, buffer = buffer.split(b"\0")
                for raw in messages:
                    message = json.loads(raw)
                    if "id" in message:
                        self._replies[message["id"]].put(message)
                    else:
                        self.events.append(message)

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session: bool = False,
        timeout: float = 60,
    ) -> dict[str, Any]:
        with self._lock:
            self._ids += 1
            ident = self._ids
            self._replies[ident] = queue.Queue()
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        reply = self._replies[ident].get(timeout=timeout)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply["result"]

    def eval(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=True,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def open(self, path: Path) -> None:
        self.send("Page.navigate", {"url": path.as_uri()}, session=True)
        self.wait(lambda: any(e["method"] == "Page.loadEventFired" for e in self.events))

    def wait(self, condition: Any, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("the page did not get there in time")
            time.sleep(0.05)

    def wait_stabilized(self, timeout: float = 30) -> None:
        self.wait(lambda: self.eval("!!(window.geokg && window.geokg.stabilized)"), timeout)

    def errors(self) -> list[str]:
        found = []
        for e in self.events:
            p = e.get("params", {})
            if e["method"] == "Runtime.exceptionThrown":
                found.append(json.dumps(p["exceptionDetails"])[:300])
            elif e["method"] == "Runtime.consoleAPICalled" and p["type"] in {"error", "assert"}:
                found.append(json.dumps(p["args"])[:300])
            elif e["method"] == "Log.entryAdded" and p["entry"]["level"] == "error":
                found.append(p["entry"]["text"])
        return found

    def requests(self) -> list[str]:
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e["method"] == "Network.requestWillBeSent"
        ]

    def screenshot(self, path: Path) -> None:
        data = self.send("Page.captureScreenshot", {"format": "png"}, session=True)["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        finally:
            os.close(self._to_chrome)


@pytest.fixture
def browser(tmp_path: Path) -> Any:
    chromium = Browser(tmp_path / "profile")
    yield chromium
    chromium.close()


def test_seed_graph_loads_offline_and_counts_match(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "seed.html"
    render(seed_dataset(), page)
    browser.open(page)
    browser.wait_stabilized()
    time.sleep(0.3)  # let late errors or requests surface
    assert browser.errors() == []
    # Nothing but the file itself (and the CSS's inline data: images) is ever requested.
    assert [u for u in browser.requests() if u != page.as_uri() and not u.startswith("data:")] == []
    assert browser.eval("[window.geokg.nodes, window.geokg.edges]") == [SEED_NODES, SEED_EDGES]
    assert browser.eval("window.geokg.visible()") == {"nodes": SEED_NODES, "edges": SEED_EDGES}
    browser.screenshot(tmp_path / "seed-graph.png")
    assert (tmp_path / "seed-graph.png").stat().st_size > 10_000


def test_seed_page_controls_filter_and_search(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "seed.html"
    render(seed_dataset(), page)
    browser.open(page)
    browser.wait_stabilized()
    change = (
        "(function (id, value) { var i = document.getElementById(id); i.value = value;"
        " i.dispatchEvent(new Event('change')); })"
    )
    browser.eval(f"{change}('since', '2025')")  # hides the 2018/2019 meetings
    assert browser.eval("geokg.visible()") == {"nodes": SEED_NODES, "edges": SEED_EDGES - 1}
    browser.eval("""(function () {
        var box = Array.prototype.find.call(document.querySelectorAll('#legend-relations label'),
            function (l) { return l.textContent.indexOf('meets') === 0; }).querySelector('input');
        box.click(); })()""")
    assert browser.eval("geokg.visible().edges") == 2  # supports, leaderOf
    browser.eval("document.getElementById('reset').click()")
    assert browser.eval("geokg.visible()") == {"nodes": SEED_NODES, "edges": SEED_EDGES}
    browser.eval(f"{change}('search', 'xi jin')")
    assert browser.eval("geokg.network.getSelectedNodes()") == ["xi_jinping"]
    assert "Person (3)" in browser.eval("document.getElementById('legend-classes').textContent")
    assert browser.errors() == []


HOSTILE = "Kim zei <script>alert(1)</script> en <img src=x onerror=alert(2)> tegen Moskou."
HOSTILE_NAME = "<img src=y onerror=alert(3)>"


def test_hostile_article_text_never_runs_and_shows_literally(
    browser: Browser, tmp_path: Path
) -> None:
    ds = dataset(
        [St("kim_jong_un", "supports", "new/evil", HOSTILE, "2025-09-02")],
        {"new/evil": (HOSTILE_NAME, HOSTILE_NAME, "Group", None, [])},
    )
    page = tmp_path / "hostile.html"
    render(ds, page)
    browser.open(page)
    browser.wait_stabilized()
    # Hover the middle of the one edge: vis shows its tooltip.
    x, y = browser.eval("""(function () {
        var n = window.geokg.network, p = n.getPositions();
        var ids = Object.keys(p), a = p[ids[0]], b = p[ids[1]];
        var c = n.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
        var r = document.getElementById('graph').getBoundingClientRect();
        return [c.x + r.left, c.y + r.top]; })()""")
    for dx in (-3, 0, 1):
        browser.send(
            "Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x + dx, "y": y}, session=True
        )
        time.sleep(0.1)
    tip = "(document.querySelector('div.vis-tooltip') || {}).textContent || ''"
    browser.wait(lambda: "alert(1)" in browser.eval(tip), timeout=5)
    text = browser.eval(tip)
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert HOSTILE_NAME in text
    assert (
        browser.eval("document.querySelectorAll('.vis-tooltip script, .vis-tooltip img').length")
        == 0
    )
    time.sleep(0.3)
    assert browser.eval("window.__alerts") == []
    assert not [e for e in browser.events if e["method"] == "Page.javascriptDialogOpening"]
    assert browser.errors() == []


def test_names_of_object_properties_are_plain_keys(browser: Browser, tmp_path: Path) -> None:
    # A relation called "constructor" (from a user's extended lexicon or an update)
    # and an actor called "__proto__" must not reach into JavaScript's prototypes.
    ds = dataset(
        [
            St("kim_jong_un", "constructor", "new/proto", "Kim bouwde iets.", "2025-09-02"),
            St("kim_jong_un", "supports", "russia", "Kim steunt Moskou.", "2025-09-02"),
        ],
        {"new/proto": ("__proto__", "__proto__", "Group", None, [])},
    )
    page = tmp_path / "proto.html"
    render(ds, page)
    browser.open(page)
    browser.wait_stabilized()
    assert browser.errors() == []
    legend = browser.eval("document.getElementById('legend-relations').textContent")
    assert "constructor (1" in legend and "supports (1" in legend
    assert browser.eval("window.geokg.visible()") == {"nodes": 3, "edges": 2}


def test_top_labels_are_legible_at_the_default_zoom(browser: Browser, tmp_path: Path) -> None:
    # About the size of the development graph (53 actors), laid out to fit the window.
    page = tmp_path / "dev-size.html"
    render(large_dataset(actors=60, statements=160, seed=3), page)
    browser.open(page)
    browser.wait_stabilized()
    legible = browser.eval("geokg.legible")
    assert len(legible) == 10
    sizes = [browser.eval(f"geokg.labelPx({json.dumps(key)})") for key in legible]
    assert min(sizes) >= 10, sizes
    assert browser.errors() == []


def test_empty_filters_say_so_and_a_click_shows_a_neighbourhood(
    browser: Browser, tmp_path: Path
) -> None:
    page = tmp_path / "seed.html"
    render(seed_dataset(), page)
    browser.open(page)
    browser.wait_stabilized()
    hidden = "document.getElementById('empty').hidden"
    assert browser.eval(hidden) is True
    browser.eval(
        "(function () { var i = document.getElementById('since'); i.value = '1900';"
        " var j = document.getElementById('until'); j.value = '1901';"
        " i.dispatchEvent(new Event('change')); j.dispatchEvent(new Event('change')); })()"
    )
    assert browser.eval("geokg.visible().edges") == 0 and browser.eval(hidden) is False
    browser.eval("document.getElementById('reset').click()")
    assert browser.eval(hidden) is True
    # Clicking Xi: he and Kim stay, Trump (not his neighbour) fades.
    browser.eval(
        "void geokg.network.body.emitter.emit('click', {nodes: ['xi_jinping'], edges: [],"
        " pointer: {DOM: {x: 0, y: 0}, canvas: {x: 0, y: 0}}})"
    )
    opacity = "geokg.network.body.nodes[{!r}].options.opacity"
    assert browser.eval(opacity.format("kim_jong_un")) == 1
    assert browser.eval(opacity.format("donald_trump")) < 0.5
    browser.eval("document.getElementById('save-png').click()")
    assert browser.eval("geokg.savedPng") > 1000  # a data: URL of the drawn canvas
    assert browser.errors() == []


def test_the_confidence_slider_keeps_the_sure_edges(browser: Browser, tmp_path: Path) -> None:
    ds = dataset(
        [
            St(
                "kim_jong_un",
                "supports",
                "russia",
                "Kim steunt Moskou.",
                "2025-09-02",
                confidence=0.9,
            ),
            St(
                "kim_jong_un",
                "meets",
                "donald_trump",
                "Kim zag Trump.",
                "2019-02-28",
                confidence=0.5,
            ),
        ]
    )
    page = tmp_path / "sure.html"
    render(ds, page)
    browser.open(page)
    browser.wait_stabilized()
    slide = (
        "(function (v) { var s = document.getElementById('confidence'); s.value = v;"
        " s.dispatchEvent(new Event('input')); })"
    )
    browser.eval(f"{slide}('0.8')")
    assert browser.eval("geokg.visible().edges") == 1
    assert browser.eval("document.getElementById('confidence-value').textContent") == "0.80"
    browser.eval("document.getElementById('reset').click()")
    assert browser.eval("geokg.visible().edges") == 2
    assert browser.errors() == []


def test_large_graph_stabilises_within_ten_seconds(browser: Browser, tmp_path: Path) -> None:
    ds = large_dataset(actors=2000, statements=10000)
    view = graph_view(ds)
    page = tmp_path / "large.html"
    render(ds, page)
    browser.open(page)
    browser.wait_stabilized(timeout=60)
    state = browser.eval(
        "({nodes: geokg.nodes, edges: geokg.edges, ms: geokg.stabilizedMs,"
        " physics: geokg.network.physics.physicsEnabled})"
    )
    print(
        f"\n2,000 actors / 10,000 statements: {len(view.edges)} edges, "
        f"stabilised {state['ms'] / 1000:.2f} s after navigation start"
    )
    assert (
        (state["nodes"], state["edges"])
        == (len(view.actors), len(view.edges))
        == (2000, len(view.edges))
    )
    assert state["physics"] is False  # a large graph stops moving once laid out
    assert state["ms"] < 10_000
    # Edge labels stay off until a filter leaves few edges (one month of statements).
    status = "document.getElementById('status').textContent"
    assert "edge labels show" in browser.eval(status)
    browser.eval("""['since', 'until'].forEach(function (id) {
        var i = document.getElementById(id); i.value = '2025-12';
        i.dispatchEvent(new Event('change')); })""")
    assert "edge labels show" not in browser.eval(status)
    assert 0 < browser.eval("geokg.visible().edges") < 600
    assert browser.errors() == []


@pytest.mark.slow
def test_built_seed_article_page_loads_offline_and_counts_match(
    browser: Browser, tmp_path: Path
) -> None:
    """The page `kg build` writes for the real seed article, not a hand-made graph."""
    from kg.pipeline import build

    seed = Path(__file__).resolve().parent.parent / "seeds"
    graph = build([seed])
    view = graph_view(graph)
    page = tmp_path / "graph.html"
    render(graph, page)
    browser.open(page)
    browser.wait_stabilized()
    time.sleep(0.3)
    assert browser.errors() == []
    assert [u for u in browser.requests() if u != page.as_uri() and not u.startswith("data:")] == []
    assert browser.eval("[window.geokg.nodes, window.geokg.edges]") == [
        len(view.actors),
        len(view.edges),
    ]
    # the actors' names are on the canvas's data, as text
    shown = browser.eval("document.documentElement.outerHTML")
    assert "Kim Jong-un" in shown and "Russia" in shown
