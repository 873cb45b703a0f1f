"""Knowing that the user pressed Ctrl+C, even when a library turned it into another error.

Sphinx's parallel reading can turn the KeyboardInterrupt of Ctrl+C into an unrelated
exception (a KeyError from its task bookkeeping). Code that must tell "interrupted"
from "broken" notes the signal in an event before Python raises KeyboardInterrupt.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def noting_interrupt(event: threading.Event) -> Iterator[None]:
    """Set ``event`` on Ctrl+C, then raise KeyboardInterrupt as Python does.

    Signals reach the main thread only; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupted(signum: int, frame: FrameType | None) -> None:
        event.set()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
