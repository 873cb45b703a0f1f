"""Shared by the Word-shapes tests (no tests here): tracked changes in the shapes Microsoft
Word writes them, made on the document model (python-docx's lxml elements).

Word does not keep a paragraph's text in one run: it splits runs by editing session
(``w:rsidR``), puts ``w:proofErr`` marks and bookmarks between the pieces of a word,
and a tracked change then covers several runs. ``fragment`` makes a paragraph so; the
edits (``delete``, ``insert``, ``replace``) work on character offsets of the
paragraph's text whatever its runs.
"""

from __future__ import annotations

import copy
import itertools

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

AUTHOR = "Giám đốc Sở"
OTHER = "Phó Giám đốc Lê Văn B"
DATE = "2026-01-05T09:00:00Z"
LATER = "2026-01-06T14:30:00Z"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_TEXTS = (qn("w:t"), qn("w:delText"))
_ids = itertools.count(5000)


def text_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def find(document, contains: str):
    """The first body paragraph whose visible text holds ``contains``."""
    for element in document.element.body.iter(qn("w:p")):
        if contains in text_of(element):
            return element
    raise AssertionError(f"no paragraph with {contains!r}")


def mark(tag: str, author: str = AUTHOR, date: str = DATE):
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(next(_ids)))
    element.set(qn("w:author"), author)
    element.set(qn("w:date"), date)
    return element


def _runs(paragraph) -> list:
    """The paragraph's runs holding visible text, in order (inside hyperlinks, insertions)."""
    return [
        r for r in paragraph.iter(qn("w:r")) if r.find(qn("w:t")) is not None and not _is_deleted(r)
    ]


def _is_deleted(run) -> bool:
    return any(a.tag in (qn("w:del"), qn("w:moveFrom")) for a in run.iterancestors())


def run_with(run, text: str, tag: str = "w:t", rsid: str | None = None):
    """A copy of ``run`` (its formatting) holding only ``text``."""
    copied = copy.deepcopy(run)
    for child in list(copied):
        if child.tag != qn("w:rPr"):
            copied.remove(child)
    element = OxmlElement(tag)
    element.set(_SPACE, "preserve")
    element.text = text
    copied.append(element)
    if rsid is not None:
        copied.set(qn("w:rsidR"), rsid)
    return copied


def _split(paragraph, offset: int):
    """Make a run boundary at character ``offset``; the run starting there, or None at
    the end."""
    at = 0
    for run in _runs(paragraph):
        text = text_of(run)
        if at == offset:
            return run
        if at < offset < at + len(text):
            cut = offset - at
            first, second = run_with(run, text[:cut]), run_with(run, text[cut:])
            run.addprevious(first)
            run.addprevious(second)
            run.getparent().remove(run)
            return second
        at += len(text)
    return None


def covering(paragraph, start: int, end: int) -> list:
    """The runs holding characters ``start:end``, split so they hold just those."""
    _split(paragraph, start)
    _split(paragraph, end)
    out, at = [], 0
    for run in _runs(paragraph):
        length = len(text_of(run))
        if start <= at and at + length <= end and length:
            out.append(run)
        at += length
    return out


def fragment(paragraph, every: int = 7) -> None:
    """Split the paragraph's runs every ``every`` characters (inside words), with other
    rsids, a spelling mark around one piece and a bookmark between two, as Word does."""
    length = len(text_of(paragraph))
    for offset in range(every, length, every):
        _split(paragraph, offset)
    for number, run in enumerate(_runs(paragraph)):
        run.set(qn("w:rsidR"), f"00{number:06X}")
        if number == 2:
            start, end = OxmlElement("w:proofErr"), OxmlElement("w:proofErr")
            start.set(qn("w:type"), "spellStart")
            end.set(qn("w:type"), "spellEnd")
            run.addprevious(start)
            run.addnext(end)
        if number == 4:
            run.addprevious(bookmark_start("_Hlk1", 7))
            run.addnext(bookmark_end(7))


