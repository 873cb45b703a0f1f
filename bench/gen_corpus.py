"""Synthetic corpus of unit reports (form mau-02) for benchmarks and scale tests.

Usage::

    python bench/gen_corpus.py N OUT [--seed S] [--year Y] [--words W] [--single-file-share F]

Writes N units into ``OUT/reports/<slug>/`` and ``OUT/reports/units.yaml``. The output is
a pure function of the arguments: two runs with the same seed give identical bytes.

Each unit is built from the form description (``_templates/forms/mau-02/form.yaml``): every
node of the form becomes one heading, in order, at the right effective level (its level in
its file plus the file's depth in the toctree). Only the style of a heading varies per unit
(numbering, case, trailing punctuation, abbreviations, the year dropped), so a good linter
matches every heading of every unit. Bodies are Vietnamese administrative sentences drawn
from built-in templates with numbers filled in, sized to about ``--words`` words a unit.

Import ``generate`` from this file to use it from benchmarks and tests (bench/ is not a
package; ``importlib.util.spec_from_file_location`` works, with or without registering the
module in ``sys.modules``).
"""

import argparse
import random
import re
import string
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
FORM_PATH = ROOT / "_templates" / "forms" / "mau-02" / "form.yaml"

PROVINCE = "Bình Minh"
GITHUB_ORG = "binh-minh-tdkt"
BOARD_TEAM = "ban-thi-dua"

# The tree layout: file stems of form nodes (DESIGN.md, "A unit's report"). Top-level nodes
# listed in FOLDER_NODES get a folder with an index.md and one file per child.
FILE_STEMS = {
    "I": "1-dac-diem-tinh-hinh",
    "II": "2-ket-qua",
    "II.1": "1-lanh-dao-chi-dao",
    "II.2": "2-ket-qua-phong-trao",
    "II.3": "3-danh-gia-chung",
    "II.4": "4-kien-nghi-de-xuat",
    "III": "3-phuong-huong",
}
FOLDER_NODES = frozenset({"II"})
TOCTREE_OPTIONS = (":maxdepth: 3",)

TABLE_NODE = "II.2.4.a"  # commendations granted (Mẫu số 10): where some units put a table
TABLE_SHARE = 0.2
NONE_SHARE = 0.35  # chance that an optional node says only "Không có."
NONE_TEXT = "Không có."
HALF_SENTENCE = 10  # words: stop adding sentences when this close to the target

# Sentence topics per form node; nodes not listed draw from "general" only.
TOPICS = {
    "I": "situation",
    "II.1": "leadership",
    "II.2.1": "results",
    "II.2.2.b": "campaigns",
    "II.2.2.c": "campaigns",
    "II.2.3": "politics",
    "II.2.4.a": "awards",
    "II.2.4.b": "process",
    "II.2.4.c": "models",
    "II.3.1": "achieved",
    "II.3.2": "limits",
    "II.4": "proposals",
    "III.1": "plan",
    "III.2": "solutions",
}

