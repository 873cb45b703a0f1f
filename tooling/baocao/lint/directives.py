"""How the linter reads a MyST directive's fence: its name, and whether its body is Markdown."""

from __future__ import annotations

import re

DIRECTIVE = re.compile(r"^\{(?P<name>[\w:.-]+)\}\s*(?P<arg>.*)$")
RAW_DIRECTIVES = ("raw", "eval-rst", "eval-md")
# Directives whose body is not Markdown, so it holds no nested directive, HTML or prose.
OPAQUE = ("toctree", "code", "code-block", "code-cell", "csv-table", "math", *RAW_DIRECTIVES)
