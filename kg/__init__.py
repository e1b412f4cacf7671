"""geokg: news articles in, a knowledge graph of geopolitical relations out.

Importing ``kg`` loads nothing heavy; pipelines and data load on first use.

>>> import kg
>>> graph = kg.build(["seeds/"])  # doctest: +SKIP
>>> [str(r.object.name) for r in kg.extract_document(kg.read_article(
...     "seeds/000_37acdb231196126e.txt")) if r.relation == "supports"]  # doctest: +SKIP
['Russia']
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

#: Entry points re-exported lazily, so that ``import kg`` stays light.
_EXPORTS = {
    "build": "kg.pipeline",
    "extract_document": "kg.pipeline",
    "read_article": "kg.ingest",
    "extract_text": "kg.api",
    "extract_doc": "kg.api",
    "to_dataframe": "kg.api",
    "relations_pipeline": "kg.api",
    "to_networkx": "kg.network",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


__all__ = ["__version__", *_EXPORTS]