# Sentence templates, grouped by topic. A template may wrap over lines; a blank line ends it.
# Fields: {dv} the unit speaking of itself, {nam} {nam_sau} {nam_truoc} years, {pt} a
# movement; numbers {k} {n1} {n2} {n3} {p1} {p2} {p3} (see NUMBER_FIELDS).
SENTENCES = """
[situation]
Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn được giữ vững.

Năm {nam}, {dv} được giao {n1} nhiệm vụ trọng tâm, trong đó có {n2} chỉ tiêu chủ yếu gắn với
kế hoạch phát triển kinh tế - xã hội của tỉnh.

Tổng số cán bộ, công chức, viên chức và người lao động của {dv} là {n3} người, trong đó nữ
chiếm {p2}%.

Bên cạnh những thuận lợi, {dv} còn gặp không ít khó khăn do thời tiết diễn biến bất thường,
giá cả biến động và nguồn lực còn hạn chế.

Được sự quan tâm lãnh đạo, chỉ đạo của Tỉnh ủy, UBND tỉnh và sự phối hợp chặt chẽ của các cơ
quan liên quan, {dv} đã hoàn thành {p1}% kế hoạch năm {nam}.

Việc sắp xếp, kiện toàn tổ chức bộ máy theo chủ trương của Trung ương được thực hiện nghiêm
túc, bảo đảm hoạt động thông suốt, không gián đoạn.

[leadership]
Công tác thi đua, khen thưởng được đưa vào chương trình công tác trọng tâm của năm.

Ngay từ đầu năm, {dv} đã ban hành {n1} kế hoạch và {n2} văn bản chỉ đạo, hướng dẫn triển khai
phong trào thi đua, công tác khen thưởng.

Hội đồng Thi đua - Khen thưởng được kiện toàn kịp thời, duy trì chế độ họp định kỳ {k} lần
trong năm để đánh giá kết quả và bàn giải pháp.

Quy chế thi đua, khen thưởng của đơn vị được rà soát, sửa đổi, bổ sung bảo đảm phù hợp với
Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn thi hành.

Cấp ủy, thủ trưởng đơn vị thường xuyên quan tâm, trực tiếp chỉ đạo việc phát động, tổ chức,
sơ kết và tổng kết các phong trào thi đua.

Công tác tuyên truyền về thi đua, khen thưởng được đẩy mạnh trên trang thông tin điện tử với
{n2} tin, bài trong năm.

[results]
Các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch đề ra.

Kết quả thực hiện các chỉ tiêu được giao đạt {p1}% kế hoạch, tăng {p2}% so với năm
{nam_truoc}.

Thông qua phong trào thi đua, {n1} sáng kiến, giải pháp được công nhận và áp dụng có hiệu quả
trong thực tiễn.

Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt {p1}%, số hồ sơ tiếp nhận trực
tuyến tăng {p2}% so với cùng kỳ.

Tổng nguồn lực huy động cho các phong trào thi đua đạt {n3} triệu đồng, trong đó nguồn xã hội
hóa chiếm {p2}%.

[campaigns]
Các đợt thi đua đều có kế hoạch, tiêu chí cụ thể.

Trong năm, {dv} phát động {k} đợt thi đua theo chuyên đề, thu hút {n3} lượt cán bộ, người lao
động tham gia.

Các đợt thi đua cao điểm chào mừng các ngày lễ lớn của đất nước được tổ chức sôi nổi, có sơ
kết, khen thưởng kịp thời.

Phong trào thi đua do cụm, khối thi đua phát động được triển khai đồng bộ, gắn với việc ký kết
giao ước thi đua từ đầu năm.

[politics]
Trong năm không có cán bộ, đảng viên vi phạm kỷ luật.

Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được gắn với nhiệm vụ chính
trị của từng bộ phận, tạo chuyển biến rõ nét trong tác phong, lề lối làm việc.

Công tác phòng, chống tham nhũng, tiêu cực, thực hành tiết kiệm, chống lãng phí được triển
khai đồng bộ; trong năm không phát hiện vụ việc vi phạm.

Đã tổ chức {k} hội nghị quán triệt, triển khai các nghị quyết, chỉ thị của Đảng, chính sách
pháp luật của Nhà nước tới toàn thể cán bộ, đảng viên.

Công tác xây dựng Đảng, chính quyền và các đoàn thể trong sạch, vững mạnh được chú trọng;
{p1}% đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên.

[awards]
Số lượng khen thưởng cơ bản phù hợp với thành tích đạt được.

Trong năm {nam}, {dv} đã khen thưởng theo thẩm quyền cho {n1} tập thể và {n2} cá nhân, trong
đó người lao động trực tiếp chiếm {p2}%.

{dv} đã đề nghị UBND tỉnh tặng Bằng khen cho {k} tập thể và {n1} cá nhân có thành tích xuất
sắc trong thực hiện nhiệm vụ năm {nam}.

Công tác khen thưởng theo thủ tục đơn giản được quan tâm, {k} trường hợp có thành tích đột
xuất được khen thưởng kịp thời.

Tỷ lệ khen thưởng đối với tập thể nhỏ, công chức, viên chức không giữ chức vụ lãnh đạo và
người lao động trực tiếp đạt {p3}% tổng số khen thưởng.

[process]
Hồ sơ đề nghị khen thưởng được gửi đúng thời gian quy định.

Quy trình bình xét thi đua, khen thưởng được thực hiện công khai, dân chủ, đúng đối tượng,
tiêu chuẩn và thời gian quy định.

Hồ sơ đề nghị khen thưởng được thẩm định chặt chẽ; {p1}% hồ sơ được cấp có thẩm quyền phê
duyệt ngay lần đầu.

Hội đồng Thi đua - Khen thưởng đã họp {k} lần để xét, đề nghị cấp trên khen thưởng cho các
tập thể, cá nhân tiêu biểu.

[models]
Nhiều cách làm hay được chia sẻ, học tập trong toàn đơn vị.

Đã phát hiện, bồi dưỡng {n1} điển hình tiên tiến, trong đó {k} mô hình được giới thiệu nhân
rộng trên địa bàn tỉnh.

Các gương điển hình tiên tiến, nhân tố mới, cách làm hay được tuyên truyền rộng rãi qua {n2}
tin, bài, phóng sự.

Mô hình “Mỗi tuần một việc tốt” và “Dân vận khéo” tiếp tục được duy trì, lan tỏa tinh thần
thi đua trong toàn đơn vị.

[achieved]
Các phong trào thi đua gắn chặt với nhiệm vụ chuyên môn.

Nhìn chung, phong trào thi đua được triển khai sâu rộng, có trọng tâm, trọng điểm, góp phần
hoàn thành tốt nhiệm vụ chính trị năm {nam}.

Nhận thức của cán bộ, công chức, viên chức và người lao động về vị trí, vai trò của công tác
thi đua, khen thưởng được nâng lên rõ rệt.

Công tác khen thưởng bảo đảm kịp thời, chính xác, đúng người, đúng thành tích, có tác dụng
động viên, khích lệ tích cực.

[limits]
Một số hồ sơ đề nghị khen thưởng còn gửi chậm.

Một số phong trào thi đua còn mang tính hình thức, nội dung chưa thật sự cụ thể, thiết thực.

Việc phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến ở một số bộ phận chưa thường
xuyên, chưa kịp thời.

Nguyên nhân chủ yếu là một số người đứng đầu chưa quan tâm đúng mức; đội ngũ làm công tác
thi đua, khen thưởng còn kiêm nhiệm và thường xuyên thay đổi.

Tỷ lệ khen thưởng cho người lao động trực tiếp tuy đã tăng nhưng vẫn còn thấp so với yêu
cầu, chỉ đạt {p2}% tổng số.

[proposals]
Đề nghị tăng số lớp tập huấn nghiệp vụ hằng năm.

Đề nghị UBND tỉnh, Ban Thi đua - Khen thưởng tỉnh tiếp tục tổ chức tập huấn nghiệp vụ cho
đội ngũ làm công tác thi đua, khen thưởng.

Kiến nghị bố trí kinh phí khen thưởng phù hợp, bảo đảm mức chi theo quy định hiện hành.

Đề nghị sớm ban hành hướng dẫn thống nhất về quy trình xét khen thưởng trên môi trường điện
tử.

[plan]
Phát động phong trào thi đua ngay từ đầu năm {nam_sau}.

Năm {nam_sau}, {dv} tiếp tục đổi mới nội dung, hình thức tổ chức phong trào thi đua theo
hướng thiết thực, hiệu quả, tránh hình thức.

Phấn đấu {p1}% tập thể, cá nhân đăng ký thi đua và hoàn thành các chỉ tiêu được giao trong
năm {nam_sau}.

Tập trung triển khai các phong trào thi đua chào mừng các ngày lễ lớn, các sự kiện chính trị
quan trọng trong năm {nam_sau}.

[solutions]
Kịp thời biểu dương, nhân rộng các điển hình tiên tiến.

Tăng cường kiểm tra, giám sát việc thực hiện công tác thi đua, khen thưởng; kịp thời chấn
chỉnh những sai sót, hạn chế.

Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý hồ sơ thi đua, khen thưởng, phấn đấu
{p1}% hồ sơ được xử lý trên môi trường số.

Chú trọng khen thưởng người lao động trực tiếp, tập thể nhỏ và các trường hợp có thành tích
đột xuất.

Tổ chức sơ kết, tổng kết kịp thời các phong trào thi đua, biểu dương, khen thưởng những tập
thể, cá nhân tiêu biểu.

[general]
Công tác này được duy trì thường xuyên, nền nếp.

Kết quả trên đã góp phần quan trọng vào việc hoàn thành nhiệm vụ của {dv} năm {nam}.

Các bộ phận chuyên môn phối hợp chặt chẽ, chủ động tham mưu, đề xuất giải pháp tháo gỡ khó
khăn, vướng mắc.

Công đoàn cơ sở và Đoàn Thanh niên phát huy vai trò nòng cốt, vận động đoàn viên tích cực
hưởng ứng các phong trào thi đua.

Định kỳ hằng quý, {dv} tổ chức giao ban đánh giá tiến độ, kịp thời điều chỉnh kế hoạch cho
phù hợp với tình hình thực tế.

Trong năm, {n1} lượt tập thể, cá nhân được biểu dương tại các hội nghị sơ kết, tổng kết.

[movements]
Phong trào {pt} đạt {p1}% chỉ tiêu đề ra.

Thực hiện phong trào {pt}, {dv} đã triển khai {n1} mô hình, phần việc cụ thể với {n3} ngày
công tham gia.

Hưởng ứng phong trào {pt}, cán bộ, công chức, viên chức và người lao động tích cực tham gia,
đóng góp {n2} triệu đồng.

Phong trào {pt} được lồng ghép với nhiệm vụ chuyên môn, với {n1} hoạt động hưởng ứng và {n3}
lượt người tham gia.

Đối với phong trào {pt}, {dv} đã ban hành kế hoạch triển khai và đạt {p1}% chỉ tiêu đề ra.

Phong trào {pt} tiếp tục được quan tâm chỉ đạo, đạt nhiều kết quả thiết thực, tạo sức lan tỏa
sâu rộng.

[movement_intro]
Năm {nam}, {dv} tiếp tục hưởng ứng các phong trào thi đua do Thủ tướng Chính phủ, Tỉnh ủy,
UBND tỉnh phát động với nhiều hình thức phong phú, thiết thực.

[table_intro]
Kết quả khen thưởng theo thẩm quyền và đề nghị cấp trên khen thưởng năm {nam} được tổng hợp
tại bảng sau.
"""

