"""The interactive HTML graph: one self-contained page per graph, rendered with pyvis.

``render(dataset)`` reads the statement nodes of a geokg Dataset (the RDF model of
DESIGN.md), filters them (focus, dates, relations, top N), merges parallel
statements into one edge with a count and renders the page through pyvis with
geokg's own template: vis-network inlined, no network access (a strict Content
Security Policy says so too), tooltips built in the browser as DOM text so that
nothing from an article ever becomes markup.

>>> from rdflib import Dataset
>>> page = render(Dataset())
>>> "vis-network" in page and "https://cdn" not in page
True
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path
from typing import Any

from kg.atomic import atomic_write
from kg.errors import InputError
from kg.viz_model import (
    ACTOR_STYLE,
    QUAD_COLOURS,
    GraphActor,
    Statement,
    interval,
    read_graph,
    relation_info,
    relation_table,
)

__all__ = ["Edge", "GraphPage", "GraphView", "graph_view", "render"]

#: Above this many nodes or edges physics stabilises in bounded time, then stops.
LARGE_NODES = 200
LARGE_EDGES = 600
#: Edge labels are drawn while at most this many edges are visible.
EDGE_LABELS_UP_TO = LARGE_EDGES
NO_LABELS = 1000  # a vis drawThreshold no font size reaches
NODE_FONT_SIZE = 14
#: The most connected actors whose labels stay at least LEGIBLE_PX pixels high at
#: the zoom that fits the whole graph (viz.js enlarges their font to match).
LEGIBLE_TOP = 10
LEGIBLE_PX = 11
#: A tooltip lists at most this many statements (the count says how many there are).
TOOLTIP_STATEMENTS = 25


@dataclass
class Edge:
    """Parallel statements of one relation between one pair, drawn as one edge."""

    source: str  # actor key
    target: str
    relation: str
    negated: bool
    hedged: bool
    statements: list[Statement] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.statements)


@dataclass
class GraphView:
    """What the page shows: actors by key, merged edges, degree per actor."""

    actors: dict[str, GraphActor]
    edges: list[Edge]

    def degree(self) -> Counter[str]:
        """Number of distinct neighbours of each actor."""
        neighbours: dict[str, set[str]] = defaultdict(set)
        for edge in self.edges:
            neighbours[edge.source].add(edge.target)
            neighbours[edge.target].add(edge.source)
        return Counter({key: len(neighbours[key]) for key in self.actors})


def graph_view(
    dataset: Any,
    *,
    focus: str | None = None,
    depth: int = 2,
    since: str | _date | None = None,
    until: str | _date | None = None,
    relations: list[str] | tuple[str, ...] | str | None = None,
    top: int | None = None,
) -> GraphView:
    """Select and merge the statements of ``dataset`` that the page will show."""
    actors, statements = read_graph(dataset)
    if relations:
        wanted = _relation_names(relations, {s.relation for s in statements})
        statements = [s for s in statements if s.relation in wanted]
    if since is not None or until is not None:
        statements = _in_period(statements, since, until)
    keep: set[str] | None = None
    if focus is not None:
        if depth < 0:
            raise InputError(f"depth must be 0 or more, not {depth}")
        start = _find_actor(actors, focus)
        keep = _reach(statements, start, depth)
        statements = [s for s in statements if s.subject in keep and s.object in keep]
    edges = _merge(statements)
    used = {key for edge in edges for key in (edge.source, edge.target)} | (keep or set())
    view = GraphView({k: a for k, a in sorted(actors.items()) if k in used}, edges)
    if top is not None:
        if top < 1:
            raise InputError(f"--top must be a positive number, not {top}")
        degree, weight = view.degree(), _weight(view)
        best = sorted(view.actors, key=lambda k: (-degree[k], -weight[k], k))[:top]
        chosen = set(best)
        view = GraphView(
            {k: a for k, a in view.actors.items() if k in chosen},
            [e for e in view.edges if e.source in chosen and e.target in chosen],
        )
    return view


def _relation_names(relations: list[str] | tuple[str, ...] | str, present: set[str]) -> set[str]:
    if isinstance(relations, str):
        relations = relations.split(",")
    wanted = {r.strip() for r in relations if r.strip()}
    known = present | set(relation_table())
    unknown = sorted(wanted - known)
    if unknown:
        raise InputError(
            f"unknown relation {', '.join(unknown)}; choose from {', '.join(sorted(known))}"
        )
    return wanted


def _in_period(
    statements: list[Statement], since: str | _date | None, until: str | _date | None
) -> list[Statement]:
    low = _bound(since, "since")[0] if since is not None else "0000-00-00"
    high = _bound(until, "until")[1] if until is not None else "9999-99-99"
    kept = []
    for s in statements:
        span = interval(s.date) if s.date else None
        # An undated statement cannot be shown to fall in the period.
        if span is not None and span[1] >= low and span[0] <= high:
            kept.append(s)
    return kept


def _bound(value: str | _date, name: str) -> tuple[str, str]:
    span = interval(str(value), strict=True)
    if span is None:
        raise InputError(f"--{name} must be a date like 2025, 2025-01 or 2025-01-31, not {value!r}")
    return span


def _find_actor(actors: dict[str, GraphActor], name: str) -> str:
    wanted = name.strip().casefold()
    if wanted in {k.casefold() for k in actors}:
        return next(k for k in actors if k.casefold() == wanted)
    hits = sorted({k for k, a in actors.items() if wanted in {n.casefold() for n in a.names()}})
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise InputError(f"{name!r} names several actors ({', '.join(hits)}); give the key")
    raise InputError(f"no actor named {name!r} in the graph; `kg stats` lists the actors")


def _reach(statements: list[Statement], start: str, depth: int) -> set[str]:
    """Actors within ``depth`` steps of ``start``, whatever the edge direction."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for s in statements:
        neighbours[s.subject].add(s.object)
        neighbours[s.object].add(s.subject)
    seen = {start}
    queue = deque([(start, 0)])
    while queue:
        key, dist = queue.popleft()
        if dist == depth:
            continue
        for other in sorted(neighbours[key] - seen):
            seen.add(other)
            queue.append((other, dist + 1))
    return seen


