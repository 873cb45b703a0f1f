"""Changes to a project's sources, gathered by watchfiles in background threads.

Watching starts before the first build and goes on during every build, so no save
is missed: changes that arrive while a build runs are handed over together when it
ends. The reports and forms folders are watched with everything under them; the
project root and the folders of the guide pages are watched without their
subfolders, for conf.py, pyproject.toml and the guide pages only (watching the
folder rather than the file keeps working when an editor saves by renaming a new
file over the old one). Paths are relative to the project root.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from queue import Empty, Queue
from threading import Event, Thread

import watchfiles

from baocao.project import Project

CONFIG_FILES = ("conf.py", "pyproject.toml")
# How long watchfiles waits for more events before handing over a batch: a save is
# often several events (milliseconds).
STEP_MS = 50
# How often a watching thread wakes up with nothing to report (milliseconds), and how
# often the waiting side looks at its stop event (seconds).
IDLE_MS = 200
DEFAULT_FILTER = watchfiles.DefaultFilter()
POLL_S = 0.2
# Files editors and tools make for a moment while saving (sed's "sedAbC123", vim's
# "4913", ".name.swp", "name~", our own ".name.XXXX.tmp"): never a change to build.
# The build reads no hidden file and no file without a suffix.
TEMPORARY = re.compile(r"^\.|~$|\.(?:tmp|temp|swp|swx|bak|part|crdownload)$|^[^.]+$", re.I)
# Attempts at setting up the watches while folders come and go.
START_TRIES = 3


@dataclass(frozen=True)
class Watch:
    """Folders to watch; without subfolders, only the paths of ``only`` count.

    ``inodes`` tell the folders apart from folders made again under the same name
    (``git checkout`` of a removed folder): a watch follows the folder, not its name.
    """

    folders: tuple[Path, ...]
    inodes: tuple[int, ...]
    recursive: bool = True
    only: frozenset[Path] | None = None

    def accepts(self, change: watchfiles.Change, path: str) -> bool:
        if self.only is not None:
            return Path(path) in self.only
        # The folders themselves are reported by the watch of their parents.
        if Path(path) in self.folders or not DEFAULT_FILTER(change, path):
            return False
        return not TEMPORARY.search(Path(path).name) or Path(path).is_dir()


def watch_of(
    folders: Iterable[Path], recursive: bool = True, only: frozenset[Path] | None = None
) -> Watch:
    """A watch of those of ``folders`` that exist now."""
    found: dict[Path, int] = {}
    for folder in folders:
        try:
            if folder.is_dir():
                found[folder] = folder.stat().st_ino
        except OSError:
            continue
    return Watch(tuple(found), tuple(found.values()), recursive, only)


def project_files(project: Project) -> frozenset[Path]:
    """conf.py, pyproject.toml and the guide pages, whether they exist yet or not."""
    names = [*CONFIG_FILES, *project.settings.guide_pages]
    return frozenset(project.root / name for name in names)


def anchors(project: Project) -> frozenset[Path]:
    """The root's entries that hold the watched folders (reports, _templates, docs):
    when one comes or goes, what can be watched changes."""
    folders = [project.reports_dir, project.forms_dir]
    folders += [path.parent for path in project_files(project)]
    inside = [path for path in folders if path.is_relative_to(project.root)]
    tops = {path.relative_to(project.root).parts[:1] for path in inside}
    return frozenset(project.root / top[0] for top in tops if top)


def watches(project: Project) -> list[Watch]:
    """The folders with all below them; without subfolders, the root, the guide's
    folders and the folders' parents, for the files that count, the folders themselves
    and the root's entries that hold them."""
    folders = (project.reports_dir, project.forms_dir)
    files = project_files(project)
    parents = sorted({project.root, *(path.parent for path in (*files, *folders))})
    only = files | anchors(project) | frozenset(folders)
    return [watch_of(folders), watch_of(parents, recursive=False, only=only)]


