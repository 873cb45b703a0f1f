"""Agencies (the units that report) and each report's front matter."""

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from .data import (
    COMPANIES,
    DEPARTMENTS,
    GIVEN_NAMES,
    KIND_WEIGHTS,
    KINDS,
    MIDDLE_NAMES,
    PLACES,
    SCHOOL_LEVELS,
    SCHOOL_PATRONS,
    SURNAMES,
    ascii_slug,
    years,
)
from .form import Form

PROVINCE = "Bình Minh"
COMPANY_FORM = re.compile(r"^Công ty (?:TNHH MTV|Cổ phần) ")


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
        slug_base=ascii_slug(name),
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
        slug_base=ascii_slug(f"{level} {place}"),
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
        slug_base=ascii_slug(name),
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
        slug_base="cty-" + ascii_slug(COMPANY_FORM.sub("", name)),
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
        f"trich_yeu: {form.title.format(**years(year))}",
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
