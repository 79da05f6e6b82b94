"""trade-dash: Kazakhstan–Mongolia trade turnover against the $500 million goal."""

__version__ = "0.1.0"
