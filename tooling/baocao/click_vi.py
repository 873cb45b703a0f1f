"""Vietnamese for click's own texts ("Usage:", "No such option ...").

click marks its texts with ``gettext`` but ships no translations; rather than
compile a catalogue, baocao rebinds the ``_``/``ngettext`` names of click's
modules to a lookup in ``data/click-vi.yaml`` when the language is Vietnamese.
"""

from __future__ import annotations

import gettext
import sys
from functools import cache
from importlib import resources

import yaml

MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui")


@cache
def catalogue() -> dict[str, str]:
    text = resources.files("baocao").joinpath("data/click-vi.yaml").read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def gettext_vi(message: str) -> str:
    return catalogue().get(message, message)


def ngettext_vi(singular: str, plural: str, count: int) -> str:
    return gettext_vi(singular if count == 1 else plural)


def install(lang: str) -> None:
    """Make click speak ``lang`` ("vi", or anything else for click's own English)."""
    vietnamese = lang == "vi"
    for name in MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = gettext_vi if vietnamese else gettext.gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext_vi if vietnamese else gettext.ngettext
