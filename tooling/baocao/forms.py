"""A form (mẫu) as data: load ``_templates/forms/<id>/form.yaml``, validate it, render it.

The form drives the scaffold, the linter and both builders. Titles and guidance
carry the years as ``{nam}`` (report year N), ``{nam_sau}`` (N+1) and
``{nam_truoc}`` (N-1).
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from baocao.errors import ConfigError
from baocao.text import slugify
from baocao.yamlio import LineMap, YamlProblem, load_yaml

YEAR_FIELDS = frozenset({"nam", "nam_sau", "nam_truoc"})
FORM_KEYS = {
    "id": str,
    "label": str,
    "document_type": str,
    "document_code": str,
    "title": str,
    "title_issued": list,
    "slips": list,
    "nodes": list,
    "plan": dict,
}
FORM_REQUIRED = ("id", "label", "document_type", "document_code", "title", "nodes")
NODE_KEYS = {
    "id": str,
    "number": str,
    "issued_number": str,
    "title": str,
    "issued": str,
    "required": bool,
    "guidance": list,
    "mentions": list,
    "children": list,
    "file": str,
}
NODE_REQUIRED = ("id", "number", "title")
PLAN_KEYS = {"section": str, "shown_in": str}  # baocao nam-moi: next year's plan, and where
RECOGNITION = "recognition.yaml"  # beside form.yaml: how units really name the sections
ON_FORM_MINIMUM = "on_form_minimum"


def year_params(year: int) -> dict[str, int]:
    return {"nam": year, "nam_sau": year + 1, "nam_truoc": year - 1}


def fill(template: str, year: int) -> str:
    """Render a title or guidance text for report year ``year``."""
    return template.format(**year_params(year))


@dataclass(frozen=True)
class Mention:
    """Something a section must address, e.g. one of the nine movements of 2.2 a)."""

    name: str
    words: tuple[str, ...]


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: loaded once, cached
class FormNode:
    id: str
    number: str
    issued_number: str
    title: str
    issued: str
    required: bool
    guidance: tuple[str, ...]
    mentions: tuple[Mention, ...]
    children: tuple[FormNode, ...]
    depth: int
    parent: str | None
    file: str
    cues: tuple[str, ...] = ()  # other headings units write for it (recognition.yaml)
    cue_words: tuple[str, ...] = ()  # body words that point to it (recognition.yaml)

    def title_for(self, year: int) -> str:
        return fill(self.title, year)

    def heading_for(self, year: int) -> str:
        """The heading the scaffold writes: corrected number and title."""
        return f"{self.number} {self.title_for(year)}"

    def issued_heading_for(self, year: int) -> str:
        """The heading line exactly as the form was issued."""
        return f"{self.issued_number} {fill(self.issued, year)}"

    def guidance_for(self, year: int) -> list[str]:
        return [fill(text, year) for text in self.guidance]

    def walk(self) -> Iterator[FormNode]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, eq=False)
class Form:
    id: str
    label: str
    document_type: str
    document_code: str
    title: str
    title_issued: tuple[str, ...]
    nodes: tuple[FormNode, ...]
    path: Path
    on_form_minimum: float = 0.0  # below this share of required sections: another outline
    plan_section: str = ""  # the node that is the plan for next year ("III")
    plan_shown_in: str = ""  # the node of next year's report that reports against it ("II")

    def title_for(self, year: int) -> str:
        return fill(self.title, year)

    def walk(self) -> list[FormNode]:
        """Every node, in the form's order (pre-order)."""
        return list(self._by_id.values())

    def node(self, node_id: str) -> FormNode:
        return self._by_id[node_id]

    @cached_property
    def _by_id(self) -> dict[str, FormNode]:
        return {node.id: node for top in self.nodes for node in top.walk()}

    def required_ids(self) -> list[str]:
        return [node.id for node in self.walk() if node.required]

    def issued_lines(self, year: int) -> list[str]:
        """Title, headings and guidance in the order of the issued text."""
        lines = [fill(line, year) for line in self.title_issued]
        for node in self.walk():
            lines.append(node.issued_heading_for(year))
            lines.extend(node.guidance_for(year))
        return lines


