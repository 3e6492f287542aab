"""Internal: a port of .NET's ``Number.Formatting`` digit-buffer formatter.

A number is held as a ``NumBuf``: its significant decimal digits, a ``scale``
(the value is ``0.d1d2d3... * 10**scale``), a sign and the kind of source
number ("int", "float" or "decimal"), which controls rounding exactly as
.NET does: floating-point digits arrive already correctly rounded for standard
formats; integers and decimals round half away from zero.
"""
from __future__ import annotations

from .culture import NumberFormat
from .exceptions import FormatException

BAD_FORMAT_SPECIFIER = "Format specifier was invalid."

_POS_CURRENCY = ("$#", "#$", "$ #", "# $")
_NEG_CURRENCY = ("($#)", "-$#", "$-#", "$#-", "(#$)", "-#$", "#-$", "#$-", "-# $", "-$ #",
                 "# $-", "$ #-", "$ -#", "#- $", "($ #)", "(# $)", "$- #")
_POS_PERCENT = ("# %", "#%", "%#", "% #")
_NEG_PERCENT = ("-# %", "-#%", "-%#", "%-#", "%#-", "#-%", "#%-", "-% #", "# %-", "% #-",
                "% -#", "#- %")
_NEG_NUMBER = ("(#)", "-#", "- #", "#-", "# -")


class NumBuf:
    """Digits + scale + sign of a number being formatted (mutable, like .NET's NumberBuffer)."""

    __slots__ = ("digits", "kind", "neg", "scale")

    def __init__(self, digits: list[str], scale: int, neg: bool, kind: str) -> None:
        self.digits = digits
        self.scale = scale
        self.neg = neg
        self.kind = kind

    def __repr__(self) -> str:
        return f"NumBuf({''.join(self.digits)!r}, {self.scale}, neg={self.neg}, {self.kind})"


def parse_format_specifier(fmt: str | None) -> tuple[str, int]:
    """Return (format char, precision) for a standard format, ('\\0', -1) for custom.

    An empty or None format is "G".  Precision is -1 when absent.
    """
    if not fmt:
        return "G", -1
    c = fmt[0]
    if ("A" <= c <= "Z") or ("a" <= c <= "z"):
        n = len(fmt)
        if n == 1:
            return c, -1
        i = 1
        val = 0
        while i < n and "0" <= fmt[i] <= "9":
            val = val * 10 + (ord(fmt[i]) - 48)
            i += 1
            if val > 999_999_999:
                raise FormatException(BAD_FORMAT_SPECIFIER)
        if i == n or fmt[i] == "\0":
            return c, val
    if c == "\0":
        return "G", -1
    return "\0", -1


def round_number(num: NumBuf, pos: int, correctly_rounded: bool) -> None:
    """.NET RoundNumber: cut the digits at ``pos`` (half away from zero unless already exact)."""
    dig = num.digits
    n = len(dig)
    i = pos if 0 <= pos < n else (n if pos >= n else 0)
    if pos < 0:
        i = 0
    if i == pos and i < n and not correctly_rounded and dig[i] >= "5":
        while i > 0 and dig[i - 1] == "9":
            i -= 1
        if i > 0:
            dig[i - 1] = chr(ord(dig[i - 1]) + 1)
        else:
            num.scale += 1
            dig[0] = "1"
            i = 1
    else:
        while i > 0 and dig[i - 1] == "0":
            i -= 1
    if i == 0:
        if num.kind != "float":
            num.neg = False
        num.scale = 0
    del dig[i:]


def group_integer(int_part: str, sizes: tuple[int, ...], sep: str) -> str:
    """Insert group separators into a string of integer digits (sizes repeat the last)."""
    if not sizes or not sep:
        return int_part
    parts: list[str] = []
    end = len(int_part)
    idx = 0
    size = sizes[0]
    while end > 0:
        if size == 0:
            parts.append(int_part[:end])
            break
        start = end - size
        if start <= 0:
            parts.append(int_part[:end])
            break
        parts.append(int_part[start:end])
        end = start
        if idx < len(sizes) - 1:
            idx += 1
            size = sizes[idx]
    return sep.join(reversed(parts))


