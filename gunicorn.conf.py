"""gunicorn's settings, read from the working directory (production, `make bench`, `make faults`).

A sync worker's timeout covers a whole response: an export of a million survey answers streams
for a few minutes, so the timeout is long enough for it (a worker that hangs is still replaced,
later). nginx waits as long (deploy/nginx/digivillae.conf)."""

import os

timeout = 600
# Two workers per CPU and one more, unless the deployment says otherwise.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1))
