"""Settings of the processes that `tests/jobs` start (`db_worker`, `serve`): the test
settings, on the test database of the pytest process that started them, with the database
task backend of production and e-mail written to files (the locmem outbox is per process)."""

import os

from schakel.settings.test import *  # noqa: F403
from schakel.settings.test import DATABASES, TASKS

DATABASES = {"default": {**DATABASES["default"], "NAME": os.environ["SCHAKEL_TEST_DATABASE"]}}
TASKS = {"default": {**TASKS["default"], "BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "tests.jobs.mailbox.GatedFileBackend"
EMAIL_FILE_PATH = os.environ["SCHAKEL_TEST_MAIL_DIR"]
