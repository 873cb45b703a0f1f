"""The rules reference (docs/rules.md), generated from the rules' docstrings.

    python -m baocao.lint.ruledocs > docs/rules.md

A test fails when docs/rules.md differs from ``render()``: edit the docstring of
the rule (in lint/rules/*.py), never the generated file.
"""

from __future__ import annotations

import inspect
import sys

from baocao.lint.rules import ALL_RULES
from baocao.lint.rules.base import Rule

FAMILIES = {
    "loading": "Đọc tệp (BC0xx)",
    "structure": "Cấu trúc (BC1xx)",
    "content": "Nội dung (BC2xx)",
    "metadata": "Thông tin đầu tệp (BC3xx)",
    "text": "Chữ tiếng Việt (BC4xx)",
    "safety": "An toàn (BC5xx)",
    "awards": "Số liệu khen thưởng (BC6xx)",
}
SEVERITY = {"error": "lỗi", "warning": "cảnh báo"}

HEADER = """\
# Các quy tắc kiểm tra (`baocao lint`)

<!-- Tệp này được sinh tự động: python -m baocao.lint.ruledocs > docs/rules.md
     Sửa chú thích (docstring) của quy tắc trong tooling/baocao/lint/rules/, không sửa tệp này. -->

Mỗi quy tắc có một mã cố định (`BC101`) và một tên (`missing-section`). Dùng mã, tên,
tiền tố mã (`BC1`) hoặc nhóm (`structure`) với `--select` và `--ignore`, hoặc trong
`select`/`ignore` của `[tool.baocao]` trong pyproject.toml. Bỏ qua một phát hiện bằng
dòng ghi chú `% baocao: ignore BC101` ngay trước dòng có phát hiện đó.

Mức: **lỗi** làm lệnh kết thúc với mã 1 (chưa đạt); **cảnh báo** chỉ để lưu ý.
Quy tắc đánh dấu *tự sửa được* được `baocao lint --fix` sửa (xem trước bằng `--diff`).
"""


def _doc(rule: type[Rule]) -> str:
    return inspect.cleandoc(rule.__doc__ or "")


def _anchor(rule: type[Rule]) -> str:
    return f"{rule.code.lower()}-{rule.name}"


def summary(rule: type[Rule]) -> str:
    return _doc(rule).split("\n", 1)[0].strip()


def body(rule: type[Rule]) -> str:
    """The docstring after its summary line, "Ví dụ sai:" and "Ví dụ đúng:" as headings."""
    rest = _doc(rule).split("\n", 1)[1] if "\n" in _doc(rule) else ""
    lines = []
    for line in rest.strip("\n").split("\n"):
        if line.strip() in ("Ví dụ sai:", "Ví dụ đúng:"):
            lines.append(f"**{line.strip().rstrip(':')}**")
        else:
            lines.append(line)
    return "\n".join(lines).strip()


def render() -> str:
    out = [HEADER]
    out.append("| Mã | Tên | Mức | Tự sửa | Nội dung |")
    out.append("| --- | --- | --- | --- | --- |")
    for rule in ALL_RULES:
        fixable = "có" if rule.fixable else ""
        out.append(
            f"| [{rule.code}](#{_anchor(rule)}) | `{rule.name}` | {SEVERITY[rule.severity]} "
            f"| {fixable} | {summary(rule).replace('|', chr(92) + '|')} |"
        )
    family = None
    for rule in ALL_RULES:
        if rule.family != family:
            family = rule.family
            out.append(f"\n## {FAMILIES.get(family, family)}")
        out.append(f"\n### {rule.code} {rule.name}\n")
        facts = f"Mức: **{SEVERITY[rule.severity]}**"
        if rule.fixable:
            facts += " · *tự sửa được* (`baocao lint --fix`)"
        out.append(summary(rule) + "\n")
        out.append(facts + "\n")
        text = body(rule)
        if text:
            out.append(text)
    return "\n".join(out).rstrip() + "\n"


def main() -> None:
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
