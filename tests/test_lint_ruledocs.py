"""docs/rules.md is generated from the rules' docstrings and must be current."""

from __future__ import annotations

import re
import subprocess
import sys

from baocao.lint.ruledocs import render
from baocao.lint.rules import ALL_RULES
from lint_helpers import ROOT

DOC = ROOT / "docs" / "rules.md"


def test_docs_rules_md_is_current() -> None:
    assert DOC.read_text("utf-8") == render(), (
        "docs/rules.md is stale: run python -m baocao.lint.ruledocs > docs/rules.md"
    )


def test_every_rule_is_documented_with_both_examples() -> None:
    text = render()
    for rule in ALL_RULES:
        section = text.split(f"\n### {rule.code} {rule.name}\n", 1)
        assert len(section) == 2, rule.code
        own = section[1].split("\n### BC", 1)[0]
        assert "**Ví dụ sai**" in own and "**Ví dụ đúng**" in own, rule.code
        assert own.count("```") >= 4, rule.code
        assert f"(#{rule.code.lower()}-{rule.name})" in text


def test_anchors_are_unique() -> None:
    anchors = re.findall(r"\(#([a-z0-9-]+)\)", render())
    assert len(anchors) == len(set(anchors)) == len(ALL_RULES)


def test_module_prints_the_reference() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "baocao.lint.ruledocs"],
        capture_output=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.decode("utf-8") == render()