def _merge(statements: list[Statement]) -> list[Edge]:
    """One edge per pair, relation and modality; symmetric pairs in either order merge."""
    edges: dict[tuple[str, str, str, bool, bool], Edge] = {}
    for s in statements:
        source, target = s.subject, s.object
        if relation_info(s.relation).symmetric and target < source:
            source, target = target, source
        key = (source, target, s.relation, s.negated, s.hedged)
        if key not in edges:
            edges[key] = Edge(source, target, s.relation, s.negated, s.hedged)
        edges[key].statements.append(s)
    for edge in edges.values():
        edge.statements.sort(key=lambda s: (s.date or "", s.doc, s.start or 0))
    return [edges[k] for k in sorted(edges)]


def _weight(view: GraphView) -> Counter[str]:
    """Number of statements each actor takes part in (breaks ties between degrees)."""
    weight: Counter[str] = Counter()
    for edge in view.edges:
        weight[edge.source] += edge.count
        weight[edge.target] += edge.count
    return weight


class GraphPage(str):
    """The page's HTML; in Jupyter it displays inline (in a sandboxed iframe)."""

    def _repr_html_(self) -> str:
        # srcdoc keeps the page whole and lets its scripts run; the sandbox gives it
        # no access to the notebook (no same-origin) and no dialogs.
        return (
            f'<iframe srcdoc="{html.escape(self, quote=True)}" sandbox="allow-scripts" '
            'style="width:100%;height:680px;border:1px solid #ddd"></iframe>'
        )


def render(
    dataset: Any,
    path: str | os.PathLike[str] | None = None,
    *,
    focus: str | None = None,
    depth: int = 2,
    since: str | _date | None = None,
    until: str | _date | None = None,
    relations: list[str] | tuple[str, ...] | str | None = None,
    top: int | None = None,
) -> GraphPage:
    """Render ``dataset`` as a self-contained interactive HTML page.

    Returns the HTML (a ``str`` that Jupyter displays inline); with ``path`` the
    page is also written there, atomically. ``focus`` (an actor's name or key)
    keeps the actors within ``depth`` steps; ``since``/``until`` (``YYYY``,
    ``YYYY-MM`` or ``YYYY-MM-DD``) keep dated statements that overlap the period;
    ``relations`` keeps those relations; ``top`` keeps the N most connected actors.
    Filters that leave no statement are an ``InputError``: a blank page would look
    like a broken one.
    """
    view = graph_view(
        dataset,
        focus=focus,
        depth=depth,
        since=since,
        until=until,
        relations=relations,
        top=top,
    )
    filters = {"--focus": focus, "--since": since, "--until": until, "--relation": relations}
    given = [
        f"{k} {v if isinstance(v, str | _date) else ','.join(v)}" for k, v in filters.items() if v
    ]
    if given and not view.edges:
        raise InputError(f"no statement matches {' '.join(given)}; nothing written")
    page = GraphPage(_html(view))
    if path is not None:
        _write_atomically(Path(path), page)
    return page


def _html(view: GraphView) -> str:
    from pyvis.network import Network  # pyvis and jinja load only when a page is made

    degree = view.degree()
    large = len(view.actors) > LARGE_NODES or len(view.edges) > LARGE_EDGES
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for key, actor in view.actors.items():
        shape, colour = ACTOR_STYLE.get(actor.kind, ACTOR_STYLE["Actor"])
        net.add_node(
            key,
            label=actor.name,
            shape=shape,
            color=colour,
            value=degree[key] + 1,
            kind=actor.kind,
            tip={
                "name": actor.name,
                "kind": actor.kind,
                "labels": list(actor.labels),
                "wikidata": actor.wikidata,
                "key": key,
            },
        )
    for number, edge in enumerate(view.edges):
        net.add_edge(edge.source, edge.target, **_edge_options(edge, number, view))
    net.options = _options(large, len(view.edges))
    net.templateEnv = _template_env(net.options, large)
    net.path = "viz.html"
    return net.generate_html()


