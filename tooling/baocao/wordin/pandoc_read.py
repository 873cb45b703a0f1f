"""pandoc reads the body of the prepared .docx into its JSON document tree.

The tree is used as plain JSON (``{"t": type, "c": content}``): ``myst.py`` walks
it once, which is cheaper than building panflute objects for a long report.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from baocao.errors import BaocaoError


def pandoc_path() -> str:
    """The pandoc that pypandoc-binary ships, found without importing pypandoc, whose import
    pulls in urllib, http and ssl (a tenth of the command's start-up); else pypandoc's answer."""
    spec = find_spec("pypandoc")
    name = "pandoc.exe" if os.name == "nt" else "pandoc"
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder, "files", name)
        if candidate.is_file():
            return str(candidate)
    import pypandoc

    return pypandoc.get_pandoc_path()


def read_body(
    docx_path: Path, media_dir: Path, meanwhile: Callable[[], None] | None = None
) -> dict[str, Any]:
    """The pandoc tree of ``docx_path``; pictures are written under ``media_dir``.
    ``meanwhile`` runs while pandoc works (on another core)."""
    command = [
        pandoc_path(),
        "--from=docx",
        "--to=json",
        "--track-changes=accept",  # none are left: revisions.py has dealt with them
        f"--extract-media={media_dir}",
        str(docx_path),
    ]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        if meanwhile is not None:
            meanwhile()
        out, err = process.communicate()
    if process.returncode != 0:
        raise BaocaoError("import.pandoc-failed", error=err.decode("utf-8", "replace").strip())
    return json.loads(out.decode("utf-8"))
