"""Benchmarks: a deterministic synthetic news corpus and the figures measured on it."""
