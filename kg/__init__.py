"""geokg: news articles in, a knowledge graph of geopolitical relations out.

Importing ``kg`` loads nothing heavy; pipelines and data load on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"