DEPARTMENTS = (
    ("Sở Nội vụ", "SNV"),
    ("Sở Tài chính", "STC"),
    ("Sở Xây dựng", "SXD"),
    ("Sở Y tế", "SYT"),
    ("Sở Giáo dục và Đào tạo", "SGDĐT"),
    ("Sở Tư pháp", "STP"),
    ("Sở Công Thương", "SCT"),
    ("Sở Nông nghiệp và Môi trường", "SNNMT"),
    ("Sở Khoa học và Công nghệ", "SKHCN"),
    ("Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"),
    ("Sở Dân tộc và Tôn giáo", "SDTTG"),
    ("Sở Ngoại vụ", "SNgV"),
)
PLACES = (
    "An Phú", "Bình An", "Tân Lập", "Phú Mỹ", "Hòa Bình", "Thạnh Lợi", "Long Hưng",
    "Vĩnh Thạnh", "Đông Hòa", "Tây Sơn", "Hưng Đạo", "Quang Trung", "Minh Khai", "Thủy Nguyên",
    "Hòa Khánh", "Phước Long", "Mỹ Thuận", "Tân Phú", "Nam Hà", "Bắc Sơn", "Trường Xuân",
    "Kim Long", "Thuận Hòa", "Lộc Ninh",
)  # fmt: skip
SCHOOL_PATRONS = (
    "Lê Quý Đôn", "Nguyễn Du", "Trần Phú", "Chu Văn An", "Nguyễn Trãi", "Lê Lợi",
    "Phan Bội Châu", "Nguyễn Huệ", "Trần Hưng Đạo", "Lương Thế Vinh",
)  # fmt: skip
SCHOOL_LEVELS = (("THPT", "THPT"), ("THCS", "THCS"), ("Tiểu học", "TH"), ("Mầm non", "MN"))
COMPANIES = (
    ("Công ty TNHH MTV Xổ số kiến thiết Bình Minh", "XSKT"),
    ("Công ty Cổ phần Cấp thoát nước Bình Minh", "CTN"),
    ("Công ty TNHH MTV Khai thác công trình thủy lợi Bình Minh", "KTTL"),
    ("Công ty Cổ phần Môi trường đô thị Bình Minh", "MTĐT"),
    ("Công ty Cổ phần Xe khách Bình Minh", "XK"),
    ("Công ty TNHH MTV Lâm nghiệp Bình Minh", "LN"),
)
SURNAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
    "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
)  # fmt: skip
MIDDLE_NAMES = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân")
GIVEN_NAMES = (
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Hương", "Lan", "Long", "Mai", "Nam",
    "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Thủy", "Trung", "Tuấn", "Vinh", "Yến", "Hòa",
    "Khánh", "Loan",
)  # fmt: skip

