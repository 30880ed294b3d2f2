"""Helpers to install throw-away plugin distributions through real entry-point metadata."""
import sys
import textwrap

import pytest


@pytest.fixture
def make_dist(tmp_path, monkeypatch):
    """Write modules plus a real ``*.dist-info`` (METADATA, entry_points.txt) and put them on sys.path.

    make_dist("govsite-sample", {"sample": "sample_mod"}, {"sample_mod": "source"})
    """
    root = tmp_path / "site-packages"
    root.mkdir()
    created_modules = []

    def make(dist_name, entry_points, modules, version="1.2.0"):
        for module_name, source in modules.items():
            (root / f"{module_name}.py").write_text(textwrap.dedent(source), encoding="utf-8")
            created_modules.append(module_name)
        info = root / f"{dist_name.replace('-', '_')}-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist_name}\nVersion: {version}\n")
        lines = ["[govsite.plugins]"] + [f"{name} = {target}" for name, target in entry_points.items()]
        (info / "entry_points.txt").write_text("\n".join(lines) + "\n")
        return root

    monkeypatch.syspath_prepend(str(root))
    yield make
    for module_name in created_modules:
        sys.modules.pop(module_name, None)




@pytest.fixture(autouse=True)
def fresh_workday_cache():
    from workdays.calendar import clear_cache

    clear_cache()
    yield
    clear_cache()
