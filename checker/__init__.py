"""crosscheck: check whether sources agree on dates, amounts, counts, percentages and quotes."""

__version__ = "0.1.0"