COMPANY_FORM = re.compile(r"^Công ty (?:TNHH MTV|Cổ phần) ")

KINDS = ("so-nganh", "xa-phuong", "truong-hoc", "doanh-nghiep")
KIND_WEIGHTS = (30, 40, 20, 10)

# Heading abbreviations that real units use.
ABBREVIATIONS = (
    ("thi đua, khen thưởng", "TĐKT"),
    ("Ủy ban nhân dân", "UBND"),
    ("cán bộ, công chức, viên chức", "CBCCVC"),
)
YEAR_IN_TITLE = re.compile(r"\s+(?:trong\s+)?năm\s+\{nam(?:_sau|_truoc)?\}")
LETTER_NUMBER = re.compile(r"^[a-zđ]\)$")

# --------------------------------------------------------------------------- form


@dataclass(frozen=True)
class Node:
    """One heading of the form, as the generator needs it."""

    id: str
    number: str
    issued_number: str
    title: str  # template with {nam}, {nam_sau}, {nam_truoc}
    required: bool
    depth: int  # 1 for I, II, III
    position: int  # 0-based among its siblings
    parent_number: str
    mentions: tuple[tuple[str, str], ...]  # (name, first identifying words)
    children: tuple["Node", ...]

    def walk(self) -> Iterator["Node"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Form:
    id: str
    title: str
    roots: tuple[Node, ...]

    @property
    def nodes(self) -> list[Node]:
        return [node for root in self.roots for node in root.walk()]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(str(text).split()))


def _node(data: dict, depth: int, position: int, parent_number: str) -> Node:
    number = _nfc(data["number"])
    children = tuple(
        _node(child, depth + 1, i, number) for i, child in enumerate(data.get("children") or ())
    )
    mentions = tuple(
        (_nfc(item["name"]), _nfc(item["words"][0])) for item in data.get("mentions") or ()
    )
    return Node(
        id=str(data["id"]),
        number=number,
        issued_number=_nfc(data.get("issued_number") or number),
        title=_nfc(data["title"]),
        required=bool(data.get("required", True)),
        depth=depth,
        position=position,
        parent_number=parent_number,
        mentions=mentions,
        children=children,
    )


