"""Realistic demo data: a whole clinic, generated in bulk for trying MesoDesk out and for tests.

`generate(url)` fills an empty database; it refuses one that holds anything else.
"""

from mesodesk.demo.generate import DemoSummary, generate
from mesodesk.demo.guard import DemoRefused, contents_of, replace_demo

__all__ = ["DemoRefused", "DemoSummary", "contents_of", "generate", "replace_demo"]
