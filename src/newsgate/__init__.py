"""newsgate: raw news text to validated article, entity, quote and event tables."""

__version__ = "0.1.0"
