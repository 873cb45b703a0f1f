"""``baocao build html --watch``: build the site, then build it again after each change.

One Sphinx application is kept between builds, so a change costs only what it
changes: the edited unit read and linted again, its page and the dashboard written
(no interpreter to start, no modules to import, no environment to load). Changes
come from ``baocao.filewatch``. Sphinx decides what to read again by modification
times, which a save made during a build, or a file copied with its old time, can
defeat: the changed files' documents (and their units' ``index``) are read again
whatever their times say. A change of the configuration (conf.py, pyproject.toml, a
form, a guide page that appears or goes) makes a new application. A failed build is
reported and watching goes on; Ctrl+C ends it.
"""

from __future__ import annotations

import gc
import threading
import time
from typing import Any, Protocol

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from baocao.errors import BaocaoError
from baocao.filewatch import Changes, changes_config
from baocao.interrupts import noting_interrupt
from baocao.project import Project
from baocao.sphinxext.policy import unit_index, unit_slug
from baocao.sphinxext.progress import BuildProgress
from baocao.sphinxext.run import SiteResult, build, site_app
from baocao.sphinxext.units import project_at


class Listener(Protocol):
    """What the watcher tells its user."""

    def changed(self, paths: list[str]) -> None: ...
    def built(self, result: SiteResult) -> None: ...
    def failed(self, error: str) -> None: ...


class SiteWatcher:
    """Builds the site now and after every change, until ``stop`` is set or Ctrl+C."""

    def __init__(
        self,
        project: Project,
        progress: BuildProgress,
        jobs: int,
        listener: Listener,
        stop: threading.Event | None = None,
    ) -> None:
        self.project = project
        self.progress = progress
        self.jobs = jobs
        self.listener = listener
        self.stop = stop or threading.Event()
        self.pending: list[str] = []  # the changed paths of the build under way (or failed)

    def run(self) -> BaseException | None:
        """Watch until stopped; return why watching failed, if it did."""
        changes = Changes(self.project, self.stop)
        try:
            with noting_interrupt(self.stop):
                changes.start()
                cause: list[str] | None = []
                while cause is not None and not self.stop.is_set():
                    cause = self.session(changes, cause)
                    if cause is not None:  # a new configuration: maybe other folders
                        changes = self.rewatch(changes, cause)
        except KeyboardInterrupt:
            pass
        except Exception as err:  # no watch could be set up (a system limit, a permission)
            return err
        finally:
            self.stop.set()
            changes.close()
        return changes.failure

    def rewatch(self, changes: Changes, cause: list[str]) -> Changes:
        """Read the settings again; watch what they and the disk name now, if it changed."""
        try:
            self.project = Project.discover(self.project.root)
        except BaocaoError:
            return changes  # the next build reports the broken settings
        if not changes.stale(self.project, cause):
            return changes
        fresh = Changes(self.project, self.stop)
        fresh.start()  # before the old one stops: no change falls between the two
        changes.close()
        changes.hand_over(fresh)
        return fresh

    def session(self, changes: Changes, cause: list[str]) -> list[str] | None:
        """Build with one application until a change needs a new one.

        Returns that change, or None when watching ends.
        """
        since = (time.perf_counter(), self.progress.warnings)
        self.pending = cause  # also if the application cannot be made
        try:
            with site_app(self.project, self.progress, self.jobs) as app:
                app.connect("env-get-outdated", self.outdated)
                self.rebuild(app, cause, since)
                for batch in changes:
                    guide = app.config.baocao_guide_pages
                    if changes_config(self.project, batch, guide):
                        return batch
                    if changes.stale(self.project, batch):
                        return batch
                    self.rebuild(app, batch, (time.perf_counter(), self.progress.warnings))
                return None
        except Exception as err:  # a watcher outlives a failed build: say why, wait
            if self.stop.is_set():  # Ctrl+C while Sphinx waited for its readers
                return None
            self.listener.failed(error_text(err))
            failed, self.pending = self.pending, []
            following = next(iter(changes), None)  # built with the failed build's files
            return None if following is None else sorted({*failed, *following})

    def rebuild(self, app: Sphinx, changed: list[str], since: tuple[float, int]) -> None:
        """Build, report, then tidy up while the user is still typing."""
        if changed:
            self.listener.changed(changed)
        project_at.cache_clear()  # units.yaml or a setting may have changed
        self.pending = changed  # kept if the build fails: the next one reads them again
        self.listener.built(build(app, self.progress, *since))
        self.pending = []
        tidy()

    def outdated(
        self, app: Sphinx, env: BuildEnvironment, added: Any, changed: Any, removed: Any
    ) -> set[str]:
        """The documents of the changed paths, to be read again whatever their times."""
        return documents_of(self.pending, env, app.config.baocao_reports_dir)


def documents_of(paths: list[str], env: BuildEnvironment, reports_dir: str) -> set[str]:
    """A changed Markdown file's document; the ``index`` of a changed file's unit; every
    unit's ``index`` when a file of the reports folder itself (units.yaml) changed."""
    reports = reports_dir.strip("/") + "/"
    documents = set()
    for path in paths:
        if path.endswith(".md"):
            documents.add(path.removesuffix(".md"))
        slug = unit_slug(path, reports_dir)
        if slug is not None:
            documents.add(unit_index(slug, reports_dir))
        elif path.startswith(reports):
            indexes = (doc for doc in env.found_docs if doc.endswith("/index"))
            documents |= {doc for doc in indexes if doc.startswith(reports)}
    return documents & env.found_docs


def tidy() -> None:
    """Collect garbage while waiting for a change, not while building.

    What the builds keep (the environment, the caches) is then frozen, so the next
    build's collections scan only its own new objects: without this, a full
    collection now and then adds 0.1 s to a 0.16 s rebuild at 100 units.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def error_text(err: BaseException) -> str:
    """The user's own words for ``err``: a project error inside Sphinx's wrapping, if any."""
    cause: BaseException | None = err
    while cause is not None:
        if isinstance(cause, BaocaoError):
            return cause.render()
        cause = getattr(cause, "orig_exc", None) or cause.__cause__
    return f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
