"""Concerto: facilitate operations and governance planning meetings in the terminal."""

__version__ = "0.1.0"