def available_forms(forms_dir: Path) -> list[str]:
    return sorted(p.parent.name for p in forms_dir.glob("*/form.yaml"))


def read_form_file(path: Path) -> tuple[Any, LineMap]:
    """A YAML file of a form (form.yaml and the files beside it) with its line map;
    ConfigError naming the file and line when it is not UTF-8 or not valid YAML."""
    try:
        return load_yaml(path.read_text("utf-8"))
    except YamlProblem as err:
        raise ConfigError(
            "form.yaml-syntax", file=path, line=err.line, problem=err.problem
        ) from None
    except UnicodeDecodeError:
        raise ConfigError("form.not-utf8", file=path) from None


@cache
def load_form(forms_dir: Path, form_id: str) -> Form:
    """Load and validate ``forms_dir/form_id/form.yaml``; raise ConfigError naming key and line."""
    path = forms_dir / form_id / "form.yaml"
    if not path.is_file():
        raise ConfigError(
            "form.not-found", form=form_id, known=", ".join(available_forms(forms_dir))
        )
    data, lines = read_form_file(path)
    cues, cue_lines = _load_recognition(path.parent / RECOGNITION)
    minimum = cues.pop(ON_FORM_MINIMUM, 0.0)
    form = _FormBuilder(path, lines, cues).form(data, minimum)
    unknown = [node_id for node_id in cues if node_id not in form._by_id]
    if unknown:
        raise ConfigError(
            "form.recognition-unknown-node",
            file=path.parent / RECOGNITION,
            line=cue_lines.line(("nodes", unknown[0])),
            id=unknown[0],
        )
    return form


def _load_recognition(path: Path) -> tuple[dict[str, dict[str, tuple[str, ...]]], LineMap]:
    """node id -> {"headings": ..., "words": ...} from recognition.yaml, {} when absent."""
    if not path.is_file():
        return {}, LineMap()
    data, lines = read_form_file(path)
    builder = _FormBuilder(path, lines, {})
    spec = {"nodes": dict, ON_FORM_MINIMUM: float}
    data = builder.check_mapping(data, (), spec, ("nodes",))
    nodes = data["nodes"]
    result: dict = {ON_FORM_MINIMUM: data.get(ON_FORM_MINIMUM, 0.0)}
    for node_id, entry in nodes.items():
        where = ("nodes", node_id)
        entry = builder.check_mapping(entry, where, {"headings": list, "words": list}, ())
        result[str(node_id)] = {
            key: builder.texts(entry.get(key, []), (*where, key), key)
            for key in ("headings", "words")
        }
    return result, lines


