"""Where the board's report is written, and how the site publishes it.

Light on purpose: the site's builder imports it to copy a report built by
``baocao tong-hop`` beside the site and link it from the dashboard.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from baocao.fsutil import write_atomic

SLUG = "tong-hop"  # the report's unit name; no unit of the reports folder may take it
OUT_DIR = Path("_build") / "tong-hop"
HTML_DIR = "html"
SITE_FOLDER = "tong-hop"  # under the main site's output folder


SITE_PAGES = ("index.html", "search.html")  # the report's own site's: the main site's serve


def _send_to_main_site(target: Path) -> None:
    """The report's own dashboard and search page redirect to the main site's, so its
    "back to the dashboard" and search lead to every unit."""
    from html import escape

    from baocao.sphinxext.builder import REDIRECT  # the site's builder imports this module
    from baocao.sphinxext.texts import text

    for name in SITE_PAGES:
        page = REDIRECT.format(url=f"../{name}", title=escape(text("site.title")))
        write_atomic(target / name, page)


@dataclass(frozen=True)
class Published:
    """Where the board's report is on the site, relative to the site's root."""

    page: str
    docx: str | None


def copy_to_site(root: Path, reports_dir: str, site_outdir: Path) -> Published | None:
    """Put the board's report (its page, with its own assets, and its Word file) beside
    the main site, under ``tong-hop/``; None when ``baocao tong-hop`` has not built it.

    Called by the site's builder before the dashboard is written, which links it.
    """
    built = root / OUT_DIR / HTML_DIR
    page = Path(reports_dir) / SLUG / "index.html"
    target = Path(site_outdir) / SITE_FOLDER
    if not (built / page).is_file():
        shutil.rmtree(target, ignore_errors=True)
        return None
    copied = target / page
    if not copied.is_file() or copied.stat().st_mtime < (built / page).stat().st_mtime:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(built, target)
        _send_to_main_site(target)
    docx = next(iter(sorted((root / OUT_DIR).glob("*.docx"))), None)
    if docx is not None:
        write_atomic(target / docx.name, docx.read_bytes())
    folder = Path(SITE_FOLDER)
    return Published((folder / page).as_posix(), (folder / docx.name).as_posix() if docx else None)