def bookmark_start(name: str, number: int):
    element = OxmlElement("w:bookmarkStart")
    element.set(qn("w:id"), str(number))
    element.set(qn("w:name"), name)
    return element


def bookmark_end(number: int):
    element = OxmlElement("w:bookmarkEnd")
    element.set(qn("w:id"), str(number))
    return element


def delete(paragraph, start: int, end: int, author: str = AUTHOR, date: str = DATE) -> None:
    """Characters ``start:end`` deleted with Track Changes, one ``w:del`` per run."""
    for run in covering(paragraph, start, end):
        for text in run.iter(qn("w:t")):
            text.tag = qn("w:delText")
        wrapper = mark("w:del", author, date)
        run.addprevious(wrapper)
        wrapper.append(run)


def insert(paragraph, at: int, text: str, author: str = AUTHOR, date: str = DATE):
    """``text`` inserted at character ``at`` with Track Changes; the ``w:ins`` made."""
    following = _split(paragraph, at)
    template = following if following is not None else _runs(paragraph)[-1]
    wrapper = mark("w:ins", author, date)
    wrapper.append(run_with(template, text, rsid="00ABCDEF"))
    if following is not None:
        following.addprevious(wrapper)
    else:
        template.addnext(wrapper)
    return wrapper


def replace(paragraph, old: str, new: str, author: str = AUTHOR, date: str = DATE) -> None:
    """The first ``old`` of the paragraph's text deleted and ``new`` put after it."""
    start = text_of(paragraph).index(old)
    end = start + len(old)
    if new:
        insert(paragraph, end, new, author, date)
    if old:
        delete(paragraph, start, end, author, date)


def mark_paragraph(paragraph, tag: str, author: str = AUTHOR, date: str = DATE) -> None:
    """The paragraph's mark (its end) inserted or deleted: ``w:pPr/w:rPr/w:ins|w:del``."""
    properties = paragraph.get_or_add_pPr()
    marks = properties.find(qn("w:rPr"))
    if marks is None:
        marks = OxmlElement("w:rPr")
        properties.append(marks)
    marks.append(mark(tag, author, date))


def delete_paragraph(paragraph, author: str = AUTHOR, date: str = DATE) -> None:
    delete(paragraph, 0, len(text_of(paragraph)), author, date)
    mark_paragraph(paragraph, "w:del", author, date)


def new_paragraph_after(paragraph, text: str, author: str = AUTHOR, date: str = DATE):
    """Enter at the end of ``paragraph`` and ``text`` typed, as Word records it: the
    paragraph's own mark becomes the inserted one; the new paragraph holds the text."""
    added = OxmlElement("w:p")
    if paragraph.pPr is not None:
        added.append(copy.deepcopy(paragraph.pPr))
    template = _runs(paragraph)[0]
    wrapper = mark("w:ins", author, date)
    wrapper.append(run_with(template, text))
    added.append(wrapper)
    paragraph.addnext(added)
    mark_paragraph(paragraph, "w:ins", author, date)
    return added


def split_paragraph(paragraph, at: int, author: str = AUTHOR, date: str = DATE):
    """Enter typed at character ``at``: the runs after it go to a new paragraph that keeps
    the old mark; the first part's mark is the inserted one."""
    following = _split(paragraph, at)
    second = OxmlElement("w:p")
    if paragraph.pPr is not None:
        second.append(copy.deepcopy(paragraph.pPr))
    moving = False
    for child in list(paragraph):
        moving = moving or child is following
        if moving:
            second.append(child)
    paragraph.addnext(second)
    mark_paragraph(paragraph, "w:ins", author, date)
    return second


def join_with_next(paragraph, author: str = AUTHOR, date: str = DATE) -> None:
    """The paragraph's mark deleted (Delete pressed at its end): it joins the next one."""
    mark_paragraph(paragraph, "w:del", author, date)


