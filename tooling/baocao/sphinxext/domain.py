"""What the build learns about each unit while reading, kept in the environment.

Per unit (by slug): the lint summary and findings, the front matter, the title for
the year (collected when the unit's ``index`` document is read, see ``units.py``).
Per document: the unsafe content the builder removed from it (``safety.py``). Per
unit again: the names of its Word file and PDF when its page was last written
(``docx``, "word|pdf", kept by the main process only). Per document: the fault that
stopped its reading or its page (``faults``, see ``baocao.faults``). The units' last
commit dates, with the HEAD they were read at (``commits``, see ``lastchange.py``; main
process only). Per unit's ``index``: the files it depends on only for its dashboard row,
not for its doctree (``row_dependencies``, see ``units.py``; ``baocao diff`` reads an
index again only when a file its doctree depends on differs). The data is plain dicts
and lists, so it pickles with the environment and merges across parallel readers.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from sphinx.domains import Domain

UnitInfo = dict[str, Any]
Removal = dict[str, Any]
Fault = dict[str, Any]


class BaocaoDomain(Domain):
    name = "baocao"
    label = "baocao"
    data_version = 3  # 3: units carry the year their front matter declares
    initial_data: dict[str, Any] = {  # noqa: RUF012
        "units": {},
        "removed": {},
        "docx": {},
        "commits": {},
        "faults": {},
        "row_dependencies": {},
    }

    @property
    def units(self) -> dict[str, UnitInfo]:
        return self.data.setdefault("units", {})

    @property
    def removed(self) -> dict[str, list[Removal]]:
        return self.data.setdefault("removed", {})

    @property
    def docx(self) -> dict[str, str | None]:
        return self.data.setdefault("docx", {})

    @property
    def commits(self) -> dict[str, Any]:
        return self.data.setdefault("commits", {})

    @property
    def faults(self) -> dict[str, Fault]:
        return self.data.setdefault("faults", {})

    def note_fault(self, docname: str, fault: Fault) -> None:
        self.faults.setdefault(docname, fault)

    def faults_of(self, prefix: str) -> list[Fault]:
        """The faults of the documents whose names start with ``prefix`` (a unit's folder)."""
        return [fault for name, fault in sorted(self.faults.items()) if name.startswith(prefix)]

    @property
    def row_dependencies(self) -> dict[str, list[str]]:
        return self.data.setdefault("row_dependencies", {})

    def note_unit(self, info: UnitInfo) -> None:
        self.units[info["slug"]] = info

    def note_removed(self, docname: str, removal: Removal) -> None:
        self.removed.setdefault(docname, []).append(removal)

    def removed_in(self, docnames: Set[str]) -> list[Removal]:
        return [item for name in sorted(docnames) for item in self.removed.get(name, ())]

    def clear_doc(self, docname: str) -> None:
        self.removed.pop(docname, None)
        self.faults.pop(docname, None)
        self.row_dependencies.pop(docname, None)
        for slug in [s for s, info in self.units.items() if info["docname"] == docname]:
            del self.units[slug]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for slug, info in otherdata["units"].items():
            if info["docname"] in docnames:
                self.units[slug] = info
        for docname in docnames:
            if docname in otherdata["removed"]:
                self.removed[docname] = otherdata["removed"][docname]
            if docname in otherdata.get("faults", {}):
                self.faults[docname] = otherdata["faults"][docname]
            if docname in otherdata.get("row_dependencies", {}):
                self.row_dependencies[docname] = otherdata["row_dependencies"][docname]


def baocao_domain(env: Any) -> BaocaoDomain:
    domain = env.domains["baocao"]
    assert isinstance(domain, BaocaoDomain)
    return domain
