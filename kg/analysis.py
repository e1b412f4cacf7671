"""Network analysis of the graph (networkx): centrality, communities, cooperation balance."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import Dataset

from kg import vocab
from kg.diskstore import native
from kg.network import to_networkx
from kg.store import article_ids, snapshot

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class ActorScore:
    iri: str
    label: str
    degree: int  # statements in or out
    betweenness: float  # on the undirected simple graph of asserted statements


@dataclass(frozen=True)
class PairBalance:
    a: str  # labels, sorted so that a <= b
    b: str
    cooperation: int  # asserted statements in a cooperation quad class, either direction
    conflict: int

    @property
    def balance(self) -> float:
        """From -1 (only conflict) to +1 (only cooperation)."""
        total = self.cooperation + self.conflict
        return (self.cooperation - self.conflict) / total if total else 0.0


def _asserted_simple(graph: nx.MultiDiGraph) -> nx.Graph:
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for u, v, data in graph.edges(data=True):
        if data.get("asserted") == "true" and u != v:
            simple.add_edge(u, v)
    return simple


def centrality(graph: nx.MultiDiGraph) -> list[ActorScore]:
    """Actors by degree, then betweenness (highest first)."""
    import networkx as nx

    between = nx.betweenness_centrality(_asserted_simple(graph)) if len(graph) else {}
    scores = [
        ActorScore(n, graph.nodes[n].get("label", n), int(graph.degree(n)), between.get(n, 0.0))
        for n in graph.nodes
    ]
    return sorted(scores, key=lambda s: (-s.degree, -s.betweenness, s.label))


def communities(graph: nx.MultiDiGraph) -> list[list[str]]:
    """Greedy-modularity communities of the asserted graph, as sorted label lists, largest first."""
    from networkx.algorithms.community import greedy_modularity_communities

    simple = _asserted_simple(graph)
    if simple.number_of_edges() == 0:
        return []
    found = greedy_modularity_communities(simple)
    groups = [sorted(graph.nodes[n].get("label", n) for n in c) for c in found if len(c) > 1]
    return sorted(groups, key=lambda g: (-len(g), g))


def balance(graph: nx.MultiDiGraph) -> list[PairBalance]:
    """Cooperation against conflict per actor pair, from the PLOVER quad classes."""
    counts: dict[tuple[str, str], Counter[str]] = {}
    for u, v, data in graph.edges(data=True):
        name = data.get("relation", "")
        if data.get("asserted") != "true" or not vocab.is_relation(name):
            continue
        sign = vocab.polarity(name)
        if sign == 0:
            continue
        a, b = sorted((graph.nodes[u].get("label", u), graph.nodes[v].get("label", v)))
        counts.setdefault((a, b), Counter())["cooperation" if sign > 0 else "conflict"] += 1
    pairs = [PairBalance(a, b, c["cooperation"], c["conflict"]) for (a, b), c in counts.items()]
    return sorted(pairs, key=lambda p: (-(p.cooperation + p.conflict), p.a, p.b))


def summary(dataset: Dataset, top: int = 8, *, short: bool = False) -> str:
    """A one-screen plain-text summary of the graph; ``short``: three lines (what
    ``kg build`` prints; centrality over the whole graph, communities and balance
    are ``kg stats``)."""
    data = dataset if native(dataset) is not None else snapshot(dataset)
    graph = to_networkx(data)
    statements = graph.number_of_edges()
    asserted = sum(1 for *_, d in graph.edges(data=True) if d["asserted"] == "true")
    relations = Counter(d["relation"] for *_, d in graph.edges(data=True))
    lines = [
        f"articles: {len(article_ids(data))}   actors: {graph.number_of_nodes()}   "
        f"statements: {statements} ({asserted} asserted)",
        "relations: " + (", ".join(f"{n} {c}" for n, c in relations.most_common()) or "none"),
    ]
    if short:
        busiest = sorted(graph.degree, key=lambda item: (-item[1], item[0]))[:top]
        names = [f"{graph.nodes[n].get('label', n)} ({d})" for n, d in busiest]
        return "\n".join([*lines, "most statements: " + (", ".join(names) or "none")])
    lines += [
        "",
        f"{'actor':<32} {'degree':>6} {'betweenness':>11}",
    ]
    lines += [
        f"{s.label[:32]:<32} {s.degree:>6} {s.betweenness:>11.3f}" for s in centrality(graph)[:top]
    ]
    groups = communities(graph)
    lines += ["", f"communities: {len(groups)}"]
    lines += [
        f"  {i}. " + ", ".join(g[:6]) + (" ..." if len(g) > 6 else "")
        for i, g in enumerate(groups[:top], 1)
    ]
    pairs = balance(graph)
    lines += ["", f"{'pair':<48} {'coop':>4} {'confl':>5} {'balance':>7}"]
    lines += [
        f"{(p.a + ' - ' + p.b)[:48]:<48} {p.cooperation:>4} {p.conflict:>5} {p.balance:>+7.2f}"
        for p in pairs[:top]
    ]
    return "\n".join(lines)


def stats_record(dataset: Dataset, top: int = 8) -> dict:
    """What ``kg stats`` shows, as plain data (``kg stats --format json``)."""
    data = dataset if native(dataset) is not None else snapshot(dataset)
    graph = to_networkx(data)
    relations = Counter(d["relation"] for *_, d in graph.edges(data=True))
    return {
        "articles": len(article_ids(data)),
        "actors": graph.number_of_nodes(),
        "statements": graph.number_of_edges(),
        "asserted": sum(1 for *_, d in graph.edges(data=True) if d["asserted"] == "true"),
        "relations": dict(relations.most_common()),
        "central_actors": [
            {
                "actor": s.iri,
                "label": s.label,
                "degree": s.degree,
                "betweenness": round(s.betweenness, 4),
            }
            for s in centrality(graph)[:top]
        ],
        "communities": communities(graph)[:top],
        "pairs": [
            {
                "a": p.a,
                "b": p.b,
                "cooperation": p.cooperation,
                "conflict": p.conflict,
                "balance": round(p.balance, 3),
            }
            for p in balance(graph)[:top]
        ],
    }


def stats_rows(record: dict) -> list[dict]:
    """A ``stats_record`` as tidy rows (section, name, measure, value), one per
    figure: what ``kg stats --format csv`` writes, ready for a pandas pivot."""
    rows = [
        {"section": "graph", "name": "", "measure": key, "value": record[key]}
        for key in ("articles", "actors", "statements", "asserted")
    ]
    rows += [
        {"section": "relations", "name": name, "measure": "statements", "value": count}
        for name, count in record["relations"].items()
    ]
    for actor in record["central_actors"]:
        rows += [
            {"section": "central_actors", "name": actor["label"], "measure": m, "value": actor[m]}
            for m in ("actor", "degree", "betweenness")
        ]
    rows += [
        {"section": "communities", "name": str(rank), "measure": "member", "value": member}
        for rank, members in enumerate(record["communities"], 1)
        for member in members
    ]
    for pair in record["pairs"]:
        rows += [
            {
                "section": "pairs",
                "name": f"{pair['a']} | {pair['b']}",
                "measure": m,
                "value": pair[m],
            }
            for m in ("cooperation", "conflict", "balance")
        ]
    return rows
