"""gunicorn's settings, read from the working directory (production, `make bench`, `make faults`).

A sync worker's timeout covers a whole response: an export of a million survey answers streams
for a few minutes, so the timeout is long enough for it (a worker that hangs is still replaced,
later)."""

timeout = 600
