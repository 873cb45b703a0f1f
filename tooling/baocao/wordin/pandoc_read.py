"""pandoc reads the body of the prepared .docx into its JSON document tree.

The tree is used as plain JSON (``{"t": type, "c": content}``): ``myst.py`` walks
it once, which is cheaper than building panflute objects for a long report.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pypandoc

from baocao.errors import BaocaoError


def read_body(docx_path: Path, media_dir: Path) -> dict[str, Any]:
    """The pandoc tree of ``docx_path``; pictures are written under ``media_dir``."""
    command = [
        pypandoc.get_pandoc_path(),
        "--from=docx",
        "--to=json",
        "--track-changes=accept",  # none are left: revisions.py has dealt with them
        f"--extract-media={media_dir}",
        str(docx_path),
    ]
    done = subprocess.run(command, capture_output=True, check=False)
    if done.returncode != 0:
        raise BaocaoError(
            "import.pandoc-failed", error=done.stderr.decode("utf-8", "replace").strip()
        )
    return json.loads(done.stdout.decode("utf-8"))
