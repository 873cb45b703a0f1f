"""``baocao.fsutil``: atomic writes, and an output the user names that is not a file
(``--output /dev/null``)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

from baocao.cli import main
from baocao.fsutil import write_atomic, write_output


class FifoReader:
    """A named pipe in ``folder`` and a thread reading all that is written to it."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "pipe"
        os.mkfifo(self.path)
        self.read = b""
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        with open(self.path, "rb") as pipe:
            self.read = pipe.read()

    def joined(self) -> bytes:
        self.thread.join(timeout=60)
        return self.read


def test_a_pipe_is_written_to_not_replaced_by_a_file(tmp_path: Path) -> None:
    reader = FifoReader(tmp_path)
    write_output(reader.path, "dữ liệu")
    assert reader.joined() == "dữ liệu".encode()
    assert stat.S_ISFIFO(os.stat(reader.path).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no temporary file left


def test_a_link_to_a_pipe_is_written_through_and_kept(tmp_path: Path) -> None:
    reader = FifoReader(tmp_path)
    link = tmp_path / "stdout"
    link.symlink_to(reader.path)
    write_output(link, "một")
    assert reader.joined() == "một".encode()
    assert link.is_symlink()


def test_lint_output_to_a_pipe_leaves_the_pipe(example_project: Path, tmp_path: Path) -> None:
    reader = FifoReader(tmp_path)
    assert main(["lint", "--format", "json", "--output", str(reader.path)]) == 0
    assert b'"so-noi-vu"' in reader.joined()
    assert stat.S_ISFIFO(os.stat(reader.path).st_mode)


def test_a_built_file_replaces_a_link_never_writes_through_it(tmp_path: Path) -> None:
    """A link planted where a build writes (a unit's pull request can add one under
    ``_build``) is replaced by the file: nothing reaches the device or pipe it names."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reading = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # a writer would not wait
    try:
        link = tmp_path / "out.html"
        link.symlink_to(pipe)
        write_atomic(link, "trang")
        assert not link.is_symlink() and link.read_text("utf-8") == "trang"
        assert os.read(reading, 100) == b""
    finally:
        os.close(reading)
