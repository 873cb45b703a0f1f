"""``baocao import`` of Word files made the ways clerks make them (tests/word_samples.py):
each imports to its expected unit."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import word_samples as samples
from baocao.errors import BaocaoError
from baocao.project import Project
from baocao.report import load_report
from baocao.wordin.run import import_file
from baocao.wordin.source import soffice
from import_helpers import run_cli

EXPECTED_FRONT = {**samples.FRONT, "mau": "mau-02", "ngay": dt.date(2025, 12, 10)}
EXPECTED_HEADINGS = [(text, level + 1) for text, level, _ in samples.HEADINGS]


def _import(tmp_project: Path, builder, slug: str, **options):
    source = builder(tmp_project / f"{slug}.docx")
    project = Project.discover(tmp_project)
    outcome = import_file(project, source, slug, **options)
    report = load_report(outcome.target, project.root, project.known_forms)
    return outcome, report


def _texts(report) -> list[str]:
    blocks = [*report.preamble, *(b for s in report.sections for b in s.blocks)]
    return [b.text for b in blocks if b.kind not in ("comment", "toctree")]


def _headings(report) -> list[tuple[str, int]]:
    return [(s.title, s.level) for s in report.sections if not s.bold]


@pytest.mark.parametrize(
    "builder",
    [
        samples.bold_headings,
        samples.heading_styles,
        samples.numbered_list,
        samples.styled_list_headings,
        samples.header_in_page_header,
    ],
    ids=[
        "bold-paragraphs+header-table+signer-table",
        "heading-styles+tabs+indented-signer",
        "numbered-list",
        "styles-with-list-numbers+number-under-table",
        "header-in-page-header+vntimeh+italic-letters",
    ],
)
@pytest.mark.parametrize("single", [True, False], ids=["single-file", "tree"])
def test_header_headings_and_signer_are_recognised(tmp_project: Path, builder, single) -> None:
    outcome, report = _import(tmp_project, builder, "xa-hoa-an", single_file=single)
    assert report.front_matter.values == EXPECTED_FRONT
    assert report.front_matter.problems == []
    assert report.title == samples.TITLE
    assert _headings(report) == EXPECTED_HEADINGS
    assert _texts(report) == [samples.BODY[key] for _, _, key in samples.HEADINGS if key]
    nodes = [entry.node.number if entry.node else None for entry in outcome.recognised]
    assert nodes == ["I.", "II.", "1.", "2.", "2.1.", "2.2.", "a)", "III."]
    files = sorted(p.relative_to(outcome.target).as_posix() for p in outcome.target.rglob("*.md"))
    expected = (
        ["index.md"]
        if single
        else ["1-dac-diem-tinh-hinh.md", "2-ket-qua.md", "3-phuong-huong.md", "index.md"]
    )
    assert files == expected


def test_the_unit_is_registered_and_the_report_says_what_went_where(tmp_project: Path) -> None:
    outcome, _ = _import(tmp_project, samples.bold_headings, "xa-hoa-an")
    units = (tmp_project / "reports" / "units.yaml").read_text("utf-8")
    assert "slug: xa-hoa-an" in units and "name: UBND XÃ HÒA AN" in units
    assert "  so_ky_hieu (số, ký hiệu): 15/BC-UBND" in outcome.lines
    assert (
        "  cấp 3: «2.1. Kết quả thi đua thực hiện nhiệm vụ chính trị của cơ quan, đơn vị»"
        " → mục 2.1. của mẫu" in outcome.lines
    )


def test_vntime_and_vni_text_is_converted_to_unicode(tmp_project: Path) -> None:
    outcome, report = _import(tmp_project, samples.vntime, "xa-hoa-an", single_file=True)
    first = report.sections[0]
    assert [b.text for b in first.blocks] == [samples.VNTIME, samples.VNI]
    assert [c.encoding for c in outcome.imported.legacy] == ["TCVN3", "VNI"]
    assert f"  TCVN3: «{samples.VNTIME}»" in outcome.lines
    assert not any(d.code == "BC401" for d in outcome.result.diagnostics)


def test_tracked_changes_stop_the_import_and_nothing_is_written(tmp_project: Path) -> None:
    source = samples.tracked_changes(tmp_project / "sua.docx")
    result = run_cli(tmp_project, "import", str(source), "xa-hoa-an")
    assert result.returncode == 1
    assert "Tệp còn 2 thay đổi được theo dõi (tracked changes) và 1 nhận xét." in result.stderr
    assert "--accept-changes" in result.stderr and "--reject-changes" in result.stderr
    assert not (tmp_project / "reports" / "xa-hoa-an").exists()
    english = run_cli(tmp_project, "--lang", "en", "import", str(source), "xa-hoa-an")
    assert "The file holds 2 tracked changes and 1 comments." in english.stderr


@pytest.mark.parametrize(
    ("choice", "kept"), [("accept", "17/18"), ("reject", "18/18")], ids=["accept", "reject"]
)
def test_a_choice_gives_the_text_as_word_shows_it(tmp_project: Path, choice, kept) -> None:
    outcome, report = _import(
        tmp_project, samples.tracked_changes, "xa-hoa-an", single_file=True, changes=choice
    )
    before, _, _, after = samples.REVIEWED
    assert f"{before}{kept}{after}" in _texts(report)
    comment = outcome.imported.comments[0]
    assert (comment.author, comment.text) == (
        "Chị Lan",
        "Số liệu cần khớp với báo cáo kinh tế - xã hội.",
    )
    assert comment.anchor == f"{before}{kept}{after}"
    assert any(line.startswith("  Chị Lan: «Số liệu cần khớp") for line in outcome.lines)


def test_merged_cells_are_split_and_named_and_the_picture_is_kept(tmp_project: Path) -> None:
    outcome, _ = _import(tmp_project, samples.merged_and_picture, "xa-hoa-an", single_file=True)
    text = (outcome.target / "index.md").read_text("utf-8")
    assert (
        "| Kết quả khen thưởng năm 2025 |  |  |\n| --- | --- | --- |\n"
        "| Hình thức | Tập thể | Cá nhân |\n| Giấy khen | 3 | 12 |"
    ) in text
    assert any("Bảng 1: Kết quả khen thưởng năm 2025: có ô gộp" in line for line in outcome.lines)
    assert "![](images/image1.png)" in text
    assert (outcome.target / "images" / "image1.png").read_bytes() == samples.PICTURE.read_bytes()


def test_an_existing_unit_is_never_overwritten(tmp_project: Path) -> None:
    source = samples.bold_headings(tmp_project / "a.docx")
    (tmp_project / "reports" / "xa-hoa-an").mkdir()
    (tmp_project / "reports" / "xa-hoa-an" / "index.md").write_text("giữ nguyên\n", "utf-8")
    result = run_cli(tmp_project, "import", str(source), "xa-hoa-an")
    assert result.returncode == 1
    assert "reports/xa-hoa-an" in result.stderr
    assert (tmp_project / "reports" / "xa-hoa-an" / "index.md").read_text("utf-8") == "giữ nguyên\n"


def test_a_file_without_header_or_signer_says_what_to_fill_in(tmp_project: Path) -> None:
    import docx

    document = docx.Document()
    samples.para(document, "I. ĐẶC ĐIỂM TÌNH HÌNH", bold=True)
    samples.para(document, samples.BODY["I"])
    document.save(str(tmp_project / "tho.docx"))
    outcome = import_file(Project.discover(tmp_project), tmp_project / "tho.docx", "tho")
    assert any("Không thấy khối đầu văn bản" in line for line in outcome.lines)
    assert any('Không thấy khối "Nơi nhận:"' in line for line in outcome.lines)
    assert (
        "  so_ky_hieu (số, ký hiệu): không tìm thấy trong tệp Word, hãy điền vào front matter."
        in outcome.lines
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bao-cao.pdf", b"%PDF-1.4", "Không đọc được loại tệp này"),
        ("hong.docx", b"not a zip", "không phải tệp Word .docx hợp lệ"),
        ("khong-co.docx", None, "Không tìm thấy tệp này"),
    ],
)
def test_a_file_that_cannot_be_read_is_a_message_not_a_traceback(
    tmp_project: Path, name: str, data: bytes | None, message: str
) -> None:
    if data is not None:
        (tmp_project / name).write_bytes(data)
    result = run_cli(tmp_project, "import", name, "xa-hoa-an")
    assert result.returncode in (1, 2)
    assert name in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_project / "reports" / "xa-hoa-an").exists()


def test_an_odt_file_is_converted_through_libreoffice(tmp_project: Path) -> None:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: .odt import not tested")
    import subprocess

    source = samples.bold_headings(tmp_project / "ban-goc.docx")
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={(tmp_project / 'lo').as_uri()}",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_project),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    project = Project.discover(tmp_project)
    outcome = import_file(project, tmp_project / "ban-goc.odt", "xa-hoa-an", single_file=True)
    report = load_report(outcome.target, project.root, project.known_forms)
    assert _headings(report) == EXPECTED_HEADINGS
    assert report.front_matter.values["so_ky_hieu"] == "15/BC-UBND"


def test_without_libreoffice_a_doc_file_says_how_to_install_it(
    tmp_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    (tmp_project / "cu.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(BaocaoError) as caught:
        import_file(Project.discover(tmp_project), tmp_project / "cu.doc", "xa-hoa-an")
    assert "sudo apt-get install libreoffice-writer" in caught.value.render("vi")


def test_an_embedded_object_is_named_with_its_paragraph(tmp_project: Path) -> None:
    from docx.oxml import OxmlElement

    def builder(path: Path) -> Path:
        document = samples._start()
        samples.para(document, "I. ĐẶC ĐIỂM TÌNH HÌNH", bold=True)
        holder = samples.para(document, "Bảng số liệu dán từ Excel:")
        run = OxmlElement("w:r")
        run.append(OxmlElement("w:object"))
        holder._p.append(run)
        document.save(str(path))
        return path

    outcome, _ = _import(tmp_project, builder, "xa-hoa-an", single_file=True)
    assert [(u.kind, u.text) for u in outcome.imported.unsupported] == [
        ("object", "Bảng số liệu dán từ Excel:")
    ]
    assert any(
        line.startswith("Không chuyển được đối tượng nhúng")
        and "«Bảng số liệu dán từ Excel:»" in line
        for line in outcome.lines
    )
