"""A PostgreSQL store's URL: what wsp reads from it (host, port, user, database) to name the
server in messages, and the URL as people are shown it (the password hidden). Connecting is
libpq's business: the URL is handed to it as given, so ``PGPASSWORD``, ``~/.pgpass``,
``PGHOST`` and the query parameters (``sslmode=require``) work as in ``psql``. No driver is
imported here."""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import parse_qsl, unquote

from wspolpraca_cli.errors import UsageError
from wspolpraca_cli.i18n import t
from wspolpraca_cli.records import record

DEFAULT_PORT = 5432
HIDDEN = "***"


@record
class PgTarget:
    """The server and database a URL names (libpq's defaults filled in, for messages)."""

    host: str
    port: int
    user: str
    database: str
    has_password: bool


def parse_url(url: str, environ: Mapping[str, str] | None = None) -> PgTarget:
    """What ``url`` names; raises UsageError (exit 2) for a URL libpq would not accept (a port
    that is not a number, an unknown scheme). Empty parts take libpq's defaults: ``PGHOST``
    (else ``localhost``), ``PGPORT`` (else 5432), ``PGUSER`` (else the system user),
    ``PGDATABASE`` (else the user's name); a ``host=``/``port=``/``user=``/``dbname=`` query
    parameter wins over the URL's part, as in libpq."""
    env = os.environ if environ is None else environ
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower() not in ("postgresql", "postgres"):
        raise UsageError(t("store.url_bad", url=shown_url(url), error=scheme))
    authority, _, tail = _split_authority(rest)
    userinfo, at, hostport = authority.partition("@")
    if not at:
        userinfo, hostport = "", authority
    user, colon, _ = userinfo.partition(":")
    path, _, query_text = tail.partition("?")
    if hostport.startswith("["):  # [::1]:5432
        host, _, rest = hostport[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ""
    else:
        host, _, port_text = hostport.partition(":")
        if "," in hostport:  # several hosts: name the first
            host, _, port_text = hostport.split(",")[0].partition(":")
    query = dict(parse_qsl(query_text, keep_blank_values=True))
    host = query.get("host") or unquote(host) or env.get("PGHOST") or "localhost"
    port_text = query.get("port") or port_text or env.get("PGPORT") or str(DEFAULT_PORT)
    if not port_text.isascii() or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise UsageError(
            t("store.url_bad", url=shown_url(url), error=t("store.url_bad.port", port=port_text)),
            hint=t("store.url_bad.hint"),
        )
    user = query.get("user") or unquote(user) or env.get("PGUSER") or _system_user()
    database = query.get("dbname") or unquote(path)
    database = database or env.get("PGDATABASE") or user
    return PgTarget(host, int(port_text), user, database, bool(colon or query.get("password")))


def _system_user() -> str:
    from wspolpraca_cli.store.shared import current_user

    return current_user()


def shown_url(url: str) -> str:
    """``url`` with its password (in the user part or a ``password=`` parameter) replaced by
    ``***``: what messages, ``store info`` and JSON documents show."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    authority, slash, tail = _split_authority(rest)
    userinfo, at, hostport = authority.partition("@")
    if not at:
        userinfo, hostport = "", authority
    if at and ":" in userinfo:
        authority = userinfo.split(":", 1)[0] + ":" + HIDDEN + "@" + hostport
    if "?" in tail:
        path, _, query = tail.partition("?")
        kept = [
            (k + "=" + HIDDEN if k.lower() == "password" else item)
            for item in query.split("&")
            for k in [item.partition("=")[0]]
        ]
        tail = path + "?" + "&".join(kept)
    return scheme + sep + authority + slash + tail


def _split_authority(rest: str) -> tuple[str, str, str]:
    """The authority (``user:pw@host:port``), ``/`` when a path follows, and the rest
    (``db?query``), as libpq reads a URL: the user part ends at the first ``@`` met before
    any ``/`` (a password holding ``@`` or ``/`` is percent-encoded), the host part at the
    next ``/`` or ``?``."""
    at = -1
    for i, char in enumerate(rest):
        if char == "@":
            at = i
            break
        if char == "/":
            break
    start = at + 1
    cut = len(rest)
    for mark in "/?":
        found = rest.find(mark, start)
        if found >= 0:
            cut = min(cut, found)
    if cut < len(rest) and rest[cut] == "/":
        return rest[:cut], "/", rest[cut + 1 :]
    return rest[:cut], "", rest[cut:]
