"""A throwaway PostgreSQL cluster for the tests and CI: initdb in a temporary folder, a server
on 127.0.0.1 and a free port, run as a non-root user (PostgreSQL refuses to run as root), a
superuser ``wsp`` with a password (logins over TCP check it), stopped and removed at the end.

As a script (what .ci/run uses)::

    python tests/pgcluster.py start FOLDER   # prints the server's URL; fails if it cannot
    python tests/pgcluster.py stop FOLDER
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

USER = "wsp"
PASSWORD = "wsp-test-secret"


def binaries() -> Path | None:
    """The newest PostgreSQL server binaries installed (Debian's layout, else the PATH)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_user() -> tuple[list[str], str | None]:
    """The command prefix that runs the server as a non-root user, and that user."""
    if os.geteuid() != 0:
        return [], None
    import pwd

    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"], name
    raise RuntimeError("no non-root user (postgres, nobody) to run PostgreSQL as")


def start(folder: Path) -> str:
    """Start a cluster in ``folder`` (created); return its URL (the ``postgres`` database)."""
    bin_dir = binaries()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL server binaries (initdb) not found")
    folder.mkdir(parents=True, exist_ok=True)
    prefix, user = _as_user()
    data, pwfile = folder / "data", folder / "pwfile"
    pwfile.write_text(PASSWORD + "\n", encoding="utf-8")
    if user is not None:
        shutil.chown(folder, user)
        shutil.chown(pwfile, user)
    os.chmod(folder, 0o700)
    subprocess.run(
        [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", USER, f"--pwfile={pwfile}",
         "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
         "--no-sync"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    port = _free_port()
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder}"
        " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
    )
    subprocess.run(
        [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
         str(folder / "log"), "-w", "-t", "60", "start"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    (folder / "url").write_text(url_of(port), encoding="utf-8")
    return url_of(port)


def url_of(port: int, database: str = "postgres") -> str:
    return f"postgresql://{USER}:{PASSWORD}@127.0.0.1:{port}/{database}"


def stop(folder: Path) -> None:
    bin_dir = binaries()
    if bin_dir is not None and (folder / "data" / "postmaster.pid").exists():
        prefix, _ = _as_user()
        subprocess.run(
            [*prefix, str(bin_dir / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate",
             "-w", "stop"],
            check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("start", "stop"):
        sys.exit("usage: pgcluster.py start|stop FOLDER")
    where = Path(sys.argv[2])
    if sys.argv[1] == "stop":
        stop(where)
    else:
        try:
            print(start(where))
        except subprocess.CalledProcessError as exc:
            sys.exit(f"pgcluster: {exc}: {(exc.stderr or b'').decode(errors='replace')}")
        except (RuntimeError, OSError) as exc:
            sys.exit(f"pgcluster: {exc}")
