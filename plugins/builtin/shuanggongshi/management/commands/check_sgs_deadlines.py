"""Report records published later than the deadline (7 working days), per responsible department."""
from itertools import groupby

from django.core.management.base import BaseCommand, CommandError

from plugins.builtin.shuanggongshi.deadlines import LATE, deadline_problems, deadline_workdays


class Command(BaseCommand):
    help = "List late or overdue 双公示 records grouped by responsible department; exit status 1 if any."

    def add_arguments(self, parser):
        parser.add_argument("--fail", action="store_true", help="Exit with an error when a record is late (for cron/CI).")

    def handle(self, *args, fail=False, **options):
        problems = deadline_problems()
        days = deadline_workdays()
        if not problems:
            self.stdout.write(f"All records were published within {days} working days.")
            return
        def department_name(problem):
            return problem.record.department.name if problem.record.department else "(no department)"
        for name, group in groupby(problems, key=department_name):
            group = list(group)
            self.stdout.write(self.style.WARNING(f"{name}: {len(group)} record(s)"))
            for p in group:
                state = "published late" if p.status == LATE else "NOT PUBLISHED"
                self.stdout.write(
                    f"  {p.record.document_number}  decided {p.record.decision_date}  deadline {p.deadline}  "
                    f"{state} ({p.workdays_taken} working days)"
                )
        self.stdout.write(f"{len(problems)} record(s) exceed the {days}-working-day deadline.")
        if fail:
            raise CommandError("late disclosures found")
