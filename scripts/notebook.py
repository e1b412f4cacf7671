"""Write and run the tour notebook, so that its stored outputs are never stale.

    python scripts/notebook.py            # rewrite notebooks/walkthrough.ipynb with fresh outputs
    python scripts/notebook.py --check    # run it and fail if a cell errs (CI does this)

The cells are defined here, in order; the notebook is written with nbformat and
executed with nbclient (a local Python kernel, no network).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "walkthrough.ipynb"

CELLS: list[tuple[str, str]] = [
    (
        "markdown",
        """# geokg: a tour

From news articles to a knowledge graph of geopolitical relations, and from the graph to
tables, plots and networks: the seed article (Dutch) and the twelve NTREX development
stories (English), extracted, stored as RDF, queried with SPARQL into pandas, analysed with
networkx and drawn as an interactive page.""",
    ),
    (
        "code",
        """from pathlib import Path

import kg
from kg.store import article_ids

ROOT = Path(kg.__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval-dev" / "ntrex" / "articles"
sources = [ROOT / "seeds", *sorted(SHARED.glob("en-*.txt"))]
dataset = kg.build(sources)
print(len(article_ids(dataset)), "articles in the graph")""",
    ),
    (
        "markdown",
        """## 1. Relations of one text

`kg.extract_text` takes a plain string (and the article's date, which dates "on Monday");
`kg.to_dataframe` turns relations into a table with the JSONL fields as columns.""",
    ),
    (
        "code",
        """relations = kg.extract_text(
    "The United States imposed sanctions on Iran on Monday. "
    "Japan urged the United States and Iran to resume talks.",
    date="2024-05-06",
)
kg.to_dataframe(relations)[["subject", "relation", "object", "date", "hedged", "confidence"]]""",
    ),
    (
        "markdown",
        """## 2. SPARQL into pandas

Every statement is a node with its evidence. Who supports whom, and from which sentence?""",
    ),
    (
        "code",
        '''from kg.query import run

WHO_SUPPORTS_WHOM = """
SELECT ?subject ?object ?date ?sentence WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate kg:supports ; rdf:object ?o ;
      kg:sentence ?sentence .
  OPTIONAL { ?st kg:date ?date }
  ?s rdfs:label ?subject FILTER(lang(?subject) = "en")
  ?o rdfs:label ?object FILTER(lang(?object) = "en")
} ORDER BY ?date"""
kg.to_dataframe(run(dataset, WHO_SUPPORTS_WHOM))''',
    ),
    (
        "markdown",
        """## 3. A timeline of one actor

Kim Jong-un's statements by date and relation (matplotlib).""",
    ),
    (
        "code",
        '''import matplotlib.pyplot as plt
import pandas as pd

KIMS_STATEMENTS = """
SELECT ?relation ?other ?date WHERE {
  ?st a rdf:Statement ; rdf:predicate ?p ; kg:date ?date .
  { ?st rdf:subject id:kim_jong_un ; rdf:object ?o } UNION
  { ?st rdf:object id:kim_jong_un ; rdf:subject ?o }
  ?o rdfs:label ?other FILTER(lang(?other) = "en")
  BIND(STRAFTER(STR(?p), "#") AS ?relation)
}"""
kim = kg.to_dataframe(run(dataset, KIMS_STATEMENTS))


def first_day(date) -> pd.Timestamp:
    # the first day of the year, month or day a statement is dated by
    text = str(date)
    return pd.Timestamp(text + "-01-01"[len(text) - 4 :])


kim["when"] = kim["date"].map(first_day)
kim = kim.sort_values("when")
fig, ax = plt.subplots(figsize=(8, 3))
for row, (name, group) in enumerate(kim.groupby("relation")):
    ax.scatter(group["when"], [row] * len(group), label=name)
ax.set_yticks(range(kim["relation"].nunique()), sorted(kim["relation"].unique()))
ax.set_title("Kim Jong-un: statements by date")
fig.tight_layout()
plt.show()
kim[["when", "relation", "other"]]''',
    ),
    (
        "markdown",
        """## 4. Networks

The statements as a networkx multigraph: who is central, and where cooperation or
conflict dominates between two actors (PLOVER quad classes).""",
    ),
    (
        "code",
        """from kg.analysis import balance, centrality

graph = kg.to_networkx(dataset)
pd.DataFrame([vars(s) for s in centrality(graph)[:10]])[["label", "degree", "betweenness"]]""",
    ),
    (
        "code",
        """rows = [
    {"a": p.a, "b": p.b, "cooperation": p.cooperation, "conflict": p.conflict}
    for p in balance(graph)[:10]
]
pd.DataFrame(rows).assign(balance=[p.balance for p in balance(graph)[:10]])""",
    ),
    (
        "markdown",
        """## 5. The interactive page

`kg.viz.render` writes one self-contained HTML page (offline: vis.js is inside it). In
Jupyter the page also shows inline; here it is written beside the notebook.""",
    ),
    (
        "code",
        """from kg.viz import render

page = render(dataset, ROOT / "notebooks" / "tour.html")
print(f"{len(page):,} characters of HTML written to notebooks/tour.html")""",
    ),
]


def build() -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    for kind, source in CELLS:
        make = nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell
        notebook.cells.append(make(source))
    return notebook


def execute(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
    ).execute()
    return notebook


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="run without writing")
    args = parser.parse_args(argv)
    notebook = execute(build())
    if not args.check:
        for number, cell in enumerate(notebook.cells):  # random ids, timings: no diff
            cell["id"] = f"cell-{number}"
            cell.get("metadata", {}).pop("execution", None)
        nbformat.write(notebook, NOTEBOOK)
        print(f"wrote {NOTEBOOK.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
