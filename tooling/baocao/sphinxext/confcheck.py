"""The project's conf.py, told about in the user's words when it cannot be used.

Sphinx reports a broken conf.py with a Python traceback in its message; a conf.py
that loads without the project's extension leaves the site's own events missing.
Both become a ConfigError that names conf.py, the line and what to do.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ConfigError as SphinxConfigError

from baocao.errors import ConfigError
from baocao.project import Project

EXTENSION = "baocao.sphinxext"


def conf_problem(err: SphinxConfigError, project: Project) -> ConfigError:
    """Sphinx's error about conf.py, with the line of conf.py it came from."""
    conf = project.root / "conf.py"
    cause = err.__cause__
    line = None
    if isinstance(cause, SyntaxError):
        line = cause.lineno
    elif cause is not None:
        frames = traceback.extract_tb(cause.__traceback__)
        lines = [frame.lineno for frame in frames if Path(frame.filename) == conf]
        line = lines[-1] if lines else None
    problem = f"{type(cause).__name__}: {cause}" if cause is not None else str(err).strip()
    return ConfigError("site.conf-error", file=project.rel(conf), line=line, problem=problem)


def check_extension(app: Sphinx, project: Project) -> None:
    if EXTENSION not in app.extensions:
        raise ConfigError("site.conf-no-extension", file=project.rel(project.root / "conf.py"))
