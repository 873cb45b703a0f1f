"""What a Word file with tracked changes holds with no tracked change: listed, not made.

A leader may turn Track Changes off for a while, or accept some changes before saving;
the file with every change rejected then differs from the unit's Word file built now.
The same difference comes from an edit of the Markdown made after the Word file was
sent out, and the file cannot tell which: such a paragraph is listed for the officer,
never written (writing it could undo the officer's own edit).
"""

from __future__ import annotations

from baocao.wordin.placing import key, pair
from baocao.wordin.sourcemap import SourceBlock
from baocao.wordin.wordparas import Versions

REASON = "onto.reason.untracked"


def untracked(
    versions: Versions, source_of: dict[int, int], blocks: list[SourceBlock]
) -> list[tuple[str, str, int, SourceBlock | None]]:
    """(text built now, text of the Word file, Word paragraph, block) for each paragraph
    the Word file changed with no tracked change; a text is empty for a paragraph added
    or removed."""
    if versions.built is None:
        return []
    before, built = versions.before, versions.built
    accepted = {key(p.text) for p in versions.after}
    by_text = {key(b.plain): b for b in blocks}
    out = []
    for i, k in pair([p.text for p in before], [p.text for p in built]):
        was = key(built[k].text) if k is not None else ""
        now = key(before[i].text) if i is not None else ""
        if was == now or (now and now not in accepted) or (was and was in accepted):
            continue  # the same, or changed by a tracked change
        block = blocks[source_of[i]] if i is not None and i in source_of else by_text.get(was)
        text_was = built[k].text if k is not None else ""
        text_now = before[i].text if i is not None else ""
        number = (i if i is not None else k if k is not None else 0) + 1
        out.append((text_was, text_now, number, block))
    return out
