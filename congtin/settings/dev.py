from congtin.settings.base import *

DEBUG = True
# Development only: a fixed key so `make run` works on a fresh clone. production.py refuses a missing key.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Workflow notifications land as files in .dev-mail/ instead of flooding the `make run` terminal.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = BASE_DIR / ".dev-mail"
