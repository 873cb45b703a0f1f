"""Load one unit's report (``reports/<unit>/``) into front matter and sections.

Either layout loads the same: everything in ``index.md``, or a tree of files
followed through ``{toctree}`` fences. A section's effective level is its
heading level plus the depth of its file in the toctree. The loader never
raises on user input: each problem becomes a Diagnostic with file and line.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it.token import Token

from baocao.config import Settings
from baocao.diagnostics import Diagnostic
from baocao.frontmatter import FrontMatter, check
from baocao.limits import unit_limits
from baocao.mdparser import parser
from baocao.toctree import toctree_entries
from baocao.unitpaths import UnitScope, UnitWalk, real_unit_dir
from baocao.yamlio import LineMap, YamlProblem, load_yaml

BOLD_HEADING_MAX_WORDS = 40
_CLOSING = re.compile(r"^(?:---|\.\.\.).*(?:\n|$)", re.MULTILINE)


@dataclass
class Block:
    """One top-level block of a file: a paragraph, list, table, fence, comment, ..."""

    kind: str
    text: str
    file: str
    line: int
    end_line: int
    tokens: list[Token]


@dataclass
class Section:
    """A heading (or a bold paragraph standing for one) and the blocks under it."""

    title: str
    level: int
    file: str
    line: int
    blocks: list[Block] = field(default_factory=list)
    bold: bool = False

    def body_text(self) -> str:
        return "\n".join(b.text for b in self.blocks if b.kind not in ("comment", "toctree"))


@dataclass
class SourceFile:
    path: Path
    rel: str
    depth: int
    text: str
    tokens: list[Token]
    digest: bytes = b""  # SHA-256 of the bytes read: a fix writes only over these


@dataclass
class Report:
    unit: str
    root: Path
    front_matter: FrontMatter
    title: str | None = None
    title_line: int = 1
    preamble: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    files: list[SourceFile] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)

    @property
    def index_file(self) -> str:
        return self.files[0].rel if self.files else ""

    @property
    def declared_year(self) -> int | None:
        """The year the front matter gives (``nam``), when it is a whole number."""
        year = self.front_matter.get("nam")
        return year if isinstance(year, int) and not isinstance(year, bool) else None

    def headings(self) -> list[Section]:
        return [s for s in self.sections if not s.bold]

    def candidates(self) -> list[Section]:
        """Bold paragraphs that look like headings, for the linter to judge."""
        return [s for s in self.sections if s.bold]


def load_report(
    unit_dir: Path,
    project_root: Path,
    known_forms: list[str] | None = None,
    settings: Settings | None = None,
    head_only: bool = False,
) -> Report:
    """Read ``unit_dir`` (a folder with index.md) into a Report.

    Nothing is read from a folder that is a link or leaves the reports folder
    (``unitpaths``), nor from a unit past a limit of ``settings`` (``limits``).
    With ``head_only`` the report holds index.md's front matter and no section: its
    body is not parsed, no toctree followed.
    """
    loader = _Loader(unit_dir, project_root, known_forms, head_only)
    loader.real_unit = real_unit_dir(unit_dir)
    if loader.real_unit is None and (unit_dir.is_symlink() or unit_dir.is_dir()):
        loader.problem("BC007", "path-outside", _rel(unit_dir, project_root), 1, "paths.unit-link")
        return loader.report
    loader.walk = UnitWalk(unit_dir, loader.real_unit)
    if settings is not None:
        limits = unit_limits(unit_dir, settings, project_root, loader.real_unit, loader.walk)
        loader.report.problems.extend(limits)
        if loader.report.problems:
            return loader.report
    return loader.load()


def _rel(path: Path, root: Path) -> str:
    """``path`` relative to ``root``, POSIX style; both as given (no symlinks followed)."""
    name, top = os.path.normpath(path), os.path.normpath(root)
    if name == top:
        return "."
    if top == "." and not os.path.isabs(name):
        return name.replace(os.sep, "/")
    prefix = top.rstrip(os.sep) + os.sep
    if name.startswith(prefix):
        return name[len(prefix) :].replace(os.sep, "/")  # normalised: its POSIX form
    return path.as_posix()


class _Loader:
    def __init__(
        self,
        unit_dir: Path,
        project_root: Path,
        known_forms: list[str] | None,
        head_only: bool = False,
    ):
        self.unit_dir = unit_dir
        self.head_only = head_only
        self.root = project_root
        self.known_forms = known_forms
        self.report = Report(unit_dir.name, unit_dir, check({}, LineMap(), known_forms))
        self.seen: set[str] = set()
        self.real_unit: Path | None = None
        self.walk: UnitWalk | None = None
        self.srcdir = os.fspath(project_root)

    def problem(self, code: str, rule: str, rel: str, line: int, key: str, **params) -> None:
        self.report.problems.append(Diagnostic(code, rule, "error", rel, line, key, dict(params)))

    def load(self) -> Report:
        index = self.unit_dir / "index.md"
        if not index.is_file():
            self.problem(
                "BC003",
                "missing-file",
                _rel(self.unit_dir, self.root),
                1,
                "load.no-index",
                path=_rel(index, self.root),
            )
            return self.report
        self.scope = UnitScope(self.unit_dir, self.real_unit, self.walk.no_links)
        for link in self.walk.links_leaving():
            rel = _rel(link, self.root)
            self.problem("BC007", "path-outside", rel, 1, "paths.outside", path=rel)
        if index.is_symlink() and not self.scope.may_read(os.path.normpath(index)):
            return self.report
        self.read_file(index, depth=0, entry_line=None)
        return self.report

    def read_text(self, path: Path, rel: str) -> tuple[str, bytes] | None:
        """The file's text and the SHA-256 of its bytes, or None (a finding says why)."""
        try:
            data = path.read_bytes()
        except OSError as err:
            self.problem(
                "BC006",
                "unreadable-file",
                rel,
                1,
                "load.unreadable",
                reason=err.strerror or str(err),
            )
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            self.problem("BC001", "not-utf8", rel, line, "load.not-utf8")
            return None
        text = text.removeprefix("\ufeff")
        if not text or text.isspace():  # not text.strip(), without copying the text
            self.problem("BC004", "empty-file", rel, 1, "load.empty-file")
            return None
        return text, hashlib.sha256(data).digest()

    def read_file(self, path: Path, depth: int, entry_line: int | None) -> None:
        resolved = os.path.normpath(path)
        if resolved in self.seen:
            return
        self.seen.add(resolved)
        rel = _rel(path, self.root)
        read = self.read_text(path, rel)
        if read is None:
            return
        text, digest = read
        tokens = front_matter_tokens(text) if self.head_only else parser().parse(text)
        self.report.files.append(SourceFile(path, rel, depth, text, tokens, digest))
        for kind, item in _walk_blocks(tokens, rel):
            if kind == "front_matter" and depth == 0:
                self.read_front_matter(item, rel)
            elif kind == "heading":
                self.add_heading(item, depth)
            elif kind == "block":
                self.add_block(item, resolved, depth)

    def read_front_matter(self, token: Token, rel: str) -> None:
        try:
            data, lines = load_yaml(token.content, line_offset=1, deep=False)
        except YamlProblem as err:
            self.problem(
                "BC002",
                "front-matter-syntax",
                rel,
                err.line,
                "load.yaml-value" if err.value else "load.yaml-syntax",
                problem=err.problem,
            )
            data, lines = {}, LineMap()
        self.report.front_matter = check(data, lines, self.known_forms)

    def add_heading(self, heading: Section, depth: int) -> None:
        heading.level += depth
        if depth == 0 and heading.level == 1 and self.report.title is None:
            self.report.title = heading.title
            self.report.title_line = heading.line
            return
        self.report.sections.append(heading)

    def add_block(self, block: Block, path: str, depth: int) -> None:
        if block.kind == "paragraph" and _looks_like_heading(block):
            self.report.sections.append(
                Section(_bold_text(block), 0, block.file, block.line, bold=True)
            )
            return
        target = self.report.sections[-1].blocks if self.report.sections else self.report.preamble
        target.append(block)
        if block.kind == "toctree":
            entries = toctree_entries(block, path, self.scope, self.srcdir)
            for entry, line in entries:
                self.follow(entry, line, block.file, depth)

    def follow(self, name: str | None, line: int, rel: str, depth: int) -> None:
        target = Path(name) if name is not None else None
        if target is None:
            self.problem("BC005", "toctree-outside", rel, line, "load.toctree-outside")
        elif not target.is_file():
            self.problem(
                "BC003",
                "missing-file",
                rel,
                line,
                "load.missing-target",
                path=_rel(target, self.root),
            )
        else:
            self.read_file(target, depth + 1, line)