class _FormBuilder:
    """Turns the parsed YAML into a Form, checking each key as it goes."""

    def __init__(self, path: Path, lines: LineMap, cues: dict[str, dict]) -> None:
        self.path = path
        self.lines = lines
        self.cues = cues
        self.seen_ids: set[str] = set()

    def fail(self, where: tuple[str | int, ...], key: str, problem: str, **params: Any) -> None:
        raise ConfigError(problem, file=self.path, line=self.lines.line(where), key=key, **params)

    def check_mapping(
        self, data: Any, where: tuple, spec: dict[str, type], required: tuple[str, ...]
    ) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.fail(where, ".".join(map(str, where)) or "(gốc)", "form.not-mapping")
        for key, value in data.items():
            if key not in spec:
                self.fail((*where, key), key, "form.unknown-key", known=", ".join(spec))
            if not isinstance(value, spec[key]):
                self.fail((*where, key), key, "form.wrong-type", expected=spec[key].__name__)
        for key in required:
            if key not in data or data[key] in ("", None, []):
                self.fail(where, key, "form.missing-key")
        return data

    def text(self, value: str, where: tuple, key: str) -> str:
        names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        if not names <= YEAR_FIELDS:
            self.fail(
                where, key, "form.bad-placeholder", names=", ".join(sorted(names - YEAR_FIELDS))
            )
        return " ".join(value.split())

    def texts(self, values: list[Any], where: tuple, key: str) -> tuple[str, ...]:
        for index, value in enumerate(values):
            if not isinstance(value, str):
                self.fail((*where, index), key, "form.wrong-type", expected="str")
        return tuple(self.text(v, (*where, i), key) for i, v in enumerate(values))

    def form(self, data: Any, on_form_minimum: float = 0.0) -> Form:
        data = self.check_mapping(data, (), FORM_KEYS, FORM_REQUIRED)
        if data["id"] != self.path.parent.name:
            self.fail(("id",), "id", "form.id-mismatch", folder=self.path.parent.name)
        nodes = self.nodes(data["nodes"], ("nodes",), 1, None)
        title = self.text(data["title"], ("title",), "title")
        issued = data.get("title_issued") or [title]
        plan = self.plan(data.get("plan") or {})
        return Form(
            id=data["id"],
            label=data["label"],
            document_type=data["document_type"],
            document_code=data["document_code"],
            title=title,
            title_issued=self.texts(issued, ("title_issued",), "title_issued"),
            nodes=nodes,
            path=self.path,
            on_form_minimum=on_form_minimum,
            plan_section=plan.get("section", ""),
            plan_shown_in=plan.get("shown_in", ""),
        )

    def plan(self, data: dict[str, Any]) -> dict[str, str]:
        """``plan``: both keys name nodes of the form (read after the nodes)."""
        if not data:
            return {}
        data = self.check_mapping(data, ("plan",), PLAN_KEYS, tuple(PLAN_KEYS))
        for key, node_id in data.items():
            if node_id not in self.seen_ids:
                self.fail(("plan", key), key, "form.plan-unknown-node", id=node_id)
        return data

    def nodes(
        self, items: list[Any], where: tuple, depth: int, parent: str | None
    ) -> tuple[FormNode, ...]:
        return tuple(self.node(item, (*where, i), depth, parent) for i, item in enumerate(items))

    def node(self, data: Any, where: tuple, depth: int, parent: str | None) -> FormNode:
        data = self.check_mapping(data, where, NODE_KEYS, NODE_REQUIRED)
        node_id = data["id"]
        if node_id in self.seen_ids:
            self.fail((*where, "id"), "id", "form.duplicate-id", id=node_id)
        self.seen_ids.add(node_id)
        title = self.text(data["title"], (*where, "title"), "title")
        return FormNode(
            id=node_id,
            number=data["number"],
            title=title,
            issued_number=data.get("issued_number", data["number"]),
            issued=self.text(data.get("issued", title), (*where, "issued"), "issued"),
            required=data.get("required", True),
            guidance=self.texts(data.get("guidance", []), (*where, "guidance"), "guidance"),
            mentions=self.mentions(data.get("mentions", []), (*where, "mentions")),
            children=self.nodes(data.get("children", []), (*where, "children"), depth + 1, node_id),
            depth=depth,
            parent=parent,
            file=data.get("file") or slugify(title),
            cues=self.cues.get(node_id, {}).get("headings", ()),
            cue_words=self.cues.get(node_id, {}).get("words", ()),
        )

    def mentions(self, items: list[Any], where: tuple) -> tuple[Mention, ...]:
        result = []
        for index, item in enumerate(items):
            spot = (*where, index)
            item = self.check_mapping(item, spot, {"name": str, "words": list}, ("name", "words"))
            words = self.texts(item["words"], (*spot, "words"), "words")
            result.append(Mention(" ".join(item["name"].split()), words))
        return tuple(result)
