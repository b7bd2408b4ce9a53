"""The ``labkit`` command: maintenance tasks for maintainers and trainers.

Examples
--------
``labkit info``                         where data and work are, language, masking
``labkit verify-data``                  check the bundled files against the manifest
``labkit generate-data --seed 2026``    regenerate the bundled universe (deliberately!)
``labkit notebooks [--check]``          write (or check) the trainee versions of notebooks
``labkit purge [DATASET]``              delete a trainee's imported data (and cache) from the work folder
``labkit links --hub URL --repo URL``   nbgitpuller links for the workshop (``--trainer``: solutions)
``labkit check-pull --repo URL --target DIR --work DIR``  a real pull leaves the work folder untouched
``labkit akun-peserta peserta.txt [--buat]``  check a list of trainee names (and create their accounts, as root)
``labkit rekap-kelas [--exchange DIR]``  the cohort's saved work into an XLSX workbook (trainers)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from labkit.errors import LabkitError


def _info(args: argparse.Namespace) -> int:
    import labkit

    for key, value in labkit.status().items():
        print(f"{key:10} {value}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from labkit import data

    report = data.verify(Path(args.folder) if args.folder else None)
    print(report.to_string(index=False))
    return 0 if bool(report["ok"].all()) else 1


def _generate(args: argparse.Namespace) -> int:
    from labkit.universe import __main__ as universe_main

    argv = ["--seed", str(args.seed), "--scale", str(args.scale), "--out", args.out]
    if args.force:
        argv.append("--force")
    return universe_main.main(argv) or 0


def _notebooks(args: argparse.Namespace) -> int:
    from labkit import nbgen

    return nbgen.main(["--check"] if args.check else [])


def _purge(args: argparse.Namespace) -> int:
    from labkit import data

    removed = data.purge(args.dataset)
    for path in removed:
        print(path)
    return 0


def _links(args: argparse.Namespace) -> int:
    from labkit.trainer import app_links, workshop_links

    if args.apps:
        for _, row in app_links(args.hub, args.repo, branch=args.branch).iterrows():
            print(f"{row['app']}\t{row['link']}")
        return 0
    table = workshop_links(args.hub, args.repo, branch=args.branch, trainer=args.trainer)
    for _, row in table.iterrows():
        print(f"{row['notebook']}\t{row['link']}")
    return 0


def _check_pull(args: argparse.Namespace) -> int:
    from labkit.trainer import verify_pull

    result = verify_pull(args.repo, args.target, args.work, branch=args.branch)
    print(f"work_unchanged={result['work_unchanged']} work_files={result['work_files']}")
    return 0 if result["work_unchanged"] else 1


def _accounts(args: argparse.Namespace) -> int:
    from labkit.trainer import accounts

    lines = Path(args.names).read_text(encoding="utf-8").splitlines() if args.names else []
    checked = accounts.check_names(lines, source=args.names or "-")
    trainers = [n.strip() for n in (args.pelatih or "").split(",") if n.strip()]
    for problem in checked.loc[~checked["ok"], "problem"]:
        print(problem, file=sys.stderr)
    print(f"{int(checked['ok'].sum())} nama baik, {int((~checked['ok']).sum())} bermasalah")
    if not checked["ok"].all():
        return 1
    if args.buat:
        made = accounts.create_accounts(
            checked["name"].tolist(), trainers=trainers, exchange=args.exchange
        )
        print(made.to_string(index=False))
    return 0


def _cohort(args: argparse.Namespace) -> int:
    from labkit.trainer import cohort

    kelas = cohort.gather(args.exchange)
    for problem in kelas.problems:
        print(f"tidak terbaca: {problem}", file=sys.stderr)
    print(kelas.overview().to_string(index=False))
    print(kelas.to_xlsx(args.out))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``labkit`` command."""
    parser = argparse.ArgumentParser(prog="labkit", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("info", help="show settings").set_defaults(func=_info)
    p = sub.add_parser("verify-data", help="check bundled data against the manifest")
    p.add_argument("--folder", default=None)
    p.set_defaults(func=_verify)
    p = sub.add_parser("generate-data", help="regenerate the bundled fictional universe")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--scale", type=int, default=1)
    p.add_argument("--out", default="datasets")
    p.add_argument("--force", action="store_true", help="overwrite an existing bundle")
    p.set_defaults(func=_generate)
    p = sub.add_parser("notebooks", help="generate trainee notebooks from the solution sources")
    p.add_argument(
        "--check", action="store_true", help="fail if a committed trainee version is stale"
    )
    p.set_defaults(func=_notebooks)
    p = sub.add_parser(
        "purge",
        help="delete imported (masked) data and their cache from the work folder; raw downloads "
        "elsewhere must be deleted by hand, or with labkit.owndata.purge(name, downloads=folder) "
        "inside the work folder",
    )
    p.add_argument("dataset", nargs="?", default=None)
    p.set_defaults(func=_purge)
    p = sub.add_parser("links", help="nbgitpuller links for the workshop's ready notebooks")
    p.add_argument(
        "--hub", required=True, help="the hub's address, e.g. https://lab.instansi.go.id"
    )
    p.add_argument("--repo", required=True, help="the lab's git repository (https)")
    p.add_argument("--branch", default="main")
    p.add_argument(
        "--trainer", action="store_true", help="links to the solution notebooks (trainers only)"
    )
    p.add_argument("--apps", action="store_true", help="links to the app pages (Voilà, no code)")
    p.set_defaults(func=_links)
    p = sub.add_parser(
        "check-pull", help="pull with nbgitpuller and check the work folder is untouched"
    )
    p.add_argument("--repo", required=True)
    p.add_argument("--target", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--branch", default="main")
    p.set_defaults(func=_check_pull)
    p = sub.add_parser(
        "akun-peserta", help="check trainee names (one per line) and, with --buat, create accounts"
    )
    p.add_argument("names", nargs="?", default=None, help="file with one trainee name per line")
    p.add_argument("--buat", action="store_true", help="create the system users (as root)")
    p.add_argument("--pelatih", default="", help="trainers' names, comma-separated")
    p.add_argument("--exchange", default=None, help="the exchange folder (/srv/humas-lab/kumpul)")
    p.set_defaults(func=_accounts)
    p = sub.add_parser("rekap-kelas", help="gather the cohort's saved work into a workbook")
    p.add_argument("--exchange", default=None)
    p.add_argument("--out", default="exports/rekap_kelas.xlsx")
    p.set_defaults(func=_cohort)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except LabkitError as exc:
        print(exc, file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