def folder_paths(project: Project) -> frozenset[str]:
    """The watched folders and the root's entries holding them, relative to the root:
    an event on one of them may mean a folder removed or made again."""
    folders = {project.reports_dir, project.forms_dir, *anchors(project)}
    return frozenset(project.rel(path) for path in folders)


def watched_paths(project: Project) -> list[str]:
    """What is watched, for the user: the folders, then the files that exist."""
    folders = [path for path in (project.reports_dir, project.forms_dir) if path.is_dir()]
    files = sorted(path for path in project_files(project) if path.is_file())
    return [project.rel(path) for path in [*folders, *files]]


class Either:
    """Set when any of its events is set (watchfiles only asks ``is_set()``)."""

    def __init__(self, *events: Event) -> None:
        self.events = events

    def is_set(self) -> bool:
        return any(event.is_set() for event in self.events)


class Changes:
    """Batches of changed paths, from ``start()`` until ``stop`` is set or ``close()``."""

    def __init__(self, project: Project, stop: Event) -> None:
        self.project = project
        self.stop = stop
        self.batches: Queue[list[str]] = Queue()
        self.started: list[Watch] = []
        self._reset()

    def _reset(self) -> None:
        self.closed = Event()
        self.done = Either(self.stop, self.closed)
        self.failure: BaseException | None = None

    def close(self) -> None:
        self.closed.set()

    def stale(self, project: Project, batch: list[str]) -> bool:
        """Whether the watches must be made again: ``project`` asks for other ones, or
        ``batch`` touched a watched folder itself (removed and made again, a folder may
        even get its old inode number back, yet the old watch is gone)."""
        return watches(project) != self.started or not folder_paths(project).isdisjoint(batch)

    def hand_over(self, other: Changes) -> None:
        """Give ``other`` the batches not taken yet (once it watches too)."""
        while not self.batches.empty():
            other.batches.put(self.batches.get_nowait())

    def start(self) -> None:
        """Start watching; return once every watch is in place (or raise why one is not).

        A folder that goes while the watches are set up (a branch switch) is not a
        failure: the watches are worked out again, a few times.
        """
        for attempt in range(1, START_TRIES + 1):
            try:
                self._start()
                return
            except FileNotFoundError:
                if attempt == START_TRIES:
                    raise
                self.closed.set()  # ends the watches this attempt did start
                self._reset()

    def _start(self) -> None:
        self.started = watches(self.project)
        for watch in self.started:
            if watch.folders:
                ready = Event()
                Thread(target=self._watch, args=(watch, ready.set), daemon=True).start()
                ready.wait()
        if self.failure is not None:
            raise self.failure

    def __iter__(self) -> Iterator[list[str]]:
        """Each batch as one list; batches that queued up during a build come as one."""
        while not self.done.is_set():
            try:
                changed = self.batches.get(timeout=POLL_S)
            except Empty:
                continue
            while not self.batches.empty():
                changed += self.batches.get_nowait()
            yield sorted(set(changed))

    def _watch(self, watch: Watch, ready: Callable[[], None]) -> None:
        try:
            for batch in watchfiles.watch(
                *watch.folders,
                watch_filter=watch.accepts,
                recursive=watch.recursive,
                step=STEP_MS,
                rust_timeout=IDLE_MS,
                yield_on_timeout=True,  # the first yield says the watch is in place
                stop_event=self.done,
                raise_interrupt=False,
            ):
                ready()
                if batch:
                    self.batches.put([self.project.rel(Path(path)) for _, path in batch])
        except Exception as err:  # handed to start(), or ends the watch (see failure)
            self.failure = err
            self.closed.set()
        finally:
            ready()


def changes_config(project: Project, changed: list[str], guide: list[str]) -> bool:
    """Whether the change needs a new configuration: conf.py, pyproject.toml, a form,
    or a guide page that appeared or went (``guide``: the docnames published now)."""
    forms = project.rel(project.forms_dir)
    for path in changed:
        if path in CONFIG_FILES or path == forms or path.startswith(forms + "/"):
            return True
        if path in project.settings.guide_pages:
            published = path.removesuffix(".md") in guide
            if published != (project.root / path).is_file():
                return True
    return False
