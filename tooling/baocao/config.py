"""The project's settings: ``[tool.baocao]`` in pyproject.toml, as a validated dataclass."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from baocao.errors import ConfigError

TONE_STYLES = ("hòa", "hoà")
# Nghị định 30/2020/NĐ-CP, Phụ lục I: the margins a page may have, in millimetres.
MARGIN_RANGES = {
    "docx_margin_top": (20, 25),
    "docx_margin_bottom": (20, 25),
    "docx_margin_left": (30, 35),
    "docx_margin_right": (15, 20),
}
LIMITS = (
    "max_file_bytes",
    "max_unit_bytes",
    "max_unit_files",
    "max_depth",
    "html_seconds_per_unit",
    "docx_seconds_per_unit",
)
DEFAULT_DIRECTIVES = (
    "toctree",
    "list-table",
    "csv-table",
    "table",
    "figure",
    "image",
    "note",
    "tip",
    "important",
    "warning",
    "attention",
    "card",
    "grid",
    "grid-item-card",
    "tab-set",
    "tab-item",
    "bang-khen-thuong",
)


@dataclass(frozen=True)
class Settings:
    """Every setting, its default, and what it means (see docs/configuration.md)."""

    reports_dir: str = "reports"
    forms_dir: str = "_templates/forms"
    default_form: str = "mau-02"
    # Preferred tone-mark placement: "hòa" (as in the Quốc hiệu) or "hoà".
    tone_style: str = "hòa"
    # MyST directives a report may use; anything else is rejected (BC505).
    allowed_directives: tuple[str, ...] = DEFAULT_DIRECTIVES
    # Rule codes to run only / to skip, as on the command line.
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # too-short (BC205): minimum words of a required section; 0 switches it off.
    min_words: int = 0
    # The report year every unit must report on; 0 accepts any year.
    year: int = 0
    # How many days after 31 December of the report year a report may be dated.
    max_days_after_year: int = 120
    # Pages of the user guide the site publishes (Markdown, from the project root); the
    # first is linked from every page's top bar. Missing files are left out.
    guide_pages: tuple[str, ...] = (
        "docs/huong-dan.md",
        "docs/chuyen-tu-word.md",
        "docs/quy-trinh.md",
        "docs/rules.md",
    )
    # Units above which the publish workflow shards its work.
    shard_threshold: int = 200
    # Body text size of the Word file: 13 or 14 pt (Nghị định 30/2020/NĐ-CP).
    docx_font_size: float = 14.0
    # Page margins of the Word file in millimetres, within the decree's ranges.
    docx_margin_top: float = 20.0
    docx_margin_bottom: float = 20.0
    docx_margin_left: float = 30.0
    docx_margin_right: float = 15.0
    # Limits on one unit (see docs/configuration.md): past one, the unit gets BC008 and
    # is not built; the other units go on.
    max_file_bytes: int = 5_000_000
    max_unit_bytes: int = 20_000_000
    max_unit_files: int = 1000
    max_depth: int = 6
    html_seconds_per_unit: int = 120
    docx_seconds_per_unit: int = 120

    def __post_init__(self) -> None:
        if self.tone_style not in TONE_STYLES:
            raise ConfigError("config.bad-value", key="tone_style", allowed=", ".join(TONE_STYLES))
        if self.docx_font_size not in (13, 13.0, 14, 14.0):
            raise ConfigError("config.bad-value", key="docx_font_size", allowed="13, 14")
        for name, (low, high) in MARGIN_RANGES.items():
            value = getattr(self, name)
            if not isinstance(value, int | float) or not low <= value <= high:
                raise ConfigError("config.bad-value", key=name, allowed=f"{low}–{high} mm")
        for name in ("year", "min_words", "max_days_after_year", "shard_threshold", *LIMITS):
            if not isinstance(getattr(self, name), int) or getattr(self, name) < 0:
                raise ConfigError("config.bad-value", key=name, allowed=">= 0")


def find_root(start: Path | None = None) -> Path:
    """The nearest folder upwards holding a pyproject.toml with [tool.baocao]; else ``start``."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.baocao" in pyproject.read_text("utf-8", "replace"):
            return folder
    return start


def load_settings(root: Path) -> Settings:
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        return Settings()
    try:
        table = tomllib.loads(pyproject.read_text("utf-8")).get("tool", {}).get("baocao", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError("config.toml-syntax", file=pyproject, problem=str(err)) from None
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError("config.unknown-key", file=pyproject, key=key, known=", ".join(known))
        default = getattr(Settings, name, None)
        values[name] = (
            tuple(value) if isinstance(default, tuple) and isinstance(value, list) else value
        )
    return Settings(**values)
