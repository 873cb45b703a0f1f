"""Loading rules (BC0xx): a unit's files must be readable before anything else is checked.

The report loader finds these; the rules here only pass its findings on, so
that they can be selected, ignored and documented like every other rule.
"""

from __future__ import annotations

from collections.abc import Iterable

from baocao.diagnostics import Diagnostic
from baocao.lint.context import LintContext
from baocao.lint.rules.base import Rule


class _LoaderRule(Rule):
    family = "loading"

    def check(self, ctx: LintContext) -> Iterable[Diagnostic]:
        return [d for d in ctx.report.problems if d.code == self.code]


class NotUtf8(_LoaderRule):
    """Tệp không được lưu bằng mã UTF-8.

    Ví dụ sai:

    ```text
    (tệp lưu bằng mã Windows-1258 hoặc TCVN3)
    ```

    Ví dụ đúng:

    ```text
    (tệp lưu bằng mã UTF-8: trong VS Code chọn "Save with Encoding" > UTF-8)
    ```
    """

    code, name = "BC001", "not-utf8"


class FrontMatterSyntax(_LoaderRule):
    """Phần thông tin đầu tệp index.md (front matter) sai cú pháp YAML.

    Ví dụ sai:

    ```yaml
    co_quan: "SỞ NỘI VỤ
    ```

    Ví dụ đúng:

    ```yaml
    co_quan: SỞ NỘI VỤ
    ```
    """

    code, name = "BC002", "front-matter-syntax"


class MissingFile(_LoaderRule):
    """Mục lục (toctree) trỏ tới tệp không có, hoặc đơn vị thiếu tệp index.md.

    Ví dụ sai:

    ````md
    ```{toctree}
    1-dac-diem
    ```
    ````

    Ví dụ đúng:

    ````md
    ```{toctree}
    1-dac-diem-tinh-hinh
    ```
    ````
    """

    code, name = "BC003", "missing-file"


class EmptyFile(_LoaderRule):
    """Tệp trống.

    Ví dụ sai:

    ```md
    ```

    Ví dụ đúng:

    ```md
    # I. Đặc điểm tình hình
    ```
    """

    code, name = "BC004", "empty-file"


class ToctreeOutside(_LoaderRule):
    """Mục lục (toctree) trỏ ra ngoài thư mục của đơn vị.

    Ví dụ sai:

    ````md
    ```{toctree}
    ../don-vi-khac/index
    ```
    ````

    Ví dụ đúng:

    ````md
    ```{toctree}
    2-ket-qua/index
    ```
    ````
    """

    code, name = "BC005", "toctree-outside"


class UnreadableFile(_LoaderRule):
    """Không đọc được tệp (ví dụ không có quyền đọc).

    Ví dụ sai:

    ```text
    -rw------- root  1-dac-diem-tinh-hinh.md   (người dựng trang không đọc được)
    ```

    Ví dụ đúng:

    ```text
    -rw-r--r-- root  1-dac-diem-tinh-hinh.md
    ```
    """

    code, name = "BC006", "unreadable-file"


class PathOutside(_LoaderRule):
    """Thư mục của đơn vị là liên kết (symlink), hoặc một tệp là liên kết trỏ ra ngoài
    thư mục của đơn vị; tệp đó không bao giờ được đọc.

    Ví dụ sai:

    ```text
    reports/so-noi-vu/bi-mat.md -> /etc/passwd
    ```

    Ví dụ đúng:

    ```text
    reports/so-noi-vu/bi-mat.md   (tệp thật, trong thư mục của đơn vị)
    ```
    """

    code, name = "BC007", "path-outside"


class LimitExceeded(_LoaderRule):
    """Đơn vị vượt một giới hạn (tệp lớn nhất, dung lượng hoặc số tệp của đơn vị, độ sâu
    thư mục, thời gian dựng); đơn vị không được dựng, các đơn vị khác vẫn được dựng.

    Ví dụ sai:

    ```text
    reports/so-noi-vu/phu-luc.md   (30 MB, quá max_file_bytes)
    ```

    Ví dụ đúng:

    ```text
    reports/so-noi-vu/phu-luc.md   (200 KB)
    ```
    """

    code, name = "BC008", "limit-exceeded"


class UnitFault(_LoaderRule):
    """Có lỗi khi xử lý đơn vị (ví dụ ngày không có thật làm trình đọc hỏng); trang web và
    tệp Word của đơn vị không được tạo, các đơn vị khác vẫn được dựng.

    Ví dụ sai:

    ```yaml
    ngay: 2023-13-45
    ```

    Ví dụ đúng:

    ```yaml
    ngay: 2023-12-15
    ```
    """

    code, name = "BC009", "unit-fault"


RULES: list[type[Rule]] = [
    NotUtf8,
    FrontMatterSyntax,
    MissingFile,
    EmptyFile,
    ToctreeOutside,
    UnreadableFile,
    PathOutside,
    LimitExceeded,
    UnitFault,
]
