"""One validated parser for integer query parameters (issue 18, item 5).

``str.isdigit()`` accepts "²" and "①", which ``int()`` then refuses, and a
4-digit "0000" is no year a date column can hold. Every listing filter reads
its integers here: ASCII digits only, a bounded length and a range, else the
filter is ignored (``default``).
"""
import re

_DIGITS = re.compile(r"[0-9]{1,18}")


def int_param(params, name, *, minimum=None, maximum=None, default=None):
    value = params.get(name)
    if not isinstance(value, str) or not _DIGITS.fullmatch(value.strip()):
        return default
    number = int(value.strip())
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        return default
    return number


def year_param(params, name="year", default=None):
    """A calendar year a date column can store and a listing can mean."""
    return int_param(params, name, minimum=1900, maximum=2999, default=default)