@cache
def load_form(path: Path = FORM_PATH) -> Form:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    roots = tuple(_node(item, 1, i, "") for i, item in enumerate(data["nodes"]))
    return Form(id=str(data["id"]), title=_nfc(data["title"]), roots=roots)


def _years(year: int) -> dict[str, int]:
    return {"nam": year, "nam_sau": year + 1, "nam_truoc": year - 1}


# --------------------------------------------------------------------------- layouts


@dataclass(frozen=True)
class FileSpec:
    """One Markdown file of a layout: which headings it holds, at which level in the file."""

    path: str
    is_root: bool  # index.md of the unit: front matter and document title
    sections: tuple[tuple[Node, int], ...]
    toctree: tuple[str, ...]


@dataclass(frozen=True)
class Layout:
    files: tuple[FileSpec, ...]
    toctree_words: int  # words the toctree fences add to a unit


def _stem(node: Node) -> str:
    return FILE_STEMS.get(node.id) or f"{node.position + 1}-{_ascii_slug(node.title)[:40]}"


def _subtree(node: Node, top_level: int = 1) -> tuple[tuple[Node, int], ...]:
    return tuple((n, n.depth - node.depth + top_level) for n in node.walk())


def _toctree_block(entries: tuple[str, ...]) -> str:
    return "\n".join(("```{toctree}", *TOCTREE_OPTIONS, "", *entries, "```"))


def _layout_words(files: tuple[FileSpec, ...]) -> int:
    return sum(len(_toctree_block(f.toctree).split()) for f in files if f.toctree)


@cache
def tree_layout(form: Form) -> Layout:
    files: list[FileSpec] = []
    entries: list[str] = []
    for root in form.roots:
        stem = _stem(root)
        if root.id in FOLDER_NODES and root.children:
            entries.append(f"{stem}/index")
            stems = tuple(_stem(child) for child in root.children)
            files.append(FileSpec(f"{stem}/index.md", False, ((root, 1),), stems))
            for child, child_stem in zip(root.children, stems, strict=True):
                files.append(FileSpec(f"{stem}/{child_stem}.md", False, _subtree(child), ()))
        else:
            entries.append(stem)
            files.append(FileSpec(f"{stem}.md", False, _subtree(root), ()))
    index = FileSpec("index.md", True, (), tuple(entries))
    all_files = (index, *files)
    return Layout(all_files, _layout_words(all_files))


@cache
def single_file_layout(form: Form) -> Layout:
    sections = tuple(pair for root in form.roots for pair in _subtree(root, top_level=2))
    return Layout((FileSpec("index.md", True, sections, ()),), 0)


def is_single_file(index: int, share: float, phase: float) -> bool:
    """Spread single-file units evenly: exactly share * n of any n consecutive units, rounded."""
    return int((index + 1) * share + phase) > int(index * share + phase)


# --------------------------------------------------------------------------- headings


@dataclass(frozen=True)
class HeadingStyle:
    numbering: str  # "scaffold", "issued", "none" or "decimal" (2.2.1. instead of a))
    caps: str  # "none", "top" (I, II, III only) or "all"
    trailing: str  # "", ":" or "."
    abbreviate: bool
    drop_year: bool


def pick_style(rng: random.Random) -> HeadingStyle:
    return HeadingStyle(
        numbering=rng.choices(("scaffold", "issued", "none", "decimal"), (45, 20, 10, 25))[0],
        caps=rng.choices(("none", "top", "all"), (55, 35, 10))[0],
        trailing=rng.choices(("", ":", "."), (60, 20, 20))[0],
        abbreviate=rng.random() < 0.3,
        drop_year=rng.random() < 0.25,
    )


def _heading_number(node: Node, numbering: str) -> str:
    if numbering == "none":
        return ""
    if numbering == "issued":
        return node.issued_number
    if numbering == "decimal" and LETTER_NUMBER.match(node.number):
        return f"{node.parent_number.rstrip('.')}.{node.position + 1}."
    return node.number


def heading_text(node: Node, style: HeadingStyle, years: dict[str, int]) -> str:
    title = YEAR_IN_TITLE.sub("", node.title) if style.drop_year else node.title
    title = title.format(**years)
    if style.abbreviate:
        for long, short in ABBREVIATIONS:
            title = title.replace(long, short)
    if style.caps == "all" or (style.caps == "top" and node.depth == 1):
        title = title.upper()
    if style.trailing and title[-1] not in ".:;":
        title += style.trailing
    number = _heading_number(node, style.numbering)
    return f"{number} {title}" if number else title


# --------------------------------------------------------------------------- sentences


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _tenths(value: int) -> str:
    whole, tenth = divmod(value, 10)
    return f"{whole},{tenth}" if tenth else str(whole)


NUMBER_FIELDS: dict[str, Callable[[random.Random], str]] = {
    "k": lambda rng: str(rng.randint(2, 5)),
    "n1": lambda rng: str(rng.randint(6, 30)),
    "n2": lambda rng: str(rng.randint(35, 240)),
    "n3": lambda rng: _thousands(rng.randint(300, 4800)),
    "p1": lambda rng: _tenths(rng.randint(880, 999)),
    "p2": lambda rng: str(rng.randint(3, 28)),
    "p3": lambda rng: str(rng.randint(42, 78)),
}


