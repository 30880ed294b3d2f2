"""Defect 13: `setup_demo` shows its phases as progress bars on stderr; stdout keeps its lines
(.ci/run greps the second run's stdout for "already up to date")."""
import io
import types

import pytest
from django.core.management import call_command

from core import progress


@pytest.fixture
def quick_demos(monkeypatch):
    """The real command with two stand-in app demos (the real ones take minutes)."""
    from core.management.commands import setup_demo

    def fake_import(name):
        if name in ("core.demo", "sections.demo"):
            def load(stdout, name=name):
                for _ in progress.track(range(3), f"{name} items"):
                    pass
                stdout.write(f"{name}: loaded.")
            return types.SimpleNamespace(load=load)
        raise ModuleNotFoundError(name=name)

    monkeypatch.setattr(setup_demo, "import_module", fake_import)


def _run(capsys, *args):
    out = io.StringIO()
    call_command("setup_demo", *args, stdout=out)
    return out.getvalue(), capsys.readouterr().err


def test_phases_show_as_progress_bars_on_stderr(quick_demos, capsys, db):
    _run(capsys)  # the first run creates the demo accounts; compare the second and third
    plain_out, plain_err = _run(capsys)  # stderr is not a terminal under pytest: no bars
    assert "phase" not in plain_err and "setup_demo" not in plain_err

    out, err = _run(capsys, "--progress")
    assert "setup_demo" in err and "5/5" in err and "phase" in err  # migrate, tree, accounts, 2 demos
    assert "sections.demo items" in err  # a bar inside a phase
    assert "\r" not in out
    assert out == plain_out  # stdout unchanged by the bars
    assert "already up to date" in out and "sections.demo: loaded." in out

    _out, err = _run(capsys, "--progress", "--no-progress")
    assert "phase" not in err


def test_track_is_the_plain_iterable_without_progress():
    items = [1, 2, 3]
    assert progress.track(items, "x") is items
    with progress.shown():
        assert list(progress.track(items, "x")) == items
