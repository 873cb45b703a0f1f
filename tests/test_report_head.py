"""Reading a report's front matter alone (``load_report(head_only=True)``): the parser's
front-matter token is the one the whole text gives, the body is not parsed; and the
site's extension does not import openpyxl (only ``baocao xuat`` writes a workbook)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from baocao.mdparser import parser
from baocao.report import front_matter_tokens, load_report

TEXTS = {
    "plain": "---\nnam: 2025\nmau: mau-2\n---\n# Báo cáo\n\n## I. Mục\n\nVăn bản.\n",
    "document end": "---\nnam: 2024\n...\n# Báo cáo\n",
    "longer fence": "----\nnam: 2025\n---\nghi-chu: x\n----\n# Báo cáo\n",
    "dashes in a value": "---\nnam: 2025\nghi-chu: |\n  ---- không phải dấu đóng\n---\n# A\n",
    "unclosed": "---\nnam: 2025\n# Báo cáo\n\nVăn bản.\n",
    "no front matter": "# Báo cáo\n\n---\n\nnam: 2025\n",
    "a list first": "- mục một\n- mục hai\n---\n",
    "crlf": "---\r\nnam: 2025\r\n---\r\n# Báo cáo\r\n",
    "only front matter": "---\nnam: 2023\n---",
    "empty front matter": "---\n---\n# Báo cáo\n",
}


@pytest.mark.parametrize("name", list(TEXTS))
def test_the_front_matter_token_is_the_whole_texts(name: str):
    text = TEXTS[name]
    whole = [t for t in parser().parse(text) if t.type == "front_matter"]
    head = front_matter_tokens(text)
    assert [(t.content, t.map) for t in head] == [(t.content, t.map) for t in whole]


def test_a_head_only_report_has_the_front_matter_and_no_section(tmp_path: Path):
    unit = tmp_path / "reports" / "so-a"
    unit.mkdir(parents=True)
    (unit / "index.md").write_text(TEXTS["plain"] + "```{toctree}\nthieu.md\n```\n", "utf-8")
    whole = load_report(unit, tmp_path)
    head = load_report(unit, tmp_path, head_only=True)
    assert head.front_matter == whole.front_matter
    assert head.front_matter.get("nam") == 2025
    assert whole.sections and head.sections == [] and head.title is None
    assert [p.code for p in whole.problems] == ["BC003"]  # the toctree's missing file
    assert head.problems == []  # not followed
    assert head.index_file == whole.index_file == "reports/so-a/index.md"


def test_a_head_only_report_still_tells_an_unreadable_index(tmp_path: Path):
    unit = tmp_path / "reports" / "so-b"
    unit.mkdir(parents=True)
    (unit / "index.md").write_bytes(b"---\nnam: 2025\n---\n\xff\xfe")
    report = load_report(unit, tmp_path, head_only=True)
    assert [(p.code, p.file) for p in report.problems] == [("BC001", "reports/so-b/index.md")]
    assert report.files == []


def test_the_sites_extension_does_not_import_openpyxl():
    code = (
        "import sys, baocao.sphinxext.extension, baocao.sphinxext.exports, "
        "baocao.sphinxext.awards_page; print('openpyxl' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
