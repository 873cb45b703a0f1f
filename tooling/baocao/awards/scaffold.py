"""A unit's data file as the scaffold writes it: every kind of the form's tables at 0,
with comments in Vietnamese saying what each table, kind and column means.

``baocao new`` writes it with a new unit, ``baocao new <slug> --data-only`` into an
existing unit that has none, ``baocao nam-moi`` for the new year. It never overwrites.
"""

from __future__ import annotations

from pathlib import Path

from baocao.awards.load import NOMINEES_KEY, YEAR_KEY
from baocao.awards.model import DATA_FILE, AwardSchema, Column, Kind
from baocao.awards.schema import has_schema, load_schema
from baocao.errors import BaocaoError
from baocao.fsutil import write_new

HEADER = """\
# Số liệu khen thưởng năm {year} của đơn vị ({tables} trong báo cáo).
# baocao kiểm tra, tự tính tổng cộng và tỷ lệ, tổng hợp cho toàn tỉnh:
# chỉ ghi số nguyên bằng chữ số (không kèm chữ), không có thì để 0.
# Dòng "Trong đó" là một phần của cột tổng đứng trước nó, không được lớn hơn.
"""

NOMINEE_EXAMPLE = """\
# Danh sách đề nghị ({table}): mỗi tập thể, cá nhân một mục, ví dụ:
#   - ten: Nguyễn Văn An
#     chuc-vu: Chuyên viên
#     don-vi: Phòng Tổ chức cán bộ
#     hinh-thuc: {kind}
#     thanh-tich: Hoàn thành xuất sắc nhiệm vụ năm {year}
#     tap-the: false   # true nếu là tập thể
"""


def scaffold_awards(year: int, schema: AwardSchema) -> str:
    """The text of a new data file for report year ``year``."""
    lines = HEADER.format(year=year, tables=", ".join(t.label for t in schema.tables)).splitlines()
    lines += ["", f"{YEAR_KEY}: {year}"]
    for table in schema.tables:
        lines += ["", f"{table.id}:  # {table.label}: {table.title}"]
        for kind_id in table.kinds:
            kind = schema.kind(kind_id)
            if kind is not None:
                lines += [f"  {kind.id}:  # {kind.label}", *_zeros(schema, kind)]
    lines += ["", *_nominees(schema, year)]
    return "\n".join(lines) + "\n"


def data_files(form_dir: Path, year: int) -> dict[str, str]:
    """{DATA_FILE: text} for a new unit of the form in ``form_dir``, {} when the form
    has no commendation data."""
    if not has_schema(form_dir):
        return {}
    return {DATA_FILE: scaffold_awards(year, load_schema(form_dir))}


def write_data_file(unit_dir: Path, text: str, shown: str = "") -> Path:
    """Write ``unit_dir/khen-thuong.yaml`` whole at once; never over an existing file
    (the error names it as ``shown``, its path for the reader)."""
    target = unit_dir / DATA_FILE
    try:
        if target.is_symlink():
            raise FileExistsError(target)
        write_new(target, text)
    except FileExistsError:
        raise BaocaoError("awards.data-exists", file=shown or target) from None
    return target


def _zeros(schema: AwardSchema, kind: Kind) -> list[str]:
    """One line per column the kind may fill, at 0, with what the column counts."""
    allowed = {"collective": kind.collective, "individual": kind.individual}
    allowed["household"] = kind.household
    columns = [c for c in schema.columns if allowed.get(schema.recipient(c.id), True)]
    width = max((len(c.id) for c in columns), default=0)
    return [_cell(c, width) for c in columns]


def _cell(column: Column, width: int) -> str:
    key = f"    {column.id}: 0"
    return f"{key:<{width + 10}}# {column.label}"


def _nominees(schema: AwardSchema, year: int) -> list[str]:
    table = schema.table(schema.nominee_table)
    if table is None or not table.kinds:
        return []
    example = NOMINEE_EXAMPLE.format(table=table.label, kind=table.kinds[-1], year=year)
    return [*example.splitlines(), f"{NOMINEES_KEY}: []"]


def add_data_file(unit_dir: Path, form_dir: Path, year: int, shown: str = "") -> Path:
    """Write the sample data file into an existing unit that has none."""
    if not has_schema(form_dir):
        raise BaocaoError("awards.form-without-data", file=form_dir)
    return write_data_file(unit_dir, scaffold_awards(year, load_schema(form_dir)), shown)
