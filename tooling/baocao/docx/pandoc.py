"""pandoc, kept running: one ``pandoc lua`` process per worker writes every unit's .docx.

Starting pandoc costs more than converting a unit (about 40 ms of the 55 ms a
unit takes with one pandoc process per unit), so each process that converts
units keeps one pandoc running ``docx_writer.lua`` and sends it one pandoc JSON
document per line. The pandoc binary is the one pypandoc-binary ships.
"""

from __future__ import annotations

import atexit
import os
import subprocess
from importlib import resources
from pathlib import Path

import pypandoc

from baocao.interrupts import helper_process_options

SCRIPT = "docx_writer.lua"


class PandocError(RuntimeError):
    """pandoc could not convert a document (the message is pandoc's)."""


class PandocWriter:
    """A running ``pandoc lua`` that turns pandoc JSON into .docx bytes."""

    def __init__(self, reference: Path) -> None:
        script = resources.files("baocao.docx").joinpath(SCRIPT)
        command = [pypandoc.get_pandoc_path(), "lua", str(script), str(reference)]
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, **helper_process_options()
        )

    def write(self, pandoc_json: str) -> bytes:
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None
        stdin.write(pandoc_json.encode("utf-8") + b"\n")
        stdin.flush()
        header = stdout.readline()
        if not header:
            raise PandocError(f"pandoc stopped (exit status {self.process.wait()})")
        if header.startswith(b"error "):
            raise PandocError(header[6:].decode("utf-8", "replace").strip())
        size = int(header)
        data = stdout.read(size)
        if len(data) != size:
            raise PandocError("pandoc's output ended early")
        return data

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait()

    def kill(self) -> None:
        """Stop pandoc now, in the middle of a document if need be (Ctrl+C)."""
        self.process.kill()
        self.process.wait()


# One writer per process and reference document; a forked worker starts its own.
_writers: dict[tuple[int, Path], PandocWriter] = {}


def write_docx(pandoc_json: str, reference: Path) -> bytes:
    """The .docx pandoc writes for ``pandoc_json``, styled by ``reference``."""
    key = (os.getpid(), reference)
    writer = _writers.get(key)
    if writer is None or writer.process.poll() is not None:
        writer = _writers[key] = PandocWriter(reference)
    try:
        return writer.write(pandoc_json)
    except PandocError:  # pandoc refused this document and answered: still in step
        raise
    except BaseException:  # stopped mid-document (a broken pipe, a time limit): not reused
        _writers.pop(key, None)
        writer.process.kill()
        writer.process.wait()
        raise


@atexit.register
def close_writers() -> None:
    """Stop this process's pandoc writers (a worker's stop when the worker exits)."""
    for key in [k for k in _writers if k[0] == os.getpid()]:
        _writers.pop(key).close()


def kill_writers() -> None:
    """Stop this process's pandoc writers without waiting for their work (Ctrl+C)."""
    for key in [k for k in _writers if k[0] == os.getpid()]:
        _writers.pop(key).kill()
