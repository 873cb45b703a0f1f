"""The Sphinx extension of the reports site (loaded by the project's ``conf.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from baocao import __version__

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    from baocao.sphinxext.extension import setup_extension

    setup_extension(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
