"""``baocao lint`` of the whole project also checks that CODEOWNERS matches units.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
from baocao.cli import main


def test_stale_codeowners_fails_lint(
    example_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (example_project / ".github").mkdir()
    assert main(["lint"]) == 1
    err = capsys.readouterr().err
    assert ".github/CODEOWNERS chưa khớp với reports/units.yaml" in err
    assert main(["lint", "--format", "github"]) == 1
    assert "::error file=.github/CODEOWNERS,title=codeowners::" in capsys.readouterr().out
    assert main(["codeowners"]) == 0
    capsys.readouterr()
    assert main(["lint"]) == 0
    assert "CODEOWNERS" not in capsys.readouterr().err


def test_named_units_skip_the_project_check(example_project: Path) -> None:
    (example_project / ".github").mkdir()
    assert main(["lint", "reports/so-noi-vu"]) == 0