@dataclass(frozen=True)
class Template:
    text: str
    number_fields: tuple[str, ...]

    def fill(self, rng: random.Random, context: dict[str, str]) -> str:
        values = dict(context)
        for name in self.number_fields:
            values[name] = NUMBER_FIELDS[name](rng)
        return self.text.format_map(values)


def _template(text: str) -> Template:
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    return Template(text, tuple(sorted(names & NUMBER_FIELDS.keys())))


@cache
def sentence_pools() -> dict[str, tuple[Template, ...]]:
    pools: dict[str, list[Template]] = {}
    topic = "general"
    for block in re.split(r"\n\s*\n", SENTENCES):
        lines = block.strip().splitlines()
        if lines and lines[0].startswith("["):
            topic = lines.pop(0).strip("[]")
        if lines:
            pools.setdefault(topic, []).append(_template(_nfc(" ".join(lines))))
    return {name: tuple(items) for name, items in pools.items()}


def _sentence_stream(topic: str, rng: random.Random) -> Iterator[Template]:
    """Topic sentences first, then general ones, each in a shuffled order; then again."""
    pools = sentence_pools()
    while True:
        for name in (topic, "general"):
            batch = list(pools.get(name, ()))
            rng.shuffle(batch)
            yield from batch


def _paragraphs(sentences: list[str], rng: random.Random) -> str:
    """Group sentences into 2 to 4 paragraphs (fewer if there are fewer sentences)."""
    count = min(rng.randint(2, 4), len(sentences))
    cuts = sorted(rng.sample(range(1, len(sentences)), count - 1)) if count > 1 else []
    bounds = [0, *cuts, len(sentences)]
    return "\n\n".join(" ".join(sentences[a:b]) for a, b in pairwise(bounds))


def _movement_ref(name: str, words: str) -> str:
    """How a sentence names a movement, so that its identifying words appear verbatim."""
    if words in name:
        return f"“{name}”"
    lowered = name[0].lower() + name[1:]
    if words in lowered:
        return lowered
    return f"“{name}” ({words})"


def movements_body(node: Node, rng: random.Random, context: dict[str, str]) -> str:
    pools = sentence_pools()
    intro = pools["movement_intro"][0].fill(rng, context)
    sentences = [
        rng.choice(pools["movements"]).fill(rng, {**context, "pt": _movement_ref(name, words)})
        for name, words in node.mentions
    ]
    if rng.random() < 0.4:
        return intro + "\n\n" + "\n".join(f"- {s}" for s in sentences)
    return _paragraphs([intro, *sentences], rng)


def table_block(rng: random.Random, context: dict[str, str]) -> str:
    intro = sentence_pools()["table_intro"][0].fill(rng, context)
    rows = [
        ("Bằng khen của Chủ tịch UBND tỉnh", rng.randint(1, 6), rng.randint(3, 20)),
        ("Giấy khen của thủ trưởng đơn vị", rng.randint(3, 15), rng.randint(10, 60)),
        ("Danh hiệu Tập thể lao động xuất sắc", rng.randint(1, 8), 0),
        ("Danh hiệu Chiến sĩ thi đua cơ sở", 0, rng.randint(5, 30)),
        ("Danh hiệu Lao động tiên tiến", 0, rng.randint(20, 150)),
    ]
    total = ("**Tổng cộng**", sum(r[1] for r in rows), sum(r[2] for r in rows))
    lines = [
        "| Hình thức khen thưởng | Tập thể | Cá nhân |",
        "| --- | ---: | ---: |",
        *(f"| {label} | {groups} | {people} |" for label, groups, people in (*rows, total)),
    ]
    return intro + "\n\n" + "\n".join(lines)


# --------------------------------------------------------------------------- units


@dataclass(frozen=True)
class Agency:
    name: str
    kind: str
    code: str  # after "BC-" in so_ky_hieu
    co_quan: str
    parent: str
    place: str
    self_ref: str  # how the report names its own unit in sentences
    signatures: tuple[tuple[str, str], ...]  # (quyen_han, chuc_vu)
    recipients: tuple[str, ...]
    archive: str
    slug_base: str


def _ascii_slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _department(rng: random.Random) -> Agency:
    name, code = rng.choice(DEPARTMENTS)
    return Agency(
        name=name,
        kind="so-nganh",
        code=code,
        co_quan=name.upper(),
        parent=f"UBND TỈNH {PROVINCE.upper()}",
        place=PROVINCE,
        self_ref="Sở",
        signatures=(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), ("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG")),
        recipients=(
            "UBND tỉnh (để báo cáo)",
            "Giám đốc, các Phó Giám đốc Sở",
            "Các phòng, đơn vị thuộc Sở",
        ),
        archive=rng.choice(("Lưu: VT, VP.", "Lưu: VT, TĐKT.")),
        slug_base=_ascii_slug(name),
    )


