"""baocao: docs-as-code for Vietnamese administrative reports."""

__version__ = "0.1.0"
