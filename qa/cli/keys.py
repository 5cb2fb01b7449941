"""``qa keys create|list|revoke``: manage API keys (roles: qa_lead, supervisor, admin)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from qa.cli.common import add_common, add_store_options, open_store
from qa.errors import InputError

__all__ = ["register", "create", "list_keys", "revoke"]


def register(sub: Any) -> None:
    """Add the command and its actions to the ``qa`` parser's subcommands."""
    k = sub.add_parser("keys", help="manage API keys (roles: qa_lead, supervisor, admin)")
    add_common(k)
    ksub = k.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    kc = ksub.add_parser("create", help="create a key and print it (it is shown only once)")
    add_common(kc)
    add_store_options(kc)
    roles = ("qa_lead", "supervisor", "admin")
    kc.add_argument("role_arg", nargs="?", choices=roles, metavar="ROLE", help="qa_lead, supervisor or admin")
    kc.add_argument("--role", choices=roles, help="the same as ROLE")
    kc.add_argument("--label", default="", help="who or what the key is for")
    kc.add_argument("--team", action="append", default=[], metavar="TEAM", help="bind the key to a team (repeat for several; none: it sees every team)")
    kc.set_defaults(func=create)
    kl = ksub.add_parser("list", help="list keys (never the keys themselves)")
    add_common(kl)
    add_store_options(kl)
    kl.set_defaults(func=list_keys)
    kr = ksub.add_parser("revoke", help="revoke a key by its id (from `qa keys list`)")
    add_common(kr)
    add_store_options(kr)
    kr.add_argument("key_id", type=int, metavar="ID")
    kr.set_defaults(func=revoke)


def create(args: argparse.Namespace) -> int:
    """Create a key and print it (the only time it is shown)."""
    role = args.role or args.role_arg
    if not role or (args.role and args.role_arg and args.role != args.role_arg):
        raise InputError("give the key's role once: qa keys create ROLE (qa_lead, supervisor, admin)")
    with open_store(args) as store:
        key = store.keys.create(role, label=args.label, teams=args.team)
    print(key)
    if not args.quiet:
        bound = f" bound to {', '.join(sorted(set(args.team)))}" if args.team else ""
        print(f"qa: created a {role} key{bound}; it is shown only this once", file=sys.stderr)
    return 0


def list_keys(args: argparse.Namespace) -> int:
    """Print every key's id, prefix, role, state and label (never the key itself)."""
    with open_store(args) as store:
        keys = store.keys.list()
    if not keys:
        print("no API keys (create one with: qa keys create --role admin)")
    for k in keys:
        state = f"revoked {k.revoked:%Y-%m-%d %H:%M}" if k.revoked else "active"
        teams = ",".join(k.teams) or "all teams"
        print(f"{k.id:>4}  {k.prefix}…  {k.role:<10}  {state:<24}  {teams:<16}  {k.label}")
    return 0


def revoke(args: argparse.Namespace) -> int:
    """Revoke a key by its id."""
    with open_store(args) as store:
        store.keys.revoke(args.key_id)
    print(f"revoked key {args.key_id}")
    return 0