def _commune(rng: random.Random) -> Agency:
    level = rng.choice(("xã", "phường"))
    place = rng.choice(PLACES)
    long_form = rng.random() < 0.4
    co_quan = f"{'ỦY BAN NHÂN DÂN' if long_form else 'UBND'} {level} {place}".upper()
    return Agency(
        name=f"UBND {level} {place}",
        kind="xa-phuong",
        code="UBND",
        co_quan=co_quan,
        parent=f"UBND TỈNH {PROVINCE.upper()}",
        place=place,
        self_ref=f"UBND {level}",
        signatures=(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")),
        recipients=(
            f"Thường trực Đảng ủy {level}",
            "Chủ tịch, các Phó Chủ tịch UBND",
            f"Hội đồng TĐKT {level}",
        ),
        archive="Lưu: VT, VHXH.",
        slug_base=_ascii_slug(f"{level} {place}"),
    )


def _school(rng: random.Random) -> Agency:
    level, code = rng.choice(SCHOOL_LEVELS)
    place = rng.choice(PLACES)
    if level == "THPT":
        name, parent = f"Trường THPT {rng.choice(SCHOOL_PATRONS)}", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
        supervisor = "Sở Giáo dục và Đào tạo (để báo cáo)"
    else:
        name, parent = f"Trường {level} {place}", f"UBND XÃ {place.upper()}"
        supervisor = f"UBND xã {place} (để báo cáo)"
    return Agency(
        name=name,
        kind="truong-hoc",
        code=code,
        co_quan=name.upper(),
        parent=parent,
        place=place,
        self_ref="Nhà trường",
        signatures=(("KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"),),
        recipients=(supervisor, "Công đoàn trường", "Các tổ chuyên môn"),
        archive="Lưu: VT, HĐTĐKT.",
        slug_base=_ascii_slug(name),
    )


def _company(rng: random.Random) -> Agency:
    name, code = rng.choice(COMPANIES)
    return Agency(
        name=name,
        kind="doanh-nghiep",
        code=code,
        co_quan=name.upper(),
        parent=f"UBND TỈNH {PROVINCE.upper()}",
        place=PROVINCE,
        self_ref="Công ty",
        signatures=(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), ("TM. HỘI ĐỒNG THÀNH VIÊN", "CHỦ TỊCH")),
        recipients=("Sở Tài chính", "Hội đồng thành viên Công ty", "Công đoàn Công ty"),
        archive="Lưu: VT, TCHC.",
        slug_base="cty-" + _ascii_slug(COMPANY_FORM.sub("", name)),
    )


AGENCY_BUILDERS: dict[str, Callable[[random.Random], Agency]] = {
    "so-nganh": _department,
    "xa-phuong": _commune,
    "truong-hoc": _school,
    "doanh-nghiep": _company,
}


def pick_agency(rng: random.Random) -> Agency:
    kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
    return AGENCY_BUILDERS[kind](rng)


def front_matter(agency: Agency, form: Form, year: int, rng: random.Random) -> str:
    quyen_han, chuc_vu = rng.choice(agency.signatures)
    signer = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"
    extras = [r for r in agency.recipients if rng.random() < 0.6]
    lines = [
        "---",
        f"mau: {form.id}",
        f"nam: {year}",
        f"co_quan_chu_quan: {agency.parent}",
        f"co_quan: {agency.co_quan}",
        f"so_ky_hieu: {rng.randint(15, 420)}/BC-{agency.code}",
        f"dia_danh: {agency.place}",
        f"ngay: {year}-12-{rng.randint(1, 28):02d}",
        f"trich_yeu: {form.title.format(**_years(year))}",
        f"quyen_han: {quyen_han}",
        f"chuc_vu: {chuc_vu}",
        f"nguoi_ky: {signer}",
        "noi_nhan:",
        "  - Ban Thi đua - Khen thưởng tỉnh",
        *(f"  - {r}" for r in extras),
        f"  - {agency.archive}",
        "---",
    ]
    return "\n".join(lines)


@dataclass(frozen=True)
class UnitRecord:
    slug: str
    name: str
    kind: str


def _words(text: str) -> int:
    return len(text.split())


def _next_sentence(
    stream: Iterator[Template], rng: random.Random, context: dict[str, str], room: float
) -> str:
    """The next sentence, or the shorter of the next two when the first overshoots room."""
    first = next(stream).fill(rng, context)
    if _words(first) <= room:
        return first
    return min(first, next(stream).fill(rng, context), key=_words)