def front_matter_tokens(text: str) -> list[Token]:
    """The parser's tokens of ``text``'s front matter alone (none when it has none).

    The parser reads the beginning of ``text`` up to the first line that may close the
    front matter: its front-matter rule looks no further than that line, so the token is
    the one the whole text gives. When that line does not close it, the whole text is read.
    """
    if not text.startswith("-"):
        return []  # the front-matter rule needs "---" at the very start
    closing = _CLOSING.search(text, text.find("\n") + 1) if "\n" in text else None
    if closing is not None:
        tokens = parser().parse(text[: closing.end()])
        if tokens and tokens[0].type == "front_matter":
            return tokens[:1]
    return [t for t in parser().parse(text)[:1] if t.type == "front_matter"]


def _walk_blocks(tokens: list[Token], rel: str):
    """Yield ("front_matter", token), ("heading", Section) and ("block", Block) in order."""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "front_matter":
            yield "front_matter", token
            i += 1
            continue
        if token.type == "heading_open":
            inline = tokens[i + 1]
            line = token.map[0] + 1 if token.map else 1
            yield "heading", Section(inline.content.strip(), int(token.tag[1]), rel, line)
            i += 3
            continue
        end = _block_end(tokens, i)
        yield "block", _make_block(tokens[i:end], rel)
        i = end


