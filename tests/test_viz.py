"""The graph page without a browser: what it loads, what it escapes, what it shows."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from viz_graphs import SEED_EDGES, SEED_NODES, SEED_STATEMENTS, St, dataset, seed_dataset

from kg.errors import InputError
from kg.viz import GraphPage, graph_view, render

HOSTILE = "Kim zei <script>alert(1)</script> en <img src=x onerror=alert(2)> tegen Moskou."
HOSTILE_NAME = "</script><img src=y onerror=alert(3)>"


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    return tags


def data_of(page: str, name: str) -> list[dict]:
    scripts = {attrs.get("id"): text for attrs, text in parse(page).scripts}
    return json.loads(scripts[f"geokg-{name}"])


@pytest.fixture(scope="module")
def seed_page() -> str:
    return render(seed_dataset())


def test_page_loads_nothing_from_the_network(seed_page: str) -> None:
    tags = parse(seed_page)
    links = [
        (tag, key, value)
        for tag, attrs in tags.tags
        for key, value in attrs.items()
        if key in {"src", "href", "srcset", "data", "action", "poster"}
    ]
    assert links == []  # everything is inline, so no tag points anywhere
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", seed_page, re.I)
    css_urls = re.findall(r"url\(\s*['\"]?([a-z]*:?)", seed_page)
    assert css_urls and set(css_urls) == {"data:"}  # the stylesheet's icons are inline
    assert "@import" not in seed_page
    assert "vis-network" in seed_page and "vis.Network" in seed_page


def test_only_the_pages_own_scripts_may_run(seed_page: str) -> None:
    tags = parse(seed_page)
    csp = next(
        a["content"]
        for t, a in tags.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert (
        csp is not None
        and "default-src 'none'" in csp
        and "unsafe-inline" not in (csp.split("script-src")[1].split(";")[0])
    )
    code = [text for attrs, text in tags.scripts if attrs.get("type") != "application/json"]
    assert len(code) == 2  # vis-network and the page script
    for text in code:
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_hostile_article_text_stays_data() -> None:
    ds = dataset(
        [St("kim_jong_un", "supports", "new/evil", HOSTILE, "2025-09-02")],
        {"new/evil": (HOSTILE_NAME, HOSTILE_NAME, "Group", None, [])},
    )
    page = render(ds)
    assert "<script>alert" not in page and "<img src=" not in page
    assert "</script><img" not in page
    tags = parse(page)
    assert [t for t, _ in tags.tags if t in {"img", "iframe", "object", "embed"}] == []
    assert len(tags.scripts) == 5  # three JSON blocks, vis-network, the page script
    edge = data_of(page, "edges")[0]
    assert edge["tip"]["statements"][0]["sentence"] == HOSTILE
    assert {n["label"] for n in data_of(page, "nodes")} == {"Kim Jong-un", HOSTILE_NAME}
    # The page script writes article text with textContent only.
    script = (Path(__file__).parents[1] / "kg" / "templates" / "viz.js").read_text()
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script


def test_seed_view_merges_parallel_statements() -> None:
    view = graph_view(seed_dataset())
    assert (len(view.actors), len(view.edges)) == (SEED_NODES, SEED_EDGES)
    merged = {(e.source, e.relation, e.target, e.negated): e.count for e in view.edges}
    assert merged == {
        ("kim_jong_un", "supports", "russia", False): 2,
        # symmetric: "Kim meets Trump" and "Trump meets Kim" are one edge
        ("donald_trump", "meets", "kim_jong_un", False): 2,
        ("donald_trump", "meets", "kim_jong_un", True): 1,
        ("kim_jong_un", "meets", "xi_jinping", False): 1,
        ("xi_jinping", "leaderOf", "china", False): 1,
    }


def test_directed_relations_in_opposite_directions_stay_apart() -> None:
    view = graph_view(
        dataset(
            [
                St("russia", "supports", "china", "a"),
                St("china", "supports", "russia", "b"),
                St("china", "supports", "russia", "c", hedged=True),
            ]
        )
    )
    assert sorted((e.source, e.target, e.hedged, e.count) for e in view.edges) == [
        ("china", "russia", False, 1),
        ("china", "russia", True, 1),
        ("russia", "china", False, 1),
    ]


def test_edge_drawing_follows_relation_and_modality(seed_page: str) -> None:
    edges = {(e["relation"], e["label"]): e for e in data_of(seed_page, "edges")}
    assert set(edges) == {
        ("supports", "supports \u00d72"),
        ("meets", "meets \u00d72"),
        ("meets", "\u2717 meets"),
        ("meets", "meets"),
        ("leaderOf", "leaderOf"),
    }
    assert edges["supports", "supports \u00d72"]["arrows"] == "to"
    assert edges["meets", "meets"]["arrows"] == ""  # symmetric: no arrow
    assert edges["meets", "\u2717 meets"]["dashes"] == [2, 5]
    assert edges["meets", "meets"]["dashes"] is False
    assert edges["supports", "supports \u00d72"]["value"] == 2
    colours = {rel: e["color"]["color"] for (rel, _), e in edges.items()}
    assert colours["supports"] == colours["meets"] != colours["leaderOf"]  # quad vs state
    statements = edges["supports", "supports \u00d72"]["tip"]["statements"]
    assert [(s["date"], s["doc"], s["start"]) for s in statements] == [
        ("2025-09", "000_37acdb231196126e", 480),
        ("2025-09-02", "000_37acdb231196126e", 120),
    ]


def test_node_carries_class_labels_and_wikidata(seed_page: str) -> None:
    nodes = {n["id"]: n for n in data_of(seed_page, "nodes")}
    kim = nodes["kim_jong_un"]
    assert (kim["label"], kim["kind"], kim["shape"]) == ("Kim Jong-un", "Person", "dot")
    assert kim["tip"]["wikidata"] == "Q56226"
    assert ["Kim", "nl"] in kim["tip"]["labels"]
    assert nodes["russia"]["shape"] != kim["shape"]
    assert kim["value"] > nodes["china"]["value"]  # sized by degree


@pytest.mark.parametrize(
    ("options", "actors"),
    [
        ({"focus": "Xi Jinping", "depth": 1}, {"xi_jinping", "china", "kim_jong_un"}),
        ({"focus": "xi_jinping", "depth": 0}, {"xi_jinping"}),
        ({"focus": "Moskou", "depth": 1}, {"russia", "kim_jong_un"}),  # an alias
        (
            {"focus": "Kim Jong-un", "depth": 2},
            {"kim_jong_un", "russia", "xi_jinping", "china", "donald_trump"},
        ),
        ({"since": "2025-01-01"}, {"kim_jong_un", "russia", "xi_jinping", "china", "donald_trump"}),
        ({"until": "2019"}, {"kim_jong_un", "donald_trump"}),
        (
            {"since": "2025-09-03", "until": "2025-09-03"},
            {"kim_jong_un", "xi_jinping", "china", "russia", "donald_trump"},
        ),  # 2025-09 overlaps
        ({"relations": "leaderOf"}, {"xi_jinping", "china"}),
        ({"relations": ["supports", "leaderOf"]}, {"kim_jong_un", "russia", "xi_jinping", "china"}),
        ({"top": 2}, {"kim_jong_un", "xi_jinping"}),
        (
            {"focus": "China", "depth": 2, "relations": "meets,leaderOf"},
            {"china", "xi_jinping", "kim_jong_un"},
        ),
    ],
)
def test_filters_keep_the_right_actors(options: dict, actors: set[str]) -> None:
    assert set(graph_view(seed_dataset(), **options).actors) == actors


def test_since_keeps_only_statements_in_the_period() -> None:
    view = graph_view(seed_dataset(), since="2025-01-01")
    assert all(s.date and s.date >= "2025" for e in view.edges for s in e.statements)
    assert sum(e.count for e in view.edges) == sum(
        1 for s in SEED_STATEMENTS if s.date and s.date >= "2025"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"focus": "Angela Merkel"}, "no actor named 'Angela Merkel'"),
        ({"relations": "meets,hugs"}, "unknown relation hugs"),
        ({"since": "last week"}, "--since must be a date"),
        ({"until": "2025-13"}, "--until must be a date"),
        ({"top": 0}, "--top must be a positive number"),
        ({"focus": "China", "depth": -1}, "depth must be 0 or more"),
    ],
)
def test_bad_options_are_one_line_errors(options: dict, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        graph_view(seed_dataset(), **options)


def test_render_writes_the_page_and_displays_in_jupyter(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "graph.html"
    page = render(seed_dataset(), target, focus="China", depth=1)
    assert isinstance(page, GraphPage) and isinstance(page, str)
    assert target.read_text(encoding="utf-8") == page
    assert [p.name for p in target.parent.iterdir()] == ["graph.html"]  # no temp file left
    shown = page._repr_html_()
    assert shown.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in shown
    assert "<script" not in shown  # the whole page is an escaped attribute value


def test_unwritable_path_is_an_input_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError, match="cannot write"):
        render(seed_dataset(), blocker / "graph.html")


def test_empty_graph_renders() -> None:
    page = render(dataset([]))
    assert data_of(page, "nodes") == [] and data_of(page, "edges") == []


def test_cli_writes_a_focused_page(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main
    from kg.store import save

    save(seed_dataset(), tmp_path / "out")
    out = tmp_path / "graph.html"
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "viz",
            "--store",
            str(tmp_path / "out"),
            "-o",
            str(out),
            "--focus",
            "Kim Jong-un",
            "--depth",
            "1",
            "--relation",
            "meets,supports",
            "--since",
            "2018",
        ],
    )
    assert result.exit_code == 0, result.output
    assert {n["id"] for n in data_of(out.read_text(), "nodes")} == {
        "kim_jong_un",
        "russia",
        "xi_jinping",
        "donald_trump",
    }
    bad = runner.invoke(
        main, ["viz", "--store", str(tmp_path / "out"), "-o", str(out), "--relation", "hugs"]
    )
    assert bad.exit_code == 1 and "unknown relation hugs" in bad.output
    assert "Traceback" not in bad.output


def test_reads_what_kg_store_writes() -> None:
    from kg.records import Actor, Document, Relation
    from kg.store import add_article, new_dataset

    kim = Actor("kim_jong_un", "Kim Jong-un", "Person", wikidata="Q56226", aliases=(("Kim", "nl"),))
    russia = Actor("russia", "Russia", "State", name_nl="Rusland", wikidata="Q159")
    doc = Document("a1", "Kim steunt Moskou.", "nl", date="2025-09-02")
    ds = new_dataset()
    add_article(
        ds,
        doc,
        [
            Relation("a1", HOSTILE, kim, "supports", russia, "2025-09", start=3, end=20),
            Relation(
                "a1",
                "Kim steunt Moskou niet.",
                kim,
                "supports",
                russia,
                None,
                negated=True,
                start=30,
                end=52,
            ),
        ],
    )
    view = graph_view(ds)
    assert {k: (a.name, a.kind, a.wikidata) for k, a in view.actors.items()} == {
        "kim_jong_un": ("Kim Jong-un", "Person", "Q56226"),
        "russia": ("Russia", "State", "Q159"),
    }
    assert [(e.relation, e.negated, e.count) for e in view.edges] == [
        ("supports", False, 1),
        ("supports", True, 1),
    ]
    asserted, negated = (e.statements[0] for e in view.edges)
    assert (asserted.date, asserted.sentence, asserted.doc, asserted.start, asserted.end) == (
        "2025-09",
        HOSTILE,
        "a1",
        3,
        20,
    )
    assert negated.date == "2025-09-02"  # undated: the article's date stands in
    assert ("Rusland", "nl") in view.actors["russia"].labels


def test_filters_that_leave_nothing_are_an_error_not_a_blank_page(tmp_path) -> None:
    from kg.errors import InputError
    from kg.viz import render

    page = tmp_path / "empty.html"
    with pytest.raises(InputError, match="no statement matches --since 1900 --until 1901"):
        render(seed_dataset(), page, since="1900", until="1901")
    assert not page.exists()


def test_the_folder_store_is_read_natively_as_rdflib_reads_it(tmp_path) -> None:
    from kg import store
    from kg.viz_model import read_graph

    store.save(seed_dataset(), tmp_path / "out")
    with store.reading(tmp_path / "out") as folder:
        assert store.diskstore.native(folder) is not None
        assert read_graph(folder) == read_graph(store.snapshot(folder))
        assert read_graph(folder)[1]
