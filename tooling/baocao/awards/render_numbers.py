"""Numbers as a Vietnamese report writes them: "1.234" (thousands), "68,8 %" (decimals).

Shares are rounded half up to one decimal, as a reader (or a spreadsheet) rounds
them by hand; a share of nothing is a dash, never "0 %".
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

DASH = "–"
PERCENT = "\u00a0%"  # a no-break space keeps the sign with its number
MINUS = "-"


def count_text(value: int) -> str:
    """A whole number with "." between thousands: 1234 -> "1.234"."""
    sign = MINUS if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", ".")


def change_text(value: int) -> str:
    """A change of a count with its sign: "+3", "-12", "0"."""
    return ("+" if value > 0 else "") + count_text(value)


def share(part: int, total: int) -> Fraction | None:
    """``part`` as a percentage of ``total``, exactly; None when ``total`` is 0."""
    return Fraction(100 * part, total) if total else None


def decimal_text(value: Fraction, digits: int = 1) -> str:
    """A percentage rounded half up, with a decimal comma: 68.75 -> "68,8"."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    rounded = exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    whole, _, decimals = f"{abs(rounded):f}".partition(".")
    sign = MINUS if rounded < 0 else ""
    shown = sign + count_text(int(whole))
    return f"{shown},{decimals}" if decimals else shown


def share_text(part: int, total: int) -> str:
    """``part`` as a share of ``total``: "68,8 %", or a dash when ``total`` is 0."""
    value = share(part, total)
    return DASH if value is None else decimal_text(value) + PERCENT


def points_text(value: Fraction) -> str:
    """A change of a share, in percentage points with its sign: "+7,6 điểm %"."""
    shown = decimal_text(value)
    sign = "+" if shown.strip("-0,") and not shown.startswith(MINUS) else ""
    return f"{sign}{shown}\u00a0điểm\u00a0%"
