"""The container's HEALTHCHECK: GET /healthz of the gunicorn in this container (liveness: the
process answers; no database, so that a database outage does not restart healthy web
containers). Exit status 0 when it answers 200, 1 otherwise.

Django checks the Host header against ALLOWED_HOSTS, so the request names the first of them
(a leading "." of a domain wildcard dropped). /healthz is exempt from the HTTPS redirect.
"""

from __future__ import annotations

import http.client
import os
import sys


def main() -> int:
    hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost").split(",")]
    host = next((h.lstrip(".") for h in hosts if h and h != "*"), "localhost")
    port = int(os.environ.get("GUNICORN_BIND", "0.0.0.0:8000").rsplit(":", 1)[-1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=4)
    try:
        connection.request("GET", "/healthz", headers={"Host": host})
        status = connection.getresponse().status
    except OSError as error:
        print(f"healthz: {error}", file=sys.stderr)
        return 1
    finally:
        connection.close()
    if status != 200:
        print(f"healthz: HTTP {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
