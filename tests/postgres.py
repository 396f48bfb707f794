"""A throwaway PostgreSQL cluster on a loopback port, for tests against a real server.

Uses the Debian package's binaries (``make test`` installs ``postgresql``).
Runs the server as the ``postgres`` user when the tests run as root, because
PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bin_dir() -> Path | None:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return versions[-1].parent if versions else None


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """A running throwaway cluster that a fault test may stop, start and restart."""

    def __init__(self, url: str, pg_ctl: list[str]):
        self.url = url
        self._pg_ctl = pg_ctl

    def _run(self, *args: str) -> None:
        subprocess.run([*self._pg_ctl, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60)

    def stop(self) -> None:
        """Stop the server at once, as a crash or a host reboot would."""
        self._run("-m", "immediate", "-w", "stop")

    def start(self) -> None:
        """Start it again on the same port and data."""
        self._run("-w", "start")

    def restart(self) -> None:
        """Restart it, dropping every connection."""
        self._run("-m", "fast", "-w", "restart")


@contextmanager
def throwaway_server() -> Iterator[Cluster]:
    """Start a cluster, yield it, and remove it afterwards."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed: run 'make test', which installs it from Debian")
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    root = Path(tempfile.mkdtemp(prefix="parent-guide-pg-"))
    data, sockets = root / "data", root / "sockets"
    sockets.mkdir()
    if as_postgres:
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
    port = free_port()

    def run(*args: str) -> None:
        subprocess.run([*as_postgres, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C")
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    pg_ctl = [*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log")]
    subprocess.run([*pg_ctl, "-w", "start"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        yield Cluster(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", pg_ctl)
    finally:
        subprocess.run([*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a cluster, yield its SQLAlchemy URL, and remove it afterwards."""
    with throwaway_server() as cluster:
        yield cluster.url
