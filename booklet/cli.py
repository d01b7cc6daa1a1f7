"""The ``booklet`` command: build, check and verify the kit.

Exit codes: 0 success, 1 content problems (each printed as ``path:line:col: error: message``),
2 usage errors. No traceback reaches the user; an internal error is reported as one line.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from booklet import outputs
from booklet.errors import ContentError

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="booklet", description=(
        "Build a patient-education kit (patient booklet PDF, one-page subtype handouts, clinician deck "
        "PPTX) from one YAML content source, and prove the outputs are complete."))
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                        help="content folder (default: content/)")
    common.add_argument("--styles", type=Path, default=Path("styles"), metavar="DIR",
                        help="styles folder holding theme.yaml (default: styles/; styles/a4 for A4 paper, "
                             "styles/large-print for 18 pt text)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build = sub.add_parser("build", parents=[common], help="render every output into --out, then verify it",
                           description="Render the booklet, handouts and deck into --out, then verify them.")
    build.add_argument("--out", type=Path, default=Path("build"), metavar="DIR", help="build folder (default: build/)")
    build.add_argument("--deck-template", type=Path, metavar="PATH",
                       help="an institution's .pptx template for the deck (overrides styles' deck.template)")
    cover = build.add_argument_group("deck cover", "override the title slide's fields from content/deck.yaml cover:")
    cover.add_argument("--presenter", metavar="NAME", help='who presents, e.g. "Dr. A. Rivera"')
    cover.add_argument("--credentials", metavar="TEXT", help='e.g. "MD, FACP"')
    cover.add_argument("--institution", metavar="TEXT", help="where the presenter works or the event is held")
    cover.add_argument("--event-date", metavar="TEXT", help='as it should read, e.g. "12 March 2027"')
    build.add_argument("--only", action="append", choices=outputs.names(),
                       help="build only this output (repeatable); verifies only what was built")
    build.add_argument("--no-verify", action="store_true", help="skip reading the outputs back")
    check = sub.add_parser("check", parents=[common], help="validate and lint the content without rendering",
                           description="Validate content/ and lint it: reading grade, list lengths, glossary "
                                       "coverage, sources cited, review date.")
    check.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    personal = sub.add_parser("personalise", parents=[common], help="personal booklets: one patient or a whole clinic",
                              description="Build a personal booklet and handout for each patient into "
                                          "--out/patients/<id>/ (readable by you only). SOURCE is a patient file "
                                          "(patient.yaml), a clinic list (.csv) or a folder of patient files.")
    personal.add_argument("source", type=Path, nargs="?", metavar="SOURCE", help="patient.yaml, clinic.csv or a folder")
    personal.add_argument("--out", type=Path, default=Path("build"), metavar="DIR", help="build folder (default: build/)")
    personal.add_argument("--jobs", type=_positive, default=1, metavar="N", help="worker processes (default 1)")
    personal.add_argument("--shard", type=_shard, metavar="K/N", help="build only slice K of N of the list")
    personal.add_argument("--forget", metavar="ID", help="remove the outputs of patient ID and stop")
    watch = sub.add_parser("watch", parents=[common], help="rebuild on every save",
                           description="Build into --out, then rebuild on every change to --content or --styles, "
                                       "rendering only what changed; problems are printed and the last good build "
                                       "stays in place.")
    watch.add_argument("--out", type=Path, default=Path("build"), metavar="DIR", help="build folder (default: build/)")
    watch.add_argument("--only", action="append", choices=outputs.names(), help="watch only this output (repeatable)")
    watch.add_argument("--verify", action="store_true", help="read every rebuild back (slower)")
    verify = sub.add_parser("verify", parents=[common], help="read the built files back and prove completeness",
                            description="Check that --out holds one build's complete set (manifest.json) and that every "
                                        "output in it holds everything the content says it must.")
    verify.add_argument("--out", type=Path, default=Path("build"), metavar="DIR", help="build folder (default: build/)")
    return parser


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, found '{text}'")
    return int(text)


def _shard(text: str) -> str:
    parts = text.split("/")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or not 1 <= int(parts[0]) <= int(parts[1]):
        raise argparse.ArgumentTypeError(f"expected K/N with 1 <= K <= N (such as 2/4), found '{text}'")
    return text


def _personalise(args) -> int:
    from booklet.personal import personalise

    if args.source is None and args.forget is None:
        _parser().error("personalise needs a SOURCE (patient.yaml, clinic.csv or a folder) or --forget ID")
    return personalise(args.source, args.content, args.styles, args.out, args.jobs, args.shard, args.forget)


def _watch(args) -> int:
    from booklet.watch import RESTART, restart, watch

    status = watch(args.content, args.styles, args.out, args.only, args.verify)
    if status == RESTART:
        restart()
    return status


def _build(args) -> int:
    from booklet.build import build

    started = time.perf_counter()
    cover = {key: getattr(args, key) for key in ("presenter", "credentials", "institution", "event_date")}
    built = build(args.content, args.styles, args.out, args.only, args.deck_template, verify=not args.no_verify,
                  cover=cover)
    elapsed = time.perf_counter() - started
    if built.coverage is not None:
        print(built.coverage.report())
    for path in built.written:
        print(f"wrote {path}")
    print(f"built {len(built.written)} files in {elapsed:.2f} s")
    if built.coverage is not None:
        print("verify: every section, table and chart is present in every output it belongs to; "
              f"wrote {args.out / 'manifest.json'}")
    return EXIT_OK


def _check(args) -> int:
    from booklet.check import check_and_report

    return check_and_report(args.content, args.styles, args.strict)


def _verify(args) -> int:
    from booklet.verify import verify_and_report

    return verify_and_report(args.content, args.styles, args.out)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return {"build": _build, "check": _check, "verify": _verify, "personalise": _personalise,
                "watch": _watch}[args.command](args)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        count = len(error.problems)
        print(f"booklet {args.command}: {count} error{'s' if count != 1 else ''}; nothing was written"
              if args.command == "build" else f"booklet {args.command}: {count} error(s)", file=sys.stderr)
        return EXIT_CONTENT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        if os.environ.get("BOOKLET_DEBUG"):
            raise
        print(f"booklet: internal error: {type(exc).__name__}: {exc} (set BOOKLET_DEBUG=1 for details)",
              file=sys.stderr)
        return EXIT_INTERNAL