def _free_bodies(
    free: list[Node], budget: int, rng: random.Random, context: dict[str, str]
) -> dict[str, str]:
    """Two or more sentences per node, so that all nodes together reach about budget words."""
    share = max(budget, 0) / max(len(free), 1)
    produced = 0
    bodies: dict[str, str] = {}
    for i, node in enumerate(free):
        target = share * (i + 1)
        stream = _sentence_stream(TOPICS.get(node.id, "general"), rng)
        sentences: list[str] = []
        while len(sentences) < 2 or produced < target - HALF_SENTENCE:
            sentence = _next_sentence(stream, rng, context, target - produced)
            sentences.append(sentence)
            produced += _words(sentence)
        bodies[node.id] = _paragraphs(sentences, rng)
    return bodies


def build_unit(
    index: int, form: Form, layout: Layout, seed: int, year: int, words: int, slug_width: int
) -> tuple[UnitRecord, dict[str, str]]:
    """One unit's record for units.yaml and its files (path relative to the unit -> text)."""
    rng = random.Random(f"{seed}:{index}")
    agency = pick_agency(rng)
    years = _years(year)
    context = {"dv": agency.self_ref, **{k: str(v) for k, v in years.items()}}
    front = front_matter(agency, form, year, rng)
    title = f"# {form.title.format(**years)}"
    style = pick_style(rng)
    nodes = form.nodes
    headings = {node.id: heading_text(node, style, years) for node in nodes}

    fixed: dict[str, str] = {}
    free: list[Node] = []
    for node in nodes:
        if node.children:
            continue
        if not node.required and rng.random() < NONE_SHARE:
            fixed[node.id] = NONE_TEXT
        elif node.mentions:
            fixed[node.id] = movements_body(node, rng, context)
        else:
            free.append(node)
    table = table_block(rng, context) if rng.random() < TABLE_SHARE else ""

    fixed_words = (
        _words(front)
        + _words(title)
        + layout.toctree_words
        + sum(1 + _words(text) for text in headings.values())
        + sum(_words(text) for text in fixed.values())
        + _words(table)
    )
    bodies = {**fixed, **_free_bodies(free, words - fixed_words, rng, context)}
    if table and TABLE_NODE in bodies:
        first, _, rest = bodies[TABLE_NODE].partition("\n\n")
        bodies[TABLE_NODE] = "\n\n".join(part for part in (first, table, rest) if part)

    slug = f"{agency.slug_base}-{index + 1:0{slug_width}d}"
    files = {spec.path: _render_file(spec, front, title, headings, bodies) for spec in layout.files}
    return UnitRecord(slug, agency.name, agency.kind), files


def _render_file(
    spec: FileSpec, front: str, title: str, headings: dict[str, str], bodies: dict[str, str]
) -> str:
    parts = [front, title] if spec.is_root else []
    for node, level in spec.sections:
        parts.append(f"{'#' * level} {headings[node.id]}")
        if node.id in bodies:
            parts.append(bodies[node.id])
    if spec.toctree:
        parts.append(_toctree_block(spec.toctree))
    return unicodedata.normalize("NFC", "\n\n".join(parts) + "\n")


def units_yaml(records: list[UnitRecord]) -> str:
    lines = ["board:", f'  - "@{GITHUB_ORG}/{BOARD_TEAM}"', "units:"]
    for record in records:
        lines += [
            f"  - slug: {record.slug}",
            f"    name: {record.name}",
            f"    kind: {record.kind}",
            f'    owners: ["@{GITHUB_ORG}/{record.slug}"]',
        ]
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def generate(
    n: int,
    out: Path,
    seed: int = 0,
    year: int = 2025,
    words: int = 1400,
    single_file_share: float = 0.2,
) -> list[str]:
    """Write n units under out/reports/ and out/reports/units.yaml; return their slugs."""
    form = load_form()
    reports = Path(out) / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    phase = random.Random(f"{seed}:layout").random()
    slug_width = max(4, len(str(n)))
    records: list[UnitRecord] = []
    for index in range(n):
        single = is_single_file(index, single_file_share, phase)
        layout = single_file_layout(form) if single else tree_layout(form)
        record, files = build_unit(index, form, layout, seed, year, words, slug_width)
        unit_dir = reports / record.slug
        for folder in sorted({str(Path(rel).parent) for rel in files}):
            (unit_dir / folder).mkdir(parents=True, exist_ok=True)
        for rel, text in files.items():
            _write(unit_dir / rel, text)
        records.append(record)
    _write(reports / "units.yaml", units_yaml(records))
    return [record.slug for record in records]


# --------------------------------------------------------------------------- command line


def _share(value: str) -> float:
    share = float(value)
    if not 0.0 <= share <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return share


def _positive(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must not be negative")
    return number


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=_positive, help="number of units")
    parser.add_argument("out", type=Path, help="output folder (reports/ is created in it)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--words", type=_positive, default=1400, help="target words a unit")
    parser.add_argument("--single-file-share", type=_share, default=0.2)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    slugs = generate(args.n, args.out, args.seed, args.year, args.words, args.single_file_share)
    elapsed = time.perf_counter() - start
    print(f"wrote {len(slugs)} units to {args.out / 'reports'} in {elapsed:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
