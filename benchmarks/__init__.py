"""Accuracy and speed benchmarks; each prints its tables to stdout."""
