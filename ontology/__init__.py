"""geokg's data: the ontology, SHACL shapes, gazetteer, lexicon and ready queries.

Installed as the data package ``kg.ontology``; read with ``importlib.resources``.
"""