def format_fixed(out: list[str], num: NumBuf, nmax: int, group_sizes: tuple[int, ...] | None,
                 sdec: str, sgroup: str | None) -> None:
    dig = num.digits
    nd = len(dig)
    dig_pos = num.scale
    idx = 0
    if dig_pos > 0:
        take = min(dig_pos, nd)
        int_part = "".join(dig[:take]) + "0" * (dig_pos - take)
        idx = take
        if group_sizes is not None and sgroup is not None:
            int_part = group_integer(int_part, group_sizes, sgroup)
        out.append(int_part)
    else:
        out.append("0")
    if nmax > 0:
        out.append(sdec)
        if dig_pos < 0:
            zeros = min(-dig_pos, nmax)
            out.append("0" * zeros)
            nmax -= zeros
        if nmax > 0:
            frac = "".join(dig[idx:idx + nmax])
            out.append(frac + "0" * (nmax - len(frac)))


def format_exponent(out: list[str], nf: NumberFormat, value: int, exp_char: str, min_digits: int,
                    positive_sign: bool) -> None:
    out.append(exp_char)
    if value < 0:
        out.append(nf.negative_sign)
        value = -value
    elif positive_sign:
        out.append(nf.positive_sign)
    out.append(str(value).zfill(min_digits))


def format_general(out: list[str], num: NumBuf, nmax: int, nf: NumberFormat, exp_char: str,
                   suppress_scientific: bool) -> None:
    dig = num.digits
    nd = len(dig)
    dig_pos = num.scale
    scientific = False
    if not suppress_scientific and (dig_pos > nmax or dig_pos < -3):
        dig_pos = 1
        scientific = True
    idx = 0
    if dig_pos > 0:
        take = min(dig_pos, nd)
        out.append("".join(dig[:take]) + "0" * (dig_pos - take))
        idx = take
        dig_pos = 0
    else:
        out.append("0")
    if idx < nd or dig_pos < 0:
        out.append(nf.decimal_sep)
        if dig_pos < 0:
            out.append("0" * (-dig_pos))
        out.append("".join(dig[idx:]))
    if scientific:
        format_exponent(out, nf, num.scale - 1, exp_char, 2, True)


def format_scientific(out: list[str], num: NumBuf, nmax: int, nf: NumberFormat,
                      exp_char: str) -> None:
    dig = num.digits
    out.append(dig[0] if dig else "0")
    if nmax != 1:
        out.append(nf.decimal_sep)
    rest = "".join(dig[1:nmax])
    out.append(rest + "0" * (nmax - 1 - len(rest)))
    e = 0 if not dig else num.scale - 1
    format_exponent(out, nf, e, exp_char, 3, True)


def _apply_pattern(out: list[str], pattern: str, body, nf: NumberFormat, symbol: str) -> None:
    for ch in pattern:
        if ch == "#":
            body()
        elif ch == "-":
            out.append(nf.negative_sign)
        elif ch in "$%":
            out.append(symbol)
        else:
            out.append(ch)


def number_to_string(num: NumBuf, fmt: str, nmax: int, nf: NumberFormat) -> str:
    """Standard numeric format ``fmt`` (one letter) with precision ``nmax`` (-1 = default)."""
    out: list[str] = []
    correctly = num.kind == "float"
    c = fmt.upper()
    if c == "C":
        if nmax < 0:
            nmax = nf.currency_decimal_digits
        round_number(num, num.scale + nmax, correctly)
        pat = _NEG_CURRENCY[nf.currency_negative_pattern] if num.neg else \
            _POS_CURRENCY[nf.currency_positive_pattern]
        _apply_pattern(out, pat, lambda: format_fixed(out, num, nmax, nf.group_sizes,
                                                      nf.decimal_sep, nf.group_sep),
                       nf, nf.currency_symbol)
    elif c == "F":
        if nmax < 0:
            nmax = nf.number_decimal_digits
        round_number(num, num.scale + nmax, correctly)
        if num.neg:
            out.append(nf.negative_sign)
        format_fixed(out, num, nmax, None, nf.decimal_sep, None)
    elif c == "N":
        if nmax < 0:
            nmax = nf.number_decimal_digits
        round_number(num, num.scale + nmax, correctly)
        pat = _NEG_NUMBER[nf.number_negative_pattern] if num.neg else "#"
        _apply_pattern(out, pat, lambda: format_fixed(out, num, nmax, nf.group_sizes,
                                                      nf.decimal_sep, nf.group_sep), nf, "")
    elif c == "E":
        if nmax < 0:
            nmax = 6
        nmax += 1
        round_number(num, nmax, correctly)
        if num.neg:
            out.append(nf.negative_sign)
        format_scientific(out, num, nmax, nf, "E" if fmt == "E" else "e")
    elif c in ("G", "R"):
        if c == "R" and num.kind != "float":
            raise FormatException(BAD_FORMAT_SPECIFIER)
        exp_char = "E" if fmt in ("G", "R") else "e"
        no_rounding = False
        skip_sign = False
        if nmax < 1:
            if num.kind == "decimal" and nmax == -1:
                no_rounding = True
                if not num.digits:
                    skip_sign = True
            else:
                nmax = len(num.digits)
        if not no_rounding:
            round_number(num, nmax, correctly)
        if num.neg and not skip_sign:
            out.append(nf.negative_sign)
        format_general(out, num, nmax, nf, exp_char, no_rounding)
    elif c == "P":
        if nmax < 0:
            nmax = nf.percent_decimal_digits
        num.scale += 2
        round_number(num, num.scale + nmax, correctly)
        pat = _NEG_PERCENT[nf.percent_negative_pattern] if num.neg else \
            _POS_PERCENT[nf.percent_positive_pattern]
        _apply_pattern(out, pat, lambda: format_fixed(out, num, nmax, nf.group_sizes,
                                                      nf.decimal_sep, nf.group_sep),
                       nf, nf.percent_symbol)
    else:
        raise FormatException(BAD_FORMAT_SPECIFIER)
    return "".join(out)


