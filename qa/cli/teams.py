"""``qa teams create|assign|list``: teams of agents (keys bound to teams see only theirs), and
``qa reweek``: recompute the calls' weeks after the site's zone (``$QA_TIMEZONE``) changed."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from qa.cli.common import add_common, add_store_options, open_store

__all__ = ["register", "create", "assign", "list_teams", "reweek"]


def register(sub: Any) -> None:
    """Add the commands and their actions to the ``qa`` parser's subcommands."""
    t = sub.add_parser("teams", help="teams of agents (keys bound to teams see only theirs)")
    add_common(t)
    tsub = t.add_subparsers(dest="teams_command", metavar="ACTION", required=True)
    tc = tsub.add_parser("create", help="create a team (or rename one)")
    add_common(tc)
    add_store_options(tc)
    tc.add_argument("team_id", metavar="ID", help="letters, digits, '.', '_' or '-'")
    tc.add_argument("--name", help="a display name (default: the id)")
    tc.set_defaults(func=create)
    ta = tsub.add_parser("assign", help="put an agent in a team (an unknown agent is created)")
    add_common(ta)
    add_store_options(ta)
    ta.add_argument("agent_id", metavar="AGENT")
    ta.add_argument("team_id", metavar="TEAM", help="the team, or '-' for none")
    ta.set_defaults(func=assign)
    tl = tsub.add_parser("list", help="list teams with their number of agents")
    add_common(tl)
    add_store_options(tl)
    tl.set_defaults(func=list_teams)
    rw = sub.add_parser(
        "reweek", help="recompute every call's week in the site's zone ($QA_TIMEZONE)"
    )
    add_common(rw)
    add_store_options(rw)
    rw.add_argument(
        "--timezone", metavar="TZ", help="the site's zone (default $QA_TIMEZONE or UTC)"
    )
    rw.set_defaults(func=reweek)


def create(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        new = store.teams.create(args.team_id, name=args.name)
    print(f"{'created' if new else 'updated'} team {args.team_id}")
    return 0


def assign(args: argparse.Namespace) -> int:
    team = None if args.team_id == "-" else args.team_id
    with open_store(args) as store:
        created = store.teams.assign(args.agent_id, team)
    where = f"team {team}" if team else "no team"
    print(f"agent {args.agent_id}{' (new)' if created else ''} is in {where}")
    return 0


def list_teams(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        teams = store.teams.list()
    if not teams:
        print("no teams (create one with: qa teams create ID)")
    for t in teams:
        print(f"{t.id:<24}  {t.n_agents:>5} agent{'' if t.n_agents == 1 else 's'}  {t.name}")
    return 0


def reweek(args: argparse.Namespace) -> int:
    from qa.store import Store
    from qa.timezones import zone_name

    url = args.db or os.environ.get("QA_DATABASE_URL") or None
    with Store.open(url, data_dir=args.data_dir, timezone=args.timezone) as store:
        changed = store.calls.rebuild_weeks()
        name = zone_name(store.timezone)
    if not args.quiet:
        print(f"qa: {changed} call(s) moved to their week in {name}", file=sys.stderr)
    return 0