def _block_end(tokens: list[Token], start: int) -> int:
    """Index after the top-level block that starts at ``start``."""
    if tokens[start].nesting == 0:  # a fence, a comment, a rule, a block of HTML
        return start + 1
    if tokens[start].type == "paragraph_open" and _is_paragraph(tokens[start : start + 3]):
        return start + 3
    level = 0
    for j in range(start, len(tokens)):
        level += tokens[j].nesting
        if level <= 0:
            return j + 1
    return len(tokens)


def _make_block(tokens: list[Token], rel: str) -> Block:
    first = tokens[0]
    start, end = first.map if first.map else (0, 1)
    kind = first.type.removesuffix("_open")
    if first.type in ("fence", "colon_fence") and first.info.strip().startswith("{toctree}"):
        kind = "toctree"
    elif first.type in ("myst_line_comment", "myst_block_break"):
        kind = "comment" if first.type == "myst_line_comment" else "break"
    if kind == "comment":
        text = first.content
    elif kind == "paragraph" and _is_paragraph(tokens):
        text = tokens[1].content
    else:
        text = "\n".join(
            t.content
            for t in tokens
            if t.type in _TEXT_TOKENS or (t.type in _CODE_TOKENS and kind != "toctree")
        )
    return Block(kind, text, rel, start + 1, end, tokens)


def _is_paragraph(tokens: list[Token]) -> bool:
    """The three tokens of a paragraph: open, inline, close (markdown-it's own shape)."""
    return len(tokens) == 3 and tokens[1].type == "inline" and tokens[2].nesting == -1


_TEXT_TOKENS = frozenset(("inline", "html_block"))
_CODE_TOKENS = frozenset(("fence", "code_block", "colon_fence"))


def _bold_text(block: Block) -> str:
    """The text inside the bold run of a heading-like paragraph."""
    children = block.tokens[1].children or []
    return "".join(c.content for c in children if c.type == "text").strip(" :.") or block.text


def _looks_like_heading(block: Block) -> bool:
    """A paragraph that is one bold run on one line, short enough to be a heading.

    A colon or period after the bold run (``**3.2. Tồn tại**:``) is allowed.
    """
    inline = block.tokens[1] if len(block.tokens) > 1 else None
    if inline is None or inline.type != "inline" or "\n" in inline.content:
        return False
    if "**" not in inline.content and "__" not in inline.content:
        return False  # no bold run: markdown-it's strong_open needs one of these
    children = [
        c
        for c in inline.children or []
        if not (c.type == "text" and c.content.strip() in ("", ":", "."))
    ]
    if (
        len(children) < 3
        or children[0].type != "strong_open"
        or children[-1].type != "strong_close"
    ):
        return False
    if any(c.type == "strong_open" for c in children[1:-1]):
        return False
    return len(inline.content.split()) <= BOLD_HEADING_MAX_WORDS
