"""Where geokg's installed data files are: the ontology folder and the models."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def ontology_file(name: str) -> Traversable:
    """A file of the ``ontology/`` folder (installed as ``kg.ontology``)."""
    return files("kg.ontology").joinpath(name)


def model_dir(lang: str) -> Traversable:
    """The folder of the shipped spaCy pipeline for ``lang``."""
    return files("kg.models").joinpath(lang)
