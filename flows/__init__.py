"""Prefect flows: thin wiring over the newsgate library."""
