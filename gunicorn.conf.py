"""gunicorn settings for production: ``gunicorn -c gunicorn.conf.py`` (``make serve``).

Every value can be changed from the environment, so one file serves a laptop and
a council's servers. See docs/deploying.md.
"""

from __future__ import annotations

import multiprocessing
import os

wsgi_app = "parent_guide:create_app()"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: pages are short CPU-bound renders, and the reverse proxy in front
# buffers slow clients. Two per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Threads per worker (gunicorn's gthread worker when above 1): a thread waiting on
# the database (SQLite's fsync, a PostgreSQL round trip) lets another serve a page.
# See docs/performance.md for what each setting measured.
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# gunicorn's sync worker, but free for the next request as soon as a request read
# to its end is answered, instead of waiting for the client to close (see
# parent_guide/worker.py).
worker_class = "parent_guide.worker.ClosingSyncWorker" if threads == 1 else "gthread"
# Content, area packs and templates are read once in the master, then shared by the
# forked workers; a worker that dies is replaced at once from that copy. create_app()
# opens no database or Redis connection, so no connection is shared across the fork.
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5

# The access log must never hold a parent's data. It leaves out the query string
# (share links, a pre-filled resume code) and the Referer (which carries the
# previous page's query string), as well as the client address and user agent:
# time, method, path without query, status, bytes and duration are enough to run
# the service. %(U)s is the path alone; %(r)s, %(q)s and %(f)s must never appear.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