def _move_range(tag: str, name: str, number: int):
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(number))
    element.set(qn("w:name"), name)
    element.set(qn("w:author"), AUTHOR)
    element.set(qn("w:date"), DATE)
    return element


def _move_range_end(tag: str, number: int):
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(number))
    return element


def move_paragraph(paragraph, after, name: str = "move1") -> None:
    """The whole paragraph moved after paragraph ``after``: ``w:moveFrom`` where it was,
    ``w:moveTo`` where it goes, with their named ranges, as Word writes a move."""
    moved = copy.deepcopy(paragraph)
    for element in (paragraph, moved):
        for wrapper in element.findall(qn("w:ins")) + element.findall(qn("w:del")):
            raise AssertionError(f"move a paragraph without changes ({wrapper.tag})")
    _wrap_runs(paragraph, "w:moveFrom", deleted=True)
    mark_paragraph(paragraph, "w:moveFrom")
    paragraph.insert(_after_ppr(paragraph), _move_range("w:moveFromRangeStart", name, 11))
    paragraph.append(_move_range_end("w:moveFromRangeEnd", 11))
    _wrap_runs(moved, "w:moveTo", deleted=False)
    mark_paragraph(moved, "w:moveTo")
    moved.insert(_after_ppr(moved), _move_range("w:moveToRangeStart", name, 12))
    moved.append(_move_range_end("w:moveToRangeEnd", 12))
    after.addnext(moved)


def move_phrase(source, phrase: str, target, at: int, name: str = "move2") -> None:
    """Words ``phrase`` cut from ``source`` and put at character ``at`` of ``target``."""
    start = text_of(source).index(phrase)
    runs = covering(source, start, start + len(phrase))
    template = runs[0]
    wrapper = mark("w:moveFrom")
    runs[0].addprevious(_move_range("w:moveFromRangeStart", name, 13))
    runs[0].addprevious(wrapper)
    for run in runs:
        for text in run.iter(qn("w:t")):
            text.tag = qn("w:delText")
        wrapper.append(run)
    wrapper.addnext(_move_range_end("w:moveFromRangeEnd", 13))
    following = _split(target, at)
    moved = mark("w:moveTo")
    moved.append(run_with(template, phrase))
    following.addprevious(_move_range("w:moveToRangeStart", name, 14))
    following.addprevious(moved)
    following.addprevious(_move_range_end("w:moveToRangeEnd", 14))


def _after_ppr(paragraph) -> int:
    return 1 if paragraph.pPr is not None else 0


def _wrap_runs(paragraph, tag: str, deleted: bool) -> None:
    runs = [r for r in paragraph if r.tag == qn("w:r")]
    if not runs:
        return
    wrapper = mark(tag)
    runs[0].addprevious(wrapper)
    for run in runs:
        if deleted:
            for text in run.iter(qn("w:t")):
                text.tag = qn("w:delText")
        wrapper.append(run)


def bold_change(paragraph, words: str) -> None:
    """``words`` made bold with Track Changes: ``w:rPrChange`` keeps the old properties."""
    start = text_of(paragraph).index(words)
    for run in covering(paragraph, start, start + len(words)):
        properties = run.find(qn("w:rPr"))
        if properties is None:
            properties = OxmlElement("w:rPr")
            run.insert(0, properties)
        old = OxmlElement("w:rPr")
        for child in properties:
            old.append(copy.deepcopy(child))
        properties.insert(0, OxmlElement("w:b"))
        change = mark("w:rPrChange")
        change.append(old)
        properties.append(change)


def centre_change(paragraph) -> None:
    """The paragraph centred with Track Changes: ``w:pPrChange`` keeps the old ``w:pPr``."""
    properties = paragraph.get_or_add_pPr()
    old = OxmlElement("w:pPr")
    for child in properties:
        if child.tag != qn("w:rPr"):
            old.append(copy.deepcopy(child))
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), "center")
    marks = properties.find(qn("w:rPr"))
    if marks is not None:
        marks.addprevious(jc)
    else:
        properties.append(jc)
    change = mark("w:pPrChange")
    change.append(old)
    properties.append(change)


