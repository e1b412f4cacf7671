"""The structural rules of the GraphML 1.0 and GEXF 1.2 XML Schemas, checked in Python.

Why not the XSDs themselves: nothing may be fetched in tests, and the schema files
(graphml.graphdrawing.org's graphml.xsd and the files it includes; gexf.net's
gexf.xsd and its modules) state no licence that would let geokg ship a copy, so
they are not vendored (docs/USAGE.md, "Network exports"). These checks follow the
schemas rule by rule for what networkx writes: element order, required and
enumerated attributes, id types (GraphML ids are NMTOKENs), uniqueness and
references (the schemas' key/keyref), and the lexical form of typed values
(xs:boolean, xs:int, xs:double, xs:date).
Each function returns a list of problems, empty for a valid document.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://www.gexf.net/1.2draft}"
NMTOKEN = re.compile(r"[A-Za-z0-9._:\-\u00b7\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u037d]+")
BOOLEAN = re.compile(r"true|false|1|0")
INTEGER = re.compile(r"[+-]?\d+")
DOUBLE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN")
DATE = re.compile(r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d{2}:\d{2})?")
GRAPHML_TYPES = {
    "boolean": BOOLEAN,
    "int": INTEGER,
    "long": INTEGER,
    "float": DOUBLE,
    "double": DOUBLE,
    "string": None,
}
GEXF_TYPES = {
    "integer": INTEGER,
    "long": INTEGER,
    "float": DOUBLE,
    "double": DOUBLE,
    "boolean": BOOLEAN,
    "string": None,
    "liststring": None,
    "anyURI": None,
}


def _order(parent: ET.Element, sequence: list[str], where: str) -> list[str]:
    """Children in the order ``sequence`` names (each name may repeat in place)."""
    rank = {name: i for i, name in enumerate(sequence)}
    problems, last = [], -1
    for child in parent:
        name = child.tag
        if name not in rank:
            problems.append(f"{where}: unexpected element {name}")
            continue
        if rank[name] < last:
            problems.append(f"{where}: {name} out of order")
        last = max(last, rank[name])
    return problems


def _typed(value: str, pattern: re.Pattern | None) -> bool:
    return pattern is None or bool(pattern.fullmatch(value.strip()))


def graphml_problems(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    if root.tag != f"{GRAPHML}graphml":
        return [f"root is {root.tag}, not graphml"]
    g = GRAPHML
    problems = _order(root, [f"{g}desc", f"{g}key", f"{g}data", f"{g}graph"], "graphml")
    keys: dict[str, tuple[str, str]] = {}
    for key in root.iter(f"{g}key"):
        kid = key.get("id", "")
        if not NMTOKEN.fullmatch(kid) or kid in keys:
            problems.append(f"key id {kid!r} is not a unique NMTOKEN")
        domain = key.get("for", "all")
        if domain not in ("all", "graphml", "graph", "node", "edge", "hyperedge", "port"):
            problems.append(f"key {kid}: for={domain!r}")
        name, kind = key.get("attr.name", ""), key.get("attr.type", "string")
        if name and not NMTOKEN.fullmatch(name):
            problems.append(f"key {kid}: attr.name {name!r} is not an NMTOKEN")
        if kind not in GRAPHML_TYPES:
            problems.append(f"key {kid}: attr.type {kind!r}")
        keys[kid] = (domain, kind)
    for graph in root.iter(f"{g}graph"):
        if graph.get("edgedefault") not in ("directed", "undirected"):
            problems.append(f"graph edgedefault={graph.get('edgedefault')!r}")
        # desc first, then data, node, edge and hyperedge in any order
        content = [f"{g}data", f"{g}node", f"{g}edge", f"{g}hyperedge"]
        for index, child in enumerate(graph):
            if child.tag not in content and not (child.tag == f"{g}desc" and index == 0):
                problems.append(f"graph: unexpected or misplaced {child.tag}")
        nodes: set[str] = set()
        for node in graph.findall(f"{g}node"):
            nid = node.get("id", "")
            if not NMTOKEN.fullmatch(nid) or nid in nodes:
                problems.append(f"node id {nid!r} is not a unique NMTOKEN")
            nodes.add(nid)
            problems += _order(
                node, [f"{g}desc", f"{g}data", f"{g}port", f"{g}graph", f"{g}locator"], "node"
            )
        edges: set[str] = set()
        for edge in graph.findall(f"{g}edge"):
            eid = edge.get("id")
            if eid is not None and (not NMTOKEN.fullmatch(eid) or eid in edges):
                problems.append(f"edge id {eid!r} is not a unique NMTOKEN")
            edges.add(eid or "")
            for end in ("source", "target"):
                if edge.get(end) not in nodes:
                    problems.append(f"edge {eid}: {end} {edge.get(end)!r} is no node")
            if edge.get("directed") not in (None, "true", "false", "1", "0"):
                problems.append(f"edge {eid}: directed={edge.get('directed')!r}")
            problems += _order(edge, [f"{g}desc", f"{g}data", f"{g}graph"], "edge")
    for owner in root.iter():
        for datum in owner.findall(f"{g}data"):
            kid = datum.get("key", "")
            if kid not in keys:
                problems.append(f"data key {kid!r} is not declared")
                continue
            domain, kind = keys[kid]
            if domain not in ("all", owner.tag.removeprefix(g)):
                problems.append(f"data key {kid} is for {domain}, used on {owner.tag}")
            if not _typed(datum.text or "", GRAPHML_TYPES[kind]) and (datum.text or ""):
                problems.append(f"data key {kid}: {datum.text!r} is not a {kind}")
    return problems


def gexf_problems(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    x = GEXF
    if root.tag != f"{x}gexf" or root.get("version") != "1.2":
        return [f"root is {root.tag} version {root.get('version')}, not GEXF 1.2"]
    problems = _order(root, [f"{x}meta", f"{x}graph"], "gexf")
    meta = root.find(f"{x}meta")
    if meta is not None:
        if meta.get("lastmodifieddate") and not DATE.fullmatch(meta.get("lastmodifieddate")):
            problems.append("meta lastmodifieddate is not an xs:date")
        problems += [
            f"meta: unexpected {c.tag}"
            for c in meta
            if c.tag not in (f"{x}creator", f"{x}keywords", f"{x}description")
        ]
    graph = root.find(f"{x}graph")
    if graph is None:
        return [*problems, "no graph"]
    checks = {
        "defaultedgetype": ("directed", "undirected", "mutual"),
        "mode": ("static", "dynamic"),
        "timeformat": ("integer", "double", "date", "dateTime"),
        "idtype": ("integer", "string"),
    }
    for name, allowed in checks.items():
        if graph.get(name) is not None and graph.get(name) not in allowed:
            problems.append(f"graph {name}={graph.get(name)!r}")
    time = DATE if graph.get("timeformat") == "date" else DOUBLE
    problems += _order(graph, [f"{x}attributes", f"{x}nodes", f"{x}edges"], "graph")
    declared: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for block in graph.findall(f"{x}attributes"):
        kind = block.get("class")
        if kind not in declared or block.get("mode", "static") not in ("static", "dynamic"):
            problems.append(f"attributes class={kind!r} mode={block.get('mode')!r}")
            continue
        for attribute in block:
            aid, atype = attribute.get("id"), attribute.get("type")
            if attribute.tag != f"{x}attribute" or not aid or attribute.get("title") is None:
                problems.append(f"attributes {kind}: bad {attribute.tag} {aid!r}")
            if atype not in GEXF_TYPES:
                problems.append(f"attribute {aid}: type {atype!r}")
            if aid in declared[kind]:
                problems.append(f"attribute id {aid} declared twice for {kind}")
            declared[kind][aid or ""] = atype or "string"

    def values(element: ET.Element, kind: str, where: str) -> None:
        for name in ("start", "end"):
            if element.get(name) is not None and not time.fullmatch(element.get(name)):
                problems.append(f"{where}: {name}={element.get(name)!r}")
        block = element.find(f"{x}attvalues")
        for value in [] if block is None else block:
            aid = value.get("for")
            if aid not in declared[kind]:
                problems.append(f"{where}: attvalue for undeclared {aid!r}")
            elif not _typed(value.get("value", ""), GEXF_TYPES[declared[kind][aid]]):
                problems.append(f"{where}: {value.get('value')!r} is not {declared[kind][aid]}")

    nodes: set[str] = set()
    for node in graph.iterfind(f"{x}nodes/{x}node"):
        nid = node.get("id")
        if not nid or nid in nodes:
            problems.append(f"node id {nid!r} missing or repeated")
        nodes.add(nid or "")
        values(node, "node", f"node {nid}")
    edges: set[str] = set()
    for edge in graph.iterfind(f"{x}edges/{x}edge"):
        eid = edge.get("id")
        if not eid or eid in edges:
            problems.append(f"edge id {eid!r} missing or repeated")
        edges.add(eid or "")
        for end in ("source", "target"):
            if edge.get(end) not in nodes:
                problems.append(f"edge {eid}: {end} {edge.get(end)!r} is no node")
        if edge.get("type") not in (None, "directed", "undirected", "mutual"):
            problems.append(f"edge {eid}: type={edge.get('type')!r}")
        if edge.get("weight") is not None and not DOUBLE.fullmatch(edge.get("weight")):
            problems.append(f"edge {eid}: weight={edge.get('weight')!r}")
        values(edge, "edge", f"edge {eid}")
    return problems
