"""Settings of the SIGKILL fault test's subprocesses: the test settings with translations on (as in production)."""
import os

from settings.test import *  # noqa: F401,F403

MULTILINGUAL = {"AUTO_SYNC": True}
MEDIA_ROOT = os.environ.get("FAULT_MEDIA_ROOT", MEDIA_ROOT)  # noqa: F405
BULK_BATCH_SIZE = 20  # several batches per pass, so a kill can land between them
# New documents are written this many per transaction (policy.importer): small, so the first kill lands
# inside the row loop at many different points.
POLICY_IMPORT_BATCH_SIZE = int(os.environ.get("FAULT_IMPORT_BATCH") or 10)
