"""Demo content of every enabled plugin (called by ``manage.py setup_demo``)."""
from .registry import get_registry
from .workflows import apply_workflow_assignments


def load(stdout):
    registry = get_registry()
    registry.results("load_demo_data", stdout=stdout)
    report = apply_workflow_assignments(registry)
    if report.assigned:
        stdout.write(f"Plugin workflows: {len(report.assigned)} assigned.")
