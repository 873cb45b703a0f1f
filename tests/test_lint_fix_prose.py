"""``lint --fix`` changes only prose, only where lint reported, only over what it read."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from baocao.lint.prose_spans import prose_spans
from lint_helpers import SCHOOL, make_project, run_cli, snapshot

# Each line holds "hoà" (new style, against the school's "hòa") in prose and in
# a place that is not prose; only the prose may change.
NOT_PROSE = [
    "Sơ đồ hoà giải: ![sơ đồ](so-do-hoà.png) trang bên.",
    "Xem [bài hoà giải](https://vi.wikipedia.org/wiki/Hoà_giải) trên mạng.",
    "Gõ lệnh `hoà-giải --thuỷ` để hoà dữ liệu.",
    "Tải <https://example.vn/hoà-giải> về máy, hoà mạng.",
    "Tệp [hoà giải](tai-lieu/bien-ban-hoà-giải.pdf) đính kèm.",
    "Vai trò {ref}`muc-hoà-giai` của tổ hoà giải.",
]
FENCES = (
    "\n```\nhoà-giải --thuỷ\n```\n\n"
    "```{figure} so-do-hoà.png\n:alt: Sơ đồ hoà giải\n:name: hinh-hoà\n\nHình hoà giải.\n```\n"
)
FIXED = [
    "Sơ đồ hòa giải: ![sơ đồ](so-do-hoà.png) trang bên.",
    "Xem [bài hòa giải](https://vi.wikipedia.org/wiki/Hoà_giải) trên mạng.",
    "Gõ lệnh `hoà-giải --thuỷ` để hòa dữ liệu.",
    "Tải <https://example.vn/hoà-giải> về máy, hòa mạng.",
    "Tệp [hòa giải](tai-lieu/bien-ban-hoà-giải.pdf) đính kèm.",
    "Vai trò {ref}`muc-hoà-giai` của tổ hòa giải.",
]


def school(tmp_path: Path) -> tuple[Path, Path]:
    root = make_project(tmp_path, SCHOOL)
    return root, root / "reports" / SCHOOL / "index.md"


def test_fix_changes_prose_and_never_paths_urls_code_roles_or_fences(tmp_path: Path) -> None:
    root, index = school(tmp_path)
    text = index.read_text("utf-8")
    text = text.replace("nguoi_ky: Nguyễn Đức Thịnh", "nguoi_ky: Nguyễn Thị Hoà")
    text = text.replace("chuc_vu: HIỆU TRƯỞNG", "chuc_vu: Phó trưởng ban hoà giải")
    index.write_text(text + "\n" + "\n\n".join(NOT_PROSE) + "\n" + FENCES, "utf-8")
    found = run_cli(root, "lint", "--select", "BC403", "--format", "json").json()
    lines = {d["line"] for d in found["units"][0]["diagnostics"]}
    assert len(lines) == len(NOT_PROSE) + 1  # six body lines and chuc_vu, not the name

    assert run_cli(root, "lint", "--select", "BC403", "--fix").code == 0
    after = index.read_text("utf-8")
    for line in FIXED:
        assert f"\n{line}\n" in after, line
    assert FENCES in after  # code, a directive's argument, options and body: as written
    assert "nguoi_ky: Nguyễn Thị Hoà\n" in after  # a name keeps its spelling
    assert "chuc_vu: Phó trưởng ban hòa giải\n" in after  # a title is prose
    assert (
        run_cli(root, "lint", "--select", "BC403", "--format", "json").json()["summary"]["warnings"]
        == 0
    )


def test_a_name_alone_is_no_tone_finding(tmp_path: Path) -> None:
    root, index = school(tmp_path)
    text = index.read_text("utf-8").replace("Nguyễn Đức Thịnh", "Nguyễn Thị Hoà")
    index.write_text(text, "utf-8")
    before = snapshot(index.parent)
    found = run_cli(root, "lint", "--select", "BC403", "--format", "json").json()
    assert found["units"][0]["diagnostics"] == []
    run_cli(root, "lint", "--fix")
    assert snapshot(index.parent) == before


def test_nfc_fix_leaves_a_decomposed_path(tmp_path: Path) -> None:
    """A file saved on macOS has a decomposed name: its link must keep those bytes."""
    root, index = school(tmp_path)
    nfd = unicodedata.normalize("NFD", "so-do-hoà.png")
    prose = unicodedata.normalize("NFD", "Công tác hòa giải")
    index.write_text(index.read_text("utf-8") + f"\n{prose} ![sơ đồ]({nfd}).\n", "utf-8")
    run_cli(root, "lint", "--select", "BC401", "--fix")
    after = index.read_text("utf-8")
    assert f"\nCông tác hòa giải ![sơ đồ]({nfd}).\n" in after


def test_legacy_fix_converts_prose_not_a_name(tmp_path: Path) -> None:
    root, index = school(tmp_path)
    text = index.read_text("utf-8").replace("dia_danh: Bình Minh", "dia_danh: Thµnh phè B×nh Minh")
    text = text.replace("chuc_vu: HIỆU TRƯỞNG", "chuc_vu: HiÖu tr­ëng nhµ tr­êng")
    index.write_text(text + "\nCéng hoµ x· héi chñ nghÜa ViÖt Nam `Céng hoµ x·`\n", "utf-8")
    run_cli(root, "lint", "--fix")
    after = index.read_text("utf-8")
    assert "\nCộng hòa xã hội chủ nghĩa Việt Nam `Céng hoµ x·`\n" in after
    assert "chuc_vu: Hiệu trưởng nhà trường\n" in after
    assert "dia_danh: Thµnh phè B×nh Minh\n" in after  # a name: reported, left to its writer
    found = run_cli(root, "lint", "--format", "json").json()["units"][0]["diagnostics"]
    assert [(d["code"], d["field"]) for d in found] == [("BC402", None)]


def test_fix_restyles_nothing_when_the_tone_rule_is_off(tmp_path: Path) -> None:
    """Issue 12: --fix wrote "ủy" for "uỷ" that lint never reported (BC403 off)."""
    root, index = school(tmp_path)
    extra = "\nTổ hoà giải của trường được uỷ quyền.\n\nCéng hoµ x· héi chñ nghÜa ViÖt Nam\n"
    index.write_text(index.read_text("utf-8") + extra, "utf-8")
    run_cli(root, "lint", "--ignore", "BC403", "--fix")
    after = index.read_text("utf-8")
    assert "\nTổ hoà giải của trường được uỷ quyền.\n" in after
    assert "\nCộng hoà xã hội chủ nghĩa Việt Nam\n" in after  # converted, not restyled


def test_fix_skips_a_finding_silenced_by_a_comment(tmp_path: Path) -> None:
    root, index = school(tmp_path)
    extra = (
        "\n% baocao: ignore BC403\nTên riêng: Câu lạc bộ Hoà Bình.\n\nTổ hoà giải hoạt động tốt.\n"
    )
    index.write_text(index.read_text("utf-8") + extra, "utf-8")
    run_cli(root, "lint", "--fix")
    after = index.read_text("utf-8")
    assert "\nTên riêng: Câu lạc bộ Hoà Bình.\n" in after
    assert "\nTổ hòa giải hoạt động tốt.\n" in after


def test_fix_leaves_a_file_edited_while_it_ran(tmp_path: Path, monkeypatch) -> None:
    """An edit saved between the read and the write is kept; --fix says so and fails."""
    import baocao.commands.lint as lint_command

    root, index = school(tmp_path)
    index.write_text(index.read_text("utf-8") + "\nTổ hoà giải hoạt động tốt.\n", "utf-8")
    real = lint_command.fixed_texts
    edits = []

    def then_edit(result):
        changes = real(result)
        if not edits:  # the writer saves once, after the fix read the file
            edits.append(1)
            with index.open("a", encoding="utf-8") as handle:
                handle.write("\nDòng người viết vừa thêm.\n")
        return changes

    monkeypatch.setattr(lint_command, "fixed_texts", then_edit)
    done = run_cli(root, "lint", "--fix", monkeypatch=monkeypatch)
    after = index.read_text("utf-8")
    assert after.endswith("\nTổ hoà giải hoạt động tốt.\n\nDòng người viết vừa thêm.\n")
    assert done.code == 1
    assert f"reports/{SCHOOL}/index.md" in done.err and "không ghi đè" in done.err
    assert not [p for p in index.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("markdown", "prose"),
    [
        (
            "| a hoà | `b` | c |\n|---|---|---|\n| d | e hoà | f |\n",
            ["a hoà", "c", "d", "e hoà", "f"],
        ),
        ("> trích *hoà* giải\n", ["trích *hoà* giải"]),
        ("- [nhãn](dich.md) và [x][r]\n\n[r]: https://r.vn\n", ["nhãn", " và ", "x"]),
        ("Ảnh ![chú thích hoà](a.png) &amp; <b>hoà</b>\n", ["Ảnh ", " ", " ", "hoà"]),
        ("%  hoà\n(nhan-hoa)=\n```\nhoà\n```\n", []),
    ],
)
def test_prose_spans_follow_markdown_it(markdown: str, prose: list[str]) -> None:
    lines = markdown.split("\n")
    spans = prose_spans(markdown)
    found = [lines[n - 1][a:b] for n in sorted(spans) for a, b in spans[n]]
    assert found == prose


def test_table_cells_alike_are_each_found_in_their_place() -> None:
    spans = prose_spans("| `x` | y |\n|---|---|\n| `x` | y |\n| y | y |\n")
    assert spans == {1: [(8, 9)], 3: [(8, 9)], 4: [(2, 3), (6, 7)]}
