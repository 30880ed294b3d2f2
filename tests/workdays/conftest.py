import pytest

from workdays.calendar import clear_cache


@pytest.fixture(autouse=True)
def fresh_workday_cache():
    # Test transactions are rolled back without signals; start each test with no cached overrides.
    clear_cache()
    yield
    clear_cache()
