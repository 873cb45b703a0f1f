"""The redline engine on generated documents with random edits (hypothesis).

For any document and any series of edits (words, formatting, paragraphs, whole
sections added, removed or moved, table cells and rows, the front matter and
signer cells), accepting every tracked change of the redline gives the edited
document's paragraphs and rejecting every change gives the original's; the
marks carry the author and date given. A set of redlines opens in LibreOffice,
which lists their changes.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from baocao.redline.document import redline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from redline_docs import STAMP, edit, model, render
from redline_helpers import NS, accepted, part, rejected, texts


def versions(seed: int, edits: int) -> tuple[bytes, bytes]:
    rng = random.Random(seed)
    old = model(rng)
    new = old
    for _ in range(edits):
        new = edit(rng, new)
    return render(old), render(new)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), edits=st.integers(1, 5))
def test_accept_all_gives_the_new_text_and_reject_all_the_old(seed: int, edits: int) -> None:
    old, new = versions(seed, edits)
    marked = redline(old, new, "Nguyễn Thị Bình", STAMP)
    assert accepted(marked) == texts(new)
    assert rejected(marked) == texts(old)


def test_marks_carry_author_date_and_unique_ids() -> None:
    old, new = versions(7, 4)
    root = part(redline(old, new, "Nguyễn Thị Bình", STAMP))
    marks = root.xpath("//w:ins | //w:del | //w:pPrChange", namespaces=NS)
    assert marks
    w = f"{{{NS['w']}}}"
    assert {m.get(f"{w}author") for m in marks} == {"Nguyễn Thị Bình"}
    assert {m.get(f"{w}date") for m in marks} == {"2026-03-04T05:06:07Z"}
    ids = [m.get(f"{w}id") for m in marks]
    assert len(ids) == len(set(ids))


def test_a_word_change_marks_only_that_word() -> None:
    old = render([("p", [("Sở hoàn thành 126 nhiệm vụ.", False)])])
    new = render([("p", [("Sở hoàn thành 128 nhiệm vụ.", False)])])
    root = part(redline(old, new, "A", STAMP))
    assert [t.text for t in root.xpath("//w:del//w:delText", namespaces=NS)] == ["126"]
    assert [t.text for t in root.xpath("//w:ins//w:t", namespaces=NS)] == ["128"]
    assert root.xpath("//w:pPr/w:rPr/w:ins | //w:pPr/w:rPr/w:del", namespaces=NS) == []


def test_a_new_unit_is_all_insertion() -> None:
    _, new = versions(3, 0)
    marked = redline(None, new, "A", STAMP)
    assert accepted(marked) == texts(new)
    assert all(text == "" for _, text in rejected(marked))


def test_the_file_tracks_further_changes() -> None:
    old, new = versions(5, 1)
    settings_part = part(redline(old, new, "A", STAMP), "word/settings.xml")
    assert settings_part.find("w:trackRevisions", NS) is not None


def soffice_or_skip() -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    return soffice


def libreoffice_changes(files: list[Path], out: Path) -> dict[str, int]:
    """Convert ``files`` to flat ODF with LibreOffice; the tracked changes it lists in each."""
    profile = out / "profile"
    command = [
        soffice_or_skip(),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "fodt",
        "--outdir",
        str(out),
        *map(str, files),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    found = {}
    for path in files:
        flat = (out / f"{path.stem}.fodt").read_text("utf-8")
        found[path.stem] = len(re.findall(r"<text:changed-region\b", flat))
    return found


def test_libreoffice_opens_generated_redlines_and_lists_their_changes(tmp_path: Path) -> None:
    files = []
    for seed in range(8):
        old, new = versions(seed, 3)
        marked = redline(old, new, "Nguyễn Thị Bình", STAMP)
        if accepted(marked) == rejected(marked):
            continue
        path = tmp_path / f"redline-{seed}.docx"
        path.write_bytes(marked)
        files.append(path)
    assert files
    changes = libreoffice_changes(files, tmp_path / "out")
    assert all(count > 0 for count in changes.values()), changes


def test_a_unit_whose_older_file_failed_is_its_own_error_not_a_new_unit(tmp_path: Path) -> None:
    from baocao.redline.write import Task, unit_diff

    _, new = versions(2, 1)
    failed = unit_diff(Task(tmp_path, "so-noi-vu", "Sở", new, None, True, "A", STAMP))
    assert failed.docx is None and failed.error is not None
    assert "không dựng được" in failed.error
    assert not (tmp_path / "so-noi-vu.docx").exists()
    added = unit_diff(Task(tmp_path, "so-moi", "Sở mới", new, None, False, "A", STAMP))
    assert added.error is None and added.docx == tmp_path / "so-moi.docx"
    assert accepted(added.docx.read_bytes()) == texts(new)
