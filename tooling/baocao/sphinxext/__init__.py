"""The Sphinx extension of the reports site (loaded by the project's ``conf.py``)."""

from __future__ import annotations

from typing import Any

from baocao import __version__


def setup(app: Any) -> dict[str, Any]:
    from baocao.sphinxext.extension import setup_extension

    setup_extension(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
