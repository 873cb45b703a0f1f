"""The parts of the Word writer that need no Sphinx: texts, metrics, fields, package, styles."""

from __future__ import annotations

import datetime as dt
import io
import threading
import time
import zipfile

import docx
import panflute as pf
import pytest
from baocao.docx import pandoc
from baocao.docx.ast import PANDOC_API, to_json
from baocao.docx.convert import Job, convert
from baocao.docx.fields import add_page_number
from baocao.docx.meta import DocumentMeta, day_month, place_date, recipient_lines
from baocao.docx.metrics import bold_width
from baocao.docx.nd30 import MOTTO, NATIONAL_TITLE, ND30
from baocao.docx.package import normalise_zip
from baocao.docx.pandoc import write_docx
from baocao.docx.reference import reference_docx
from baocao.docx.runner import Runner
from baocao.docx.styles import HEADINGS
from docx.oxml.ns import qn
from docx.shared import Mm, Pt


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (dt.date(2026, 1, 5), ("05", "01")),
        (dt.date(2025, 2, 28), ("28", "02")),
        (dt.date(2025, 3, 1), ("01", "3")),
        (dt.date(2025, 12, 15), ("15", "12")),
        (dt.date(2025, 10, 9), ("09", "10")),
    ],
)
def test_day_month_leading_zero_rule(date: dt.date, expected: tuple[str, str]) -> None:
    assert day_month(date) == expected


def test_place_date_line() -> None:
    assert place_date("Bình Minh", dt.date(2026, 1, 5)) == "Bình Minh, ngày 05 tháng 01 năm 2026"
    assert place_date("Hà Nội", None) == "Hà Nội, ngày      tháng      năm"


def test_recipient_lines_end_with_semicolon_and_last_with_full_stop() -> None:
    lines = recipient_lines(["Ban Thi đua - Khen thưởng tỉnh;", "Sở Nội vụ", "Lưu: VT, TĐKT."])
    assert lines == ["- Ban Thi đua - Khen thưởng tỉnh;", "- Sở Nội vụ;", "- Lưu: VT, TĐKT."]


def test_meta_from_front_matter_defaults() -> None:
    values = {"co_quan": "Sở Nội vụ", "so_ky_hieu": "5/BC-SNV", "nam": 2025}
    meta = DocumentMeta.from_front_matter(
        "x", values, document_type="BÁO CÁO", default_title="Tổng kết", draft=True
    )
    assert meta.title == "Tổng kết"
    assert meta.number_line == "Số: 5/BC-SNV"
    assert meta.stamp == dt.date(2025, 1, 1)
    assert meta.draft


def test_header_lines_fit_their_columns() -> None:
    nd = ND30()
    right = nd.header_right - 2 * 1.905
    assert bold_width(NATIONAL_TITLE, nd.national_title_size) < right
    assert bold_width(MOTTO, nd.motto_size) < right
    assert bold_width("Đ", 13) == bold_width("D", 13)
    assert bold_width("Ộ", 12) == bold_width("O", 12)


def test_page_field_is_a_complete_field() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    add_page_number(paragraph)
    kinds = [c.get(qn("w:fldCharType")) for c in paragraph._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    assert [i.text for i in paragraph._p.iter(qn("w:instrText"))] == [" PAGE "]


def test_normalise_zip_orders_entries_and_fixes_dates() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
        archive.writestr("[Content_Types].xml", "<t/>")
        archive.writestr("_rels/.rels", "<r/>")
    first = normalise_zip(buffer.getvalue(), dt.date(2025, 12, 12))
    assert first == normalise_zip(buffer.getvalue(), dt.date(2025, 12, 12))
    infos = zipfile.ZipFile(io.BytesIO(first)).infolist()
    names = [info.filename for info in infos]
    assert names == ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]
    assert {i.date_time for i in infos} == {(2025, 12, 12, 0, 0, 0)}


def test_reference_document_styles_and_page() -> None:
    nd = ND30(body_size=13.0)
    data = reference_docx(nd)
    assert data == reference_docx(nd)
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert section.page_width.mm == pytest.approx(210, abs=0.05)
    assert section.page_height.mm == pytest.approx(297, abs=0.05)
    assert section.left_margin.mm == pytest.approx(30, abs=0.05)
    body = document.styles["Body Text"]
    assert body.font.size == Pt(13)
    assert body.paragraph_format.first_line_indent == Mm(12.7)
    for name in HEADINGS[:4]:
        style = document.styles[name]
        assert style.font.bold is True
        assert style.font.size == Pt(13)
        assert style.font.color.rgb is None or str(style.font.color.rgb) == "000000"
        fonts = style.element.rPr.rFonts
        assert {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {
            "Times New Roman"
        }
    borders = document.styles["Table"].element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"single"}


