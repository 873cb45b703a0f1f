"""Two versions of a paragraph's pandoc inlines → one, the changed words in marked Spans.

The inlines are cut into atoms: words, spaces and punctuation of the text (the
same tokens as ``redline.words``), each with the formatting around it (emphasis,
strong, a link...); an element that cannot be cut (an image, a footnote, code,
a formula, quoted text) is one atom. difflib aligns the old and new atoms; the
result keeps today's atoms in order, the removed ones among them inside Spans
of class ``deletion`` and the added ones inside Spans of class ``insertion``,
which pandoc's docx writer turns into ``w:del`` and ``w:ins`` runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import panflute as pf

from baocao.redline.words import TOKEN

INSERTION, DELETION = "insertion", "deletion"
# Elements that only format their content: a change inside them can be cut out of them.
_FORMATTING = (
    pf.Emph,
    pf.Strong,
    pf.Underline,
    pf.Strikeout,
    pf.Superscript,
    pf.Subscript,
    pf.SmallCaps,
    pf.Link,
    pf.Span,
)


@dataclass(frozen=True)
class Atom:
    """A word, space, punctuation mark or uncut element, and the formatting around it."""

    key: tuple[str, ...]
    element: pf.Inline
    path: tuple[pf.Inline, ...]


@dataclass(frozen=True)
class Marker:
    """What pandoc needs to write a revision mark: its class and the author and date."""

    author: str
    date: str

    def span(self, kind: str, content: list[pf.Inline]) -> pf.Span:
        attributes = {"author": self.author, "date": self.date}
        return pf.Span(*content, classes=[kind], attributes=attributes)


def atoms(inlines: Iterable[pf.Inline], path: tuple[pf.Inline, ...] = ()) -> Iterator[Atom]:
    """The atoms of ``inlines`` in reading order."""
    outer = tuple(_wrapper_key(w) for w in path)
    for item in inlines:
        if isinstance(item, pf.Str):
            for piece in TOKEN.findall(item.text):
                yield Atom(("t", piece, *outer), pf.Str(piece), path)
        elif isinstance(item, pf.Space | pf.SoftBreak):
            yield Atom(("t", " ", *outer), pf.Space(), path)
        elif _cuttable(item):
            yield from atoms(item.content, (*path, item))
        else:
            yield Atom(("e", _json(item), *outer), item, path)


def words_of(inlines: Iterable[pf.Inline]) -> list[Atom]:
    return list(atoms(inlines))


def merge_inlines(old: Sequence[Atom], new: Sequence[Atom], marker: Marker) -> list[pf.Inline]:
    """Today's inlines with the words removed since ``old`` and the words added marked."""
    matcher = SequenceMatcher(None, [a.key for a in old], [a.key for a in new], autojunk=False)
    marked: list[tuple[Atom, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            marked += [(atom, "") for atom in new[j1:j2]]
        else:
            marked += [(atom, DELETION) for atom in old[i1:i2]]
            marked += [(atom, INSERTION) for atom in new[j1:j2]]
    return rebuild(marked, marker)


def rebuild(marked: Sequence[tuple[Atom, str]], marker: Marker) -> list[pf.Inline]:
    """Inlines for the atoms: a run of atoms with the same formatting and mark kept together."""
    result: list[pf.Inline] = []
    group: list[pf.Inline] = []
    current: tuple[tuple[tuple[str, ...], ...], str] | None = None
    path: tuple[pf.Inline, ...] = ()
    kind = ""
    for atom, atom_kind in marked:
        key = (tuple(_wrapper_key(w) for w in atom.path), atom_kind)
        if key != current and group:
            result.append(_wrapped(group, path, kind, marker))
            group = []
        current, path, kind = key, atom.path, atom_kind
        group.append(atom.element)
    if group:
        result.append(_wrapped(group, path, kind, marker))
    return [item for chunk in result for item in chunk]


def _wrapped(
    content: list[pf.Inline], path: tuple[pf.Inline, ...], kind: str, marker: Marker
) -> list[pf.Inline]:
    inner: list[pf.Inline] = [marker.span(kind, content)] if kind else content
    for wrapper in reversed(path):
        inner = [_like(wrapper, inner)]
    return inner


def _like(wrapper: pf.Inline, content: list[pf.Inline]) -> pf.Inline:
    """A formatting element like ``wrapper`` holding ``content``."""
    if isinstance(wrapper, pf.Link):
        return pf.Link(*content, url=wrapper.url, title=wrapper.title)
    if isinstance(wrapper, pf.Span):
        return pf.Span(*content, classes=list(wrapper.classes), attributes=dict(wrapper.attributes))
    return type(wrapper)(*content)


def _cuttable(item: pf.Inline) -> bool:
    if not isinstance(item, _FORMATTING):
        return False
    return not (isinstance(item, pf.Span | pf.Link) and item.identifier)


def _wrapper_key(wrapper: pf.Inline) -> tuple[str, ...]:
    if isinstance(wrapper, pf.Link):
        return ("Link", wrapper.url, wrapper.title)
    if isinstance(wrapper, pf.Span):
        return ("Span", " ".join(wrapper.classes), _json(dict(wrapper.attributes)))
    return (type(wrapper).__name__,)


def _json(item: pf.Element | dict) -> str:
    data = item.to_json() if isinstance(item, pf.Element) else item
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
