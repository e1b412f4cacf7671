"""Where geokg's installed data files are: the ontology folder and the models."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from rdflib import Graph

from kg.errors import DataError


def ontology_file(name: str) -> Traversable:
    """A file of the ``ontology/`` folder (installed as ``kg.ontology``)."""
    return files("kg.ontology").joinpath(name)


def model_dir(lang: str) -> Traversable:
    """The folder of the shipped spaCy pipeline for ``lang``."""
    return files("kg.models").joinpath(lang)


def turtle_graph(name: str) -> Graph:
    """A Turtle file of the ``ontology/`` folder, parsed; ``DataError`` if unreadable."""
    graph = Graph()
    try:
        with ontology_file(name).open("rb") as fh:
            graph.parse(fh, format="turtle")
    except (OSError, SyntaxError) as err:
        raise DataError(f"cannot read {name}: {err}") from err
    return graph
