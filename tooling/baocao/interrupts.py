"""Ctrl+C: knowing the user pressed it, even when a library turned it into another error,
and ending every process baocao started (workers, Sphinx readers, pandoc) at once.

Sphinx's parallel reading can turn the KeyboardInterrupt of Ctrl+C into an unrelated
exception (a KeyError from its task bookkeeping). Code that must tell "interrupted"
from "broken" notes the signal in an event before Python raises KeyboardInterrupt.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from types import FrameType
from typing import Any


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
        with raised_again(KeyboardInterrupt, _interrupt_soon):
            yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _interrupt_soon() -> None:
    """Ctrl+C again, from another thread: the main thread takes it once out of its finalizer."""
    main = threading.main_thread().ident
    soon = threading.Timer(0.001, signal.pthread_kill, (main, signal.SIGINT))
    soon.daemon = True
    soon.start()


@contextmanager
def raised_again(kind: type[BaseException], again: Callable[[], None]) -> Iterator[None]:
    """While the block runs, a signal handler's ``kind`` that fell in a finalizer is sent again.

    A signal can arrive while the garbage collector runs a finalizer (``__del__``, a
    weakref callback); the handler's exception cannot leave it, so Python prints it as
    "Exception ignored in" and goes on as if no signal had come. Here such an exception
    is not printed: ``again`` delivers the signal once more, a moment later (a signal
    delivered at once would be handled inside the finalizer again).
    """
    previous = sys.unraisablehook

    def swallowed(unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, kind):
            previous(unraisable)
            return
        while True:  # the signal sent again may arrive before this hook has returned
            try:
                again()
                break
            except kind:
                continue

    sys.unraisablehook = swallowed
    try:
        yield
    finally:
        sys.unraisablehook = previous


def stop_children(grace: float = 1.0) -> None:
    """End this process's worker processes at once (Ctrl+C or a failure).

    A worker may be in the middle of a long task, and a pool's shutdown waits for it;
    an interrupted Sphinx reader may wait forever to send its results. Each gets
    SIGTERM, then SIGKILL if it has not ended within ``grace`` seconds. Their own
    children (pandoc) die with them (``helper_process_options``).
    """
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    deadline = time.monotonic() + grace
    for child in children:
        child.join(max(0.0, deadline - time.monotonic()))
        if child.is_alive():
            child.kill()
            child.join(grace)


@contextmanager
def workers_stopped_on_error(pool: Executor) -> Iterator[None]:
    """On Ctrl+C or an error, end ``pool``'s workers instead of waiting for their tasks."""
    try:
        yield
    except BaseException:
        stop_children()
        pool.shutdown(wait=False, cancel_futures=True)
        raise


def ignore_interrupt() -> None:
    """A worker's initializer: Ctrl+C is the main process's to handle; it ends the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def helper_process_options() -> dict[str, Any]:
    """``subprocess.Popen`` options for a long-lived helper program (pandoc).

    It runs in its own session, so that Ctrl+C in the terminal reaches only baocao,
    which stops it (a helper interrupted on its own prints its own errors and may
    not end); on Linux it is also killed when the process that started it dies.
    """
    if os.name != "posix":
        return {}
    if not sys.platform.startswith("linux"):
        return {"start_new_session": True}
    prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved here, not in the child

    def die_with_parent() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)

    return {"start_new_session": True, "preexec_fn": die_with_parent}


_PR_SET_PDEATHSIG = 1
