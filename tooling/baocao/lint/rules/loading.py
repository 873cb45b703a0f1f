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
    """Một liên kết (symlink) trỏ ra ngoài thư mục của đơn vị, hoặc thư mục đơn vị là liên kết.

    Tệp hay thư mục đó không bao giờ được đọc, kể cả khi dựng trang web và tệp Word.
    Liên kết trỏ tới một tệp khác trong chính thư mục của đơn vị thì được phép.

    Ví dụ sai:

    ```text
    bi-mat.md -> /etc/passwd
    ```

    Ví dụ đúng:

    ```text
    ban-sao.md -> 3-phuong-huong.md
    ```
    """

    code, name = "BC007", "path-outside"


class LimitExceeded(_LoaderRule):
    """Đơn vị vượt một giới hạn (kích thước tệp, số tệp, độ sâu thư mục, thời gian dựng).

    Đơn vị đó không được dựng, các đơn vị khác vẫn được dựng. Các giới hạn là thiết lập
    trong [tool.baocao] của pyproject.toml (docs/configuration.md).

    Ví dụ sai:

    ```toml
    max_file_bytes = 1000
    ```

    Ví dụ đúng:

    ```toml
    max_file_bytes = 5000000
    ```
    """

    code, name = "BC008", "limit-exceeded"


class UnitFault(_LoaderRule):
    """Có lỗi khi xử lý đơn vị; trang web và tệp Word của đơn vị không được tạo.

    Lỗi của một đơn vị không dừng việc kiểm tra và dựng các đơn vị khác. Thông báo nói
    lỗi gì và ở tệp nào; gửi nó cho người quản trị nếu không thấy chỗ sai trong báo cáo.

    Ví dụ sai:

    ```text
    (công cụ gặp lỗi khi kiểm tra đơn vị)
    ```

    Ví dụ đúng:

    ```text
    (công cụ kiểm tra đơn vị bình thường)
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
