"""The attacks of issue 16 and the injection channels, on one province built once.

Each attack is a unit beside the three examples; the province is linted, built as
a site and as Word files. Every test asserts that nothing from outside a unit
(``SECRET``, in files outside and in the build's environment) and no script is in
what is published (pages, search index, Word files), and that the examples are
built whole.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
from attacks import (
    BASE,
    EXAMPLES,
    ROOT,
    SECRET,
    Built,
    add_unit,
    append,
    build_all,
    list_in_toctree,
    make_project,
    script_problems,
)

SCHEMA = ROOT / "tooling" / "baocao" / "data" / "lint-output.schema.json"


def plant_attacks(project: Path, outside: Path) -> None:
    """One unit per attack (names say which); ``outside`` holds the secrets."""
    # 1. A symlinked file listed in a toctree: a file outside, the process environment.
    unit = add_unit(project, "link-file")
    (unit / "bi-mat.md").symlink_to(outside / "secret.md")
    list_in_toctree(unit, "bi-mat")
    unit = add_unit(project, "link-environ")
    (unit / "moi-truong.md").symlink_to("/proc/self/environ")
    list_in_toctree(unit, "moi-truong")
    unit = add_unit(project, "link-conf")
    (unit / "cau-hinh.md").symlink_to("../../conf.py")
    list_in_toctree(unit, "cau-hinh")
    # A symlinked file not listed anywhere still is a document Sphinx would find.
    unit = add_unit(project, "link-unlisted")
    (unit / "bi-mat.md").symlink_to(outside / "secret.md")
    # 2. A symlinked folder listed through; a link to the root of the file system.
    unit = add_unit(project, "link-folder")
    (unit / "thu-muc").symlink_to(outside, target_is_directory=True)
    list_in_toctree(unit, "thu-muc/secret")
    unit = add_unit(project, "link-root")
    (unit / "goc").symlink_to("/", target_is_directory=True)
    # The unit's folder itself is a link to a folder outside.
    (project / "reports" / "unit-link").symlink_to(outside / "unit", target_is_directory=True)
    # 3. A toctree whose every entry leaves the unit.
    unit = add_unit(project, "toctree-outside")
    list_in_toctree(unit, f"../{BASE}/1-dac-diem-tinh-hinh", only=True)
    # 4. An impossible date, and other front-matter values YAML cannot construct.
    for slug, line in {
        "bad-date": "ngay: 2023-13-45",
        "bad-tag": "ngay: !!python/object/apply:os.system ['echo pwned']",
        "bad-number": "so_ky_hieu: " + "9" * 10000,
        "bad-shape": "noi_nhan: {mot: 1, hai: 2}",
    }.items():
        unit = add_unit(project, slug)
        index = unit / "index.md"
        key = line.split(":", 1)[0]
        text = re.sub(rf"(?m)^{key}:.*\n(  - .*\n)*", line + "\n", index.read_text("utf-8"))
        index.write_text(text, "utf-8")
    plant_injections(project, outside)


def plant_injections(project: Path, outside: Path) -> None:
    """The channels blocked today: they must stay blocked."""
    unit = add_unit(project, "inject-html")
    append(
        unit / "3-phuong-huong.md",
        "<script>alert('x')</script>\n\n"
        'Chữ <img src="x" onerror="alert(1)"> và <a href="javascript:alert(1)">nhấn</a>.\n\n'
        "```{raw} html\n<script>alert(2)</script>\n```\n\n"
        "```{eval-rst}\n.. raw:: html\n\n   <script>alert(3)</script>\n```\n",
    )
    unit = add_unit(project, "inject-links")
    append(
        unit / "3-phuong-huong.md",
        "[nhấn vào](javascript:alert(4)) [dữ liệu](data:text/html;base64,PHNjcmlwdD4=) "
        "[tệp](file:///etc/passwd) <javascript:alert(5)>\n\n"
        '[chữ]{onclick="alert(6)" style="x"} và ![ảnh](x.png){onerror="alert(7)"}\n',
    )
    unit = add_unit(project, "inject-files")
    rel_outside = os.path.relpath(outside, unit)
    (unit / "anh.png").symlink_to(outside / "secret.png")
    (unit / "phan.md").symlink_to(outside / "secret.md")
    append(
        unit / "3-phuong-huong.md",
        f"```{{include}} {rel_outside}/secret.md\n```\n\n"
        "```{include} phan.md\n```\n\n"
        "```{literalinclude} /etc/passwd\n```\n\n"
        f"```{{csv-table}} Bảng\n:file: {rel_outside}/secret.csv\n```\n\n"
        f"![ảnh ngoài]({rel_outside}/secret.png) ![ảnh liên kết](anh.png)\n\n"
        f"{{download}}`tải <{rel_outside}/secret.md>`\n",
    )
    unit = add_unit(project, "inject-front")
    index = unit / "index.md"
    text = index.read_text("utf-8")
    text = text.replace("co_quan: SỞ NỘI VỤ", 'co_quan: "<script>alert(8)</script>"')
    text = text.replace(
        "nguoi_ky: Trần Thị Thanh Hương", "nguoi_ky: '<img src=x onerror=alert(9)>'"
    )
    text = text.replace(
        "---\n",
        "---\nmyst:\n  html_meta:\n    http-equiv=refresh: 0; url=javascript:alert(10)\n",
        1,
    )
    index.write_text(text, "utf-8")
    odd = add_unit(project, "inject-names")
    (odd / '"><script>alert(11)<.md').write_text("# Tên lạ\n\nNội dung.\n", "utf-8")
    list_in_toctree(odd, '"><script>alert(11)<')
    units = project / "reports" / "units.yaml"
    append(units, '  - slug: inject-front\n    name: "<script>alert(12)</script>"\n')


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("attacks")
    project = make_project(base)
    plant_attacks(project, base / "outside")
    return build_all(project)


def attack_units(built: Built) -> list[str]:
    return sorted(
        p.name
        for p in (built.project / "reports").iterdir()
        if p.name not in (*EXAMPLES, "units.yaml")
    )


def test_the_builds_end_and_report_the_attacks_with_exit_code_1(built: Built) -> None:
    assert built.lint.returncode == 1, built.lint.stderr
    assert built.html.returncode == 1, built.html.stderr[-2000:]
    assert "Traceback" not in built.html.stderr + built.docx.stderr + built.lint.stderr
    assert built.docx.returncode in (0, 1), built.docx.stderr[-2000:]


def test_lint_json_holds_its_contract_and_names_every_unit(built: Built) -> None:
    data = json.loads(built.lint.stdout)
    jsonschema.validate(data, json.loads(SCHEMA.read_text("utf-8")))
    assert set(built.findings) == {*EXAMPLES, *attack_units(built)}


def test_nothing_from_outside_is_published_anywhere(built: Built) -> None:
    published = built.everything()
    assert SECRET not in published
    assert "baocao.sphinxext" not in published  # conf.py's text
    assert "root:x:0:0" not in published  # /etc/passwd


def test_the_examples_are_built_whole(built: Built) -> None:
    for unit in EXAMPLES:
        assert built.page(unit).is_file(), unit
        assert built.docx_file(unit) is not None, unit
        assert not built.findings[unit] or all(
            d["severity"] == "warning" for d in built.findings[unit]
        )
    page = built.page(BASE).read_text("utf-8")
    assert "III. PHƯƠNG HƯỚNG" in page.upper()


def test_no_unit_page_can_run_a_script(built: Built) -> None:
    for unit in attack_units(built) + list(EXAMPLES):
        if built.page(unit).is_file():
            assert script_problems(built.page(unit)) == [], unit
    dashboard = (built.project / "_build" / "html" / "index.html").read_text("utf-8")
    assert "<script>alert" not in dashboard


@pytest.mark.parametrize("unit", ["link-file", "link-environ", "link-conf"])
def test_finding_1_a_symlinked_file_in_a_toctree_is_an_error_and_never_read(
    built: Built, unit: str
) -> None:
    assert {"BC005", "BC007"} <= built.codes(unit)
    assert SECRET not in built.unit_outputs(unit)
    assert built.page(unit).is_file()  # the rest of the unit is built, as a draft


def test_a_symlinked_file_listed_nowhere_is_an_error_and_no_document(built: Built) -> None:
    assert "BC007" in built.codes("link-unlisted")
    assert not (built.project / "_build/html/reports/link-unlisted/bi-mat.html").exists()


def test_finding_2_a_symlinked_folder_is_an_error_and_never_walked(built: Built) -> None:
    assert {"BC005", "BC007"} <= built.codes("link-folder")
    assert "BC007" in built.codes("link-root")
    assert not (built.project / "_build/html/reports/link-root/goc").exists()
    assert not (built.project / "_build/html/reports/link-folder/thu-muc").exists()


def test_a_unit_folder_that_is_a_link_is_an_error_and_not_built(built: Built) -> None:
    assert built.codes("unit-link") == {"BC007"}
    assert not built.page("unit-link").exists()
    assert built.docx_file("unit-link") is None


def test_finding_3_a_toctree_all_outside_breaks_nothing(built: Built) -> None:
    assert "BC005" in built.codes("toctree-outside")
    assert "AssertionError" not in built.html.stderr
    assert built.page("toctree-outside").is_file()


@pytest.mark.parametrize("unit", ["bad-date", "bad-tag", "bad-number"])
def test_finding_4_a_value_yaml_cannot_construct_is_a_finding_with_its_line(
    built: Built, unit: str
) -> None:
    errors = [d for d in built.findings[unit] if d["code"] == "BC002"]
    assert errors and errors[0]["file"] == f"reports/{unit}/index.md"
    index = (built.project / "reports" / unit / "index.md").read_text("utf-8").split("\n")
    assert index[errors[0]["line"] - 1].split(":", 1)[0] in ("ngay", "so_ky_hieu")
    assert "pwned" not in built.unit_outputs(unit)


def test_a_mapping_where_a_list_is_due_is_a_field_finding(built: Built) -> None:
    assert any(d["field"] == "noi_nhan" for d in built.findings["bad-shape"])
    assert built.page("bad-shape").is_file()


@pytest.mark.parametrize(
    "unit", ["inject-html", "inject-links", "inject-files", "inject-front", "inject-names"]
)
def test_injection_channels_stay_blocked(built: Built, unit: str) -> None:
    assert built.page(unit).is_file()
    published = built.unit_outputs(unit)
    assert SECRET not in published
    assert script_problems(built.page(unit)) == []