def _edge_options(edge: Edge, number: int, view: GraphView) -> dict[str, Any]:
    info = relation_info(edge.relation)
    colour = QUAD_COLOURS[info.quad]
    label = edge.relation + ("?" if edge.hedged else "")
    if edge.negated:
        label = "\u2717 " + label
    if edge.count > 1:
        label += f" \u00d7{edge.count}"
    dashes: bool | list[int] = [2, 5] if edge.negated else [10, 6] if edge.hedged else False
    shown = edge.statements[:TOOLTIP_STATEMENTS]
    return {
        "id": f"e{number}",
        "label": label,
        "arrows": "" if info.symmetric else "to",
        "color": {"color": colour, "highlight": colour, "hover": colour},
        "font": {"color": "#c62828" if edge.negated else "#333333"},
        "dashes": dashes,
        "value": edge.count,
        "relation": edge.relation,
        "quad": info.quad,
        "spans": [interval(s.date) if s.date else None for s in edge.statements],
        # the edge stays while any of its statements is as sure as the slider asks
        "confidence": max(
            (s.confidence for s in edge.statements if s.confidence is not None), default=1.0
        ),
        "tip": {
            "source": view.actors[edge.source].name,
            "target": view.actors[edge.target].name,
            "relation": edge.relation,
            "symmetric": info.symmetric,
            "count": edge.count,
            "statements": [
                {
                    "date": s.date,
                    "sentence": s.sentence,
                    "negated": s.negated,
                    "hedged": s.hedged,
                    "doc": s.doc,
                    "start": s.start,
                    "end": s.end,
                }
                for s in shown
            ],
        },
    }


def _options(large: bool, edges: int) -> dict[str, Any]:
    # Iterations cost time in proportion to the edges: bound the layout to a few seconds.
    iterations = max(40, min(120, 1_200_000 // max(edges, 1))) if large else 600
    return {
        "autoResize": True,
        "layout": {"improvedLayout": not large, "randomSeed": 7},
        "nodes": {
            "font": {"size": NODE_FONT_SIZE, "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {
                "min": 8,
                "max": 36,
                "label": {"enabled": False, "drawThreshold": 7 if large else 5},
            },
            "borderWidth": 1,
        },
        "edges": {
            "smooth": False if large else {"type": "dynamic"},
            "font": {"size": 11, "align": "middle", "strokeWidth": 3},
            # Thousands of edge labels make every frame take seconds: a large
            # graph draws them only once filters leave few edges (see viz.js).
            "scaling": {
                "min": 1,
                "max": 6,
                "label": {"enabled": False, "drawThreshold": NO_LABELS if large else 5},
            },
            "arrowStrikethrough": False,
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "keyboard": {"enabled": True, "bindToWindow": False},
        },
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            # A coarser Barnes-Hut (theta) for large graphs: 2,000 actors settle in ~4 s.
            "barnesHut": {
                "gravitationalConstant": -4000 if large else -6000,
                "theta": 0.9 if large else 0.5,
                "springLength": 120,
                "avoidOverlap": 0.1,
            },
            "stabilization": {
                "enabled": True,
                "iterations": iterations,
                "updateInterval": 25,
                "fit": True,
            },
        },
    }


def _template_env(options: dict[str, Any], large: bool) -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape
    from markupsafe import Markup

    env = Environment(
        loader=PackageLoader("kg", "templates"), autoescape=select_autoescape(["html"])
    )
    env.filters["script_json"] = lambda value: Markup(script_json(value))
    vis_js, vis_css = _vis_assets()
    page_js = env.loader.get_source(env, "viz.js")[0]  # type: ignore[union-attr]
    scripts = [vis_js, page_js]
    env.globals.update(
        vis_js=vis_js,
        vis_css=vis_css,
        page_js=page_js,
        page={
            "options": options,
            "large": large,
            "edgeLabelsUpTo": EDGE_LABELS_UP_TO,
            "noLabels": NO_LABELS,
            "fontSize": NODE_FONT_SIZE,
            "legiblePx": LEGIBLE_PX,
            "legibleTop": LEGIBLE_TOP,
            "colours": QUAD_COLOURS,
            "styles": ACTOR_STYLE,
            "relations": {n: [i.quad, i.symmetric] for n, i in relation_table().items()},
        },
        # Only these exact scripts may run: an injected <script> or onerror= cannot.
        csp_hashes=" ".join(f"'sha256-{_sha256(s)}'" for s in scripts),
    )
    return env


def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return (
        (lib / "vis-network.min.js").read_text("utf-8"),
        (lib / "vis-network.css").read_text("utf-8"),
    )


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _write_atomically(path: Path, text: str) -> None:
    try:
        with atomic_write(path) as out:
            out.write(text)
    except OSError as err:
        raise InputError(f"cannot write {path}: {err.strerror or err}") from err


_JSON_UNSAFE = re.compile(r"[<>&\u2028\u2029]")


def script_json(value: Any) -> str:
    """JSON that is inert inside a ``<script>`` element (no ``</script>``, no ``<!--``)."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value))
