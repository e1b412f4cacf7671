"""Trained language pipelines shipped with geokg (package data, loaded offline)."""
