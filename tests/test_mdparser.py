"""The linter's parser gives exactly the tokens of myst-parser's own setup."""

from __future__ import annotations

from pathlib import Path

import pytest
from baocao.mdparser import myst_config, parser
from markdown_it.renderer import RendererHTML
from myst_parser.parsers.mdit import create_md_parser

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "reports").rglob("*.md"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_same_tokens_as_myst_parser(path: Path) -> None:
    text = path.read_text("utf-8")
    reference = create_md_parser(myst_config(), RendererHTML).parse(text)
    ours = parser().parse(text)
    assert [t.as_dict() for t in ours] == [t.as_dict() for t in reference]
    assert len(ours) >= 5
