"""What the Word file states about itself: the front matter, ready to print.

``DocumentMeta`` is plain data (it crosses process boundaries); the helpers
render the texts the decree fixes: the date line with its leading-zero rule,
"Số: ..." and the recipients' list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DocumentMeta:
    """The header, title and signature data of one unit's report."""

    unit: str
    co_quan: str
    so_ky_hieu: str
    document_type: str
    title: str
    co_quan_chu_quan: str = ""
    dia_danh: str = ""
    ngay: dt.date | None = None
    quyen_han: str = ""
    chuc_vu: str = ""
    nguoi_ky: str = ""
    noi_nhan: tuple[str, ...] = ()
    nam: int | None = None
    draft: bool = False

    @classmethod
    def from_front_matter(
        cls,
        unit: str,
        values: Mapping[str, Any],
        *,
        document_type: str,
        default_title: str,
        draft: bool,
    ) -> DocumentMeta:
        def text(key: str) -> str:
            return str(values.get(key) or "").strip()

        return cls(
            unit=unit,
            co_quan=text("co_quan"),
            so_ky_hieu=text("so_ky_hieu"),
            document_type=document_type,
            title=text("trich_yeu") or default_title,
            co_quan_chu_quan=text("co_quan_chu_quan"),
            dia_danh=text("dia_danh"),
            ngay=values.get("ngay"),
            quyen_han=text("quyen_han"),
            chuc_vu=text("chuc_vu"),
            nguoi_ky=text("nguoi_ky"),
            noi_nhan=tuple(str(item) for item in values.get("noi_nhan") or ()),
            nam=values.get("nam"),
            draft=draft,
        )

    @property
    def stamp(self) -> dt.date | None:
        """The date the file carries (core properties, zip entries): the report's date."""
        if self.ngay is not None:
            return self.ngay
        return dt.date(self.nam, 1, 1) if self.nam else None

    @property
    def number_line(self) -> str:
        return f"Số: {self.so_ky_hieu}" if self.so_ky_hieu else "Số:"

    @property
    def date_line(self) -> str:
        return place_date(self.dia_danh, self.ngay)

    def recipient_lines(self) -> list[str]:
        return recipient_lines(self.noi_nhan)


def day_month(date: dt.date) -> tuple[str, str]:
    """Day and month as written: a leading zero for days 1-9 and months 1-2 only."""
    day = f"{date.day:02d}"
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return day, month


def place_date(place: str, date: dt.date | None) -> str:
    """ "Bình Minh, ngày 05 tháng 01 năm 2026"; blanks where the date is not set."""
    if date is None:
        body = "ngày      tháng      năm"
    else:
        day, month = day_month(date)
        body = f"ngày {day} tháng {month} năm {date.year}"
    return f"{place}, {body}" if place else body[0].upper() + body[1:]


def recipient_lines(recipients: tuple[str, ...] | list[str]) -> list[str]:
    """Each recipient as "- x;", the last one (the archive, "Lưu: ...") ending with "."."""
    items = [item.strip().rstrip(";.,").strip() for item in recipients]
    items = [item for item in items if item]
    return [f"- {item}{'.' if i == len(items) - 1 else ';'}" for i, item in enumerate(items)]