def find_section(fmt: str, section: int) -> int:
    """Index where ``section`` (0 positive, 1 negative, 2 zero) of a custom format starts."""
    if section == 0:
        return 0
    src = 0
    n = len(fmt)
    while True:
        if src >= n:
            return 0
        ch = fmt[src]
        src += 1
        if ch == "'" or ch == '"':
            while src < n and fmt[src] != "\0":
                c2 = fmt[src]
                src += 1
                if c2 == ch:
                    break
        elif ch == "\\":
            if src < n and fmt[src] != "\0":
                src += 1
        elif ch == ";":
            section -= 1
            if section != 0:
                continue
            if src < n and fmt[src] != "\0" and fmt[src] != ";":
                return src
            return 0
        elif ch == "\0":
            return 0


def number_to_string_format(num: NumBuf, fmt: str, nf: NumberFormat) -> str:
    """Custom numeric format string (0 # . , % ‰ E+0 ; quotes and escapes)."""
    dig = num.digits
    n = len(fmt)
    section = find_section(fmt, 2 if not dig else (1 if num.neg else 0))
    thousand_count = 0
    while True:
        digit_count = 0
        decimal_pos = -1
        first_digit = 0x7FFFFFFF
        last_digit = 0
        scientific = False
        thousand_pos = -1
        thousand_seps = False
        scale_adjust = 0
        src = section
        while src < n:
            ch = fmt[src]
            src += 1
            if ch == "\0" or ch == ";":
                break
            if ch == "#":
                digit_count += 1
            elif ch == "0":
                if first_digit == 0x7FFFFFFF:
                    first_digit = digit_count
                digit_count += 1
                last_digit = digit_count
            elif ch == ".":
                if decimal_pos < 0:
                    decimal_pos = digit_count
            elif ch == ",":
                if digit_count > 0 and decimal_pos < 0:
                    if thousand_pos >= 0:
                        if thousand_pos == digit_count:
                            thousand_count += 1
                            continue
                        thousand_seps = True
                    thousand_pos = digit_count
                    thousand_count = 1
            elif ch == "%":
                scale_adjust += 2
            elif ch == "\u2030":
                scale_adjust += 3
            elif ch == "'" or ch == '"':
                while src < n and fmt[src] != "\0":
                    c2 = fmt[src]
                    src += 1
                    if c2 == ch:
                        break
            elif ch == "\\":
                if src < n and fmt[src] != "\0":
                    src += 1
            elif ch == "E" or ch == "e":
                if (src < n and fmt[src] == "0") or (
                        src + 1 < n and fmt[src] in "+-" and fmt[src + 1] == "0"):
                    src += 1
                    while src < n and fmt[src] == "0":
                        src += 1
                    scientific = True
        if decimal_pos < 0:
            decimal_pos = digit_count
        if thousand_pos >= 0:
            if thousand_pos == decimal_pos:
                scale_adjust -= thousand_count * 3
            else:
                thousand_seps = True
        if dig:
            num.scale += scale_adjust
            pos = digit_count if scientific else num.scale + digit_count - decimal_pos
            round_number(num, pos, False)
            if not dig:
                src = find_section(fmt, 2)
                if src != section:
                    section = src
                    continue
        else:
            if num.kind != "float":
                num.neg = False
            num.scale = 0
        break

    first_digit = decimal_pos - first_digit if first_digit < decimal_pos else 0
    last_digit = decimal_pos - last_digit if last_digit > decimal_pos else 0
    if scientific:
        dig_pos = decimal_pos
        adjust = 0
    else:
        dig_pos = max(decimal_pos, num.scale)
        adjust = num.scale - decimal_pos
    src = section

    sep_pos: list[int] = []
    if thousand_seps and nf.group_sep:
        sizes = nf.group_sizes
        gi = 0
        gtotal = sizes[0] if sizes else 0
        gsize = gtotal
        total_digits = dig_pos + (min(0, adjust))
        num_digits = max(total_digits, first_digit)
        while num_digits > gtotal:
            if gsize == 0:
                break
            sep_pos.append(gtotal)
            if gi < len(sizes) - 1:
                gi += 1
                gsize = sizes[gi]
            gtotal += gsize
    ctr = len(sep_pos) - 1
    gsep = nf.group_sep

    out: list[str] = []
    if num.neg and section == 0 and num.scale != 0:
        out.append(nf.negative_sign)
    decimal_written = False
    cur = 0
    nd = len(dig)
    while src < n:
        ch = fmt[src]
        src += 1
        if ch == "\0" or ch == ";":
            break
        if adjust > 0 and ch in "#0.":
            while adjust > 0:
                if cur < nd:
                    out.append(dig[cur])
                    cur += 1
                else:
                    out.append("0")
                if thousand_seps and dig_pos > 1 and ctr >= 0 and dig_pos == sep_pos[ctr] + 1:
                    out.append(gsep)
                    ctr -= 1
                dig_pos -= 1
                adjust -= 1
        if ch == "#" or ch == "0":
            c: str | None
            if adjust < 0:
                adjust += 1
                c = "0" if dig_pos <= first_digit else None
            elif cur < nd:
                c = dig[cur]
                cur += 1
            else:
                c = "0" if dig_pos > last_digit else None
            if c is not None:
                out.append(c)
                if thousand_seps and dig_pos > 1 and ctr >= 0 and dig_pos == sep_pos[ctr] + 1:
                    out.append(gsep)
                    ctr -= 1
            dig_pos -= 1
        elif ch == ".":
            if dig_pos != 0 or decimal_written:
                continue
            if last_digit < 0 or (decimal_pos < digit_count and cur < nd):
                out.append(nf.decimal_sep)
                decimal_written = True
        elif ch == "\u2030":
            out.append(nf.per_mille_symbol)
        elif ch == "%":
            out.append(nf.percent_symbol)
        elif ch == ",":
            pass
        elif ch == "'" or ch == '"':
            while src < n and fmt[src] != "\0" and fmt[src] != ch:
                out.append(fmt[src])
                src += 1
            if src < n and fmt[src] != "\0":
                src += 1
        elif ch == "\\":
            if src < n and fmt[src] != "\0":
                out.append(fmt[src])
                src += 1
        elif ch == "E" or ch == "e":
            positive_sign = False
            i = 0
            if scientific:
                if src < n and fmt[src] == "0":
                    i += 1
                elif src + 1 < n and fmt[src] == "+" and fmt[src + 1] == "0":
                    positive_sign = True
                elif src + 1 < n and fmt[src] == "-" and fmt[src + 1] == "0":
                    pass
                else:
                    out.append(ch)
                    continue
                src += 1
                while src < n and fmt[src] == "0":
                    src += 1
                    i += 1
                i = min(i, 10)
                exp = 0 if not dig else num.scale - decimal_pos
                format_exponent(out, nf, exp, ch, i, positive_sign)
                scientific = False
            else:
                out.append(ch)
                if src < n:
                    if fmt[src] in "+-":
                        out.append(fmt[src])
                        src += 1
                    while src < n and fmt[src] == "0":
                        out.append(fmt[src])
                        src += 1
        else:
            out.append(ch)
    if num.neg and section == 0 and num.scale == 0 and out:
        out.insert(0, nf.negative_sign)
    return "".join(out)