def test_failed_conversion_writes_nothing(tmp_path) -> None:
    meta = DocumentMeta(
        unit="hong", co_quan="X", so_ky_hieu="1/BC", document_type="BÁO CÁO", title="T"
    )
    reference = tmp_path / "reference.docx"
    reference.write_bytes(reference_docx(ND30()))
    outcome = convert(Job("hong", "{not json", meta, tmp_path / "out", reference, ND30()))
    assert not outcome.ok and outcome.path is None
    assert outcome.error
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_runner_reports_every_unit_and_isolates_a_failing_one(tmp_path, jobs: int) -> None:
    reference = tmp_path / "reference.docx"
    reference.write_bytes(reference_docx(ND30()))
    body = to_json(pf.Doc(pf.Para(pf.Str("Nội dung báo cáo.")), api_version=PANDOC_API))

    def prepare(unit: str) -> Job:
        if unit == "hong":
            raise ValueError("không đọc được báo cáo")
        meta = DocumentMeta(
            unit=unit,
            co_quan="SỞ X",
            so_ky_hieu="1/BC",
            document_type="BÁO CÁO",
            title="Tổng kết",
            ngay=dt.date(2025, 12, 1),
            draft=unit == "nhap",
        )
        return Job(unit, body, meta, tmp_path / "out", reference, ND30())

    units = ["a", "hong", "nhap", "b"]
    with Runner(jobs, prepare) as runner:
        outcomes = []
        for unit in units:
            runner.submit(unit)
            outcomes.extend(runner.poll())
        outcomes.extend(runner.drain())
    by_unit = {o.unit: o for o in outcomes}
    assert sorted(by_unit) == sorted(units)
    assert by_unit["hong"].error == "không đọc được báo cáo"
    assert by_unit["nhap"].path == tmp_path / "out" / "nhap-du-thao.docx"
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["a.docx", "b.docx", "nhap-du-thao.docx"]


def pool_threads() -> list[threading.Thread]:
    """The threads of process pools (concurrent.futures names their class so)."""
    alive = threading.enumerate()
    return [t for t in alive if type(t).__name__ == "_ExecutorManagerThread"]


def test_a_runner_stopped_by_ctrl_c_leaves_no_pool_thread_running(tmp_path) -> None:
    """At exit Python wakes each process pool's thread through a pipe, which that thread
    closes when it ends. Stopped without waiting, the thread was still ending as the
    command exited, and after Ctrl+C the user read "Exception ignored in: <module
    'threading'> ... OSError: [Errno 9] Bad file descriptor" (seen under load in
    test_clean_stops.py). The workers are ended first, so the wait is short."""
    before = pool_threads()

    finished = tmp_path / "finished"

    def prepare(unit: str) -> Job:
        time.sleep(30)  # in the worker: busy when Ctrl+C comes
        finished.touch()  # reached only if the runner waited for its workers
        raise ValueError(unit)

    with pytest.raises(KeyboardInterrupt), Runner(2, prepare) as runner:
        runner.submit("a")
        runner.submit("b")
        raise KeyboardInterrupt
    assert [t for t in pool_threads() if t not in before] == []
    assert not finished.exists()  # the workers were stopped, not waited for


def _members(package: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        names = [name for name in archive.namelist() if name != "docProps/core.xml"]
        return {name: archive.read(name) for name in names}


def test_one_pandoc_serves_many_documents_and_survives_a_bad_one(tmp_path) -> None:
    reference = tmp_path / "reference.docx"
    reference.write_bytes(reference_docx(ND30()))
    body = to_json(pf.Doc(pf.Header(pf.Str("I. Phần"), level=1), api_version=PANDOC_API))
    first = write_docx(body, reference)
    writer = next(w for (pid, ref), w in pandoc._writers.items() if ref == reference)
    with pytest.raises(pandoc.PandocError):
        write_docx('{"blocks": 1}', reference)
    # Compared member by member: pandoc stamps the zip entries and docProps/core.xml with
    # the current time (the finisher sets both later), so two writes may differ there only.
    assert _members(write_docx(body, reference)) == _members(first)
    document = docx.Document(io.BytesIO(first))
    assert [(p.style.name, p.text) for p in document.paragraphs] == [("Heading 1", "I. Phần")]
    assert writer.process.poll() is None
    pandoc.close_writers()
    assert writer.process.poll() == 0
