"""Where the board's report is written, and how the site publishes it.

Light on purpose: the site's builder imports it to copy a report built by
``baocao tong-hop`` beside the site and link it from the dashboard.
"""

from __future__ import annotations

import shutil
from pathlib import Path

SLUG = "tong-hop"  # the report's unit name; no unit of the reports folder may take it
OUT_DIR = Path("_build") / "tong-hop"
HTML_DIR = "html"
SITE_FOLDER = "tong-hop"  # under the main site's output folder


def copy_to_site(root: Path, reports_dir: str, site_outdir: Path) -> str | None:
    """Put the board's report beside the main site; its page's path there, or None.

    Called by the site's builder before the dashboard is written: a report built by
    ``baocao tong-hop`` is published with the site and linked from the dashboard.
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
    return (Path(SITE_FOLDER) / page).as_posix()
