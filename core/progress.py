"""Progress bars for long commands: tqdm on stderr, only while a command asks for them.

``setup_demo`` runs for minutes; it turns the bars on (``shown()``) when stderr is a terminal, draws a
bar over its phases, and the slow phases wrap their loops in ``track()``. Anywhere else (tests, CI,
output piped to a file) ``track`` returns the iterable unchanged, so stdout stays exactly as before
(``.ci/run`` greps it for "already up to date").
"""
import contextlib
import sys

from tqdm import tqdm

_state = {"on": False}


@contextlib.contextmanager
def shown(enabled=True):
    previous = _state["on"]
    _state["on"] = bool(enabled)
    try:
        yield _state["on"]
    finally:
        _state["on"] = previous


def enabled():
    return _state["on"]


def bar(**kwargs):
    """A tqdm bar on stderr (disabled unless progress is shown)."""
    kwargs.setdefault("file", sys.stderr)
    kwargs.setdefault("dynamic_ncols", True)
    return tqdm(disable=not _state["on"], **kwargs)


def track(iterable, desc, total=None, unit="item"):
    """``iterable`` with a bar under the phase bar while progress is shown; the iterable itself otherwise."""
    if not _state["on"]:
        return iterable
    if total is None and hasattr(iterable, "__len__"):
        total = len(iterable)
    return bar(iterable=iterable, desc=f"  {desc}", total=total, unit=unit, leave=False, position=1)


class BarSafeWriter:
    """Wraps a command's stdout so its lines print above the bars instead of through them."""

    def __init__(self, out):
        self.out = out

    def write(self, text="", *args, **kwargs):
        if _state["on"]:
            tqdm.write(str(text).rstrip("\n"), file=getattr(self.out, "_out", self.out))
        else:
            self.out.write(text, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.out, name)