def hyperlink(paragraph, words: str, document) -> None:
    """``words`` made a hyperlink (an external relationship), as Word's Ctrl+K does."""
    start = text_of(paragraph).index(words)
    runs = covering(paragraph, start, start + len(words))
    rid = document.part.relate_to(
        "https://sonoivu.example.gov.vn/", qn("r:hyperlink").split("}")[0][1:], is_external=True
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    runs[0].addprevious(link)
    for run in runs:
        link.append(run)


def page_field_run(template) -> list:
    """A PAGE field as Word writes it in the body: begin, instruction, separate, result, end."""
    out = []
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "3")):
        run = run_with(template, text or "", tag="w:instrText" if text == " PAGE " else "w:t")
        if kind is not None:
            for child in [c for c in run if c.tag != qn("w:rPr")]:
                run.remove(child)
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        out.append(run)
    end = run_with(template, "")
    for child in [c for c in end if c.tag != qn("w:rPr")]:
        end.remove(child)
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end.append(char)
    out.append(end)
    return out


def accept_some(document, author: str) -> None:
    """Accept, in the file, the changes of one ``author`` only (as Word's "Accept All
    Changes by this reviewer" does before a save): their insertions stay as plain text,
    their deletions go."""
    body = document.element.body
    for element in list(body.iter(qn("w:ins"), qn("w:del"))):
        if element.get(qn("w:author")) != author or element.getparent().tag == qn("w:rPr"):
            continue
        parent = element.getparent()
        if element.tag == qn("w:del"):
            parent.remove(element)
            continue
        index = parent.index(element)
        for offset, child in enumerate(list(element)):
            parent.insert(index + offset, child)
        parent.remove(element)


_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"


def _odf(tag: str) -> str:
    return f"{{{_ODF_TEXT}}}{tag}"


def libreoffice_accepted(flat_odt: bytes) -> list[str]:
    """The paragraphs of a flat ODF text (LibreOffice's own reading of a .docx) with every
    tracked change accepted: what lies between the start and end marks of a deletion
    goes (a paragraph end there joins two paragraphs), the rest stays."""
    from lxml import etree

    root = etree.fromstring(flat_odt)
    body = root.find(f"{{{_ODF_OFFICE}}}body/{{{_ODF_OFFICE}}}text")
    deletions = {
        region.get("{http://www.w3.org/XML/1998/namespace}id") or region.get(_odf("id"))
        for region in body.iter(_odf("changed-region"))
        if region.find(_odf("deletion")) is not None
    }
    for changes in body.findall(_odf("tracked-changes")):
        body.remove(changes)
    out, current, deleting = [], [], set()
    for kind, value in _odf_stream(body):
        if kind == "start" and value in deletions:
            deleting.add(value)
        elif kind == "end":
            deleting.discard(value)
        elif kind == "text" and not deleting:
            current.append(value)
        elif kind == "break" and not deleting:
            out.append("".join(current))
            current = []
    return out


_SKIPPED = (_odf("note"), f"{{{_ODF_OFFICE}}}annotation", f"{{{_ODF_OFFICE}}}annotation-end")


def _odf_stream(element):
    """The text, change marks and paragraph ends of ``element`` in document order."""
    for child in element:
        tag = child.tag
        if tag in (_odf("change-start"), _odf("change-end")):
            kind = "start" if tag == _odf("change-start") else "end"
            yield kind, child.get(_odf("change-id"))
        elif tag == _odf("s"):
            yield "text", " " * int(child.get(_odf("c"), "1"))
        elif tag == _odf("tab"):
            yield "text", "\t"
        elif tag == _odf("line-break"):
            yield "text", "\n"
        elif tag not in _SKIPPED:
            if child.text:
                yield "text", child.text
            yield from _odf_stream(child)
            if tag in (_odf("p"), _odf("h")):
                yield "break", None
        if child.tail:
            yield "text", child.tail
