"""The ``netedu`` command: check the content, see the question bank, regenerate navigation, export, serve."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from netedu.content import ContentError, load_content, validate_content
from netedu.settings import DEFAULT_HOST, DEFAULT_POOL_SIZE, DEFAULT_PORT, PLAYER_NOTEBOOK, find_root
from netedu.store.failures import StoreUnavailable

__all__ = ["main", "stats"]


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve() if args.root else find_root()


def _problems(root: Path) -> list[str]:
    problems = validate_content(root)
    if not problems:
        from netedu.content.notebooks import check_notebooks

        problems = check_notebooks(load_content(root))
    return [str(p) for p in problems]


def cmd_check(args: argparse.Namespace) -> int:
    root = _root(args)
    problems = _problems(root)
    if problems:
        print("\n".join(problems))
        noun = "problem" if len(problems) == 1 else "problems"
        print(f"\nnetedu check: {len(problems)} {noun} found.", file=sys.stderr)
        return 1
    content = load_content(root)
    n = sum(len(q) for q in content.questions.values())
    print(f"netedu check: OK ({len(content.topics)} topics, {n} questions, {len(content.references)} references)")
    return 0


def stats(root: Path) -> dict:
    """The question bank at a glance (what ``netedu stats --json`` prints)."""
    content = load_content(root)
    topics = []
    for topic in content.topics.values():
        questions = content.questions[topic.id]
        topics.append(
            {
                "id": topic.id,
                "title": topic.title,
                "questions": len(questions),
                "question_types": dict(sorted(Counter(q.type for q in questions).items())),
                "explorers": list(topic.explorers),
            }
        )
    return {
        "topics": topics,
        "questions": sum(t["questions"] for t in topics),
        "references": len(content.references),
    }


def cmd_stats(args: argparse.Namespace) -> int:
    data = stats(_root(args))
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    for t in data["topics"]:
        kinds = ", ".join(f"{n} {k}" for k, n in t["question_types"].items())
        explorers = f"; explorers: {', '.join(t['explorers'])}" if t["explorers"] else ""
        print(f"{t['id']:<28} {t['questions']:>3} questions ({kinds}{explorers})  {t['title']}")
    print(f"{'total':<28} {data['questions']:>3} questions, {data['references']} references")
    return 0


def cmd_nav(args: argparse.Namespace) -> int:
    from netedu.content.notebooks import pages, sync_notebook, sync_player

    root = _root(args)
    content = load_content(root)
    stale = [PLAYER_NOTEBOOK] if sync_player(content, write=not args.check) else []
    for page in pages(content):
        path = root / "notebooks" / page.notebook
        if path.is_file() and sync_notebook(path, content, page, write=not args.check):
            stale.append(page.notebook)
    verb = "stale" if args.check else "updated"
    for name in stale:
        print(f"{verb}: notebooks/{name}")
    if args.check and stale:
        print("Run 'netedu nav' to regenerate them.", file=sys.stderr)
        return 1
    if not stale:
        print("netedu nav: all generated cells are current")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from netedu.server.app import serve

    root = _root(args)
    try:
        load_content(root)
    except ContentError as err:
        print(f"warning: {err}\nThe app will show this list until it is fixed.", file=sys.stderr)
    try:
        serve(
            root,
            host=args.host,
            port=args.port,
            database_url=args.database_url,
            pool_size=args.pool_size,
            educator_key=args.educator_key,
            fork=args.fork,
            refill=args.refill,
            max_kernels=args.max_kernels,
            save_answers=args.store,
        )
    except StoreUnavailable as err:
        print(
            f"netedu serve: {err}\nNothing is served: fix the location or its permissions, or give another --database-url "
            "(--no-store serves a demo whose answers are not saved).",
            file=sys.stderr,
        )
        return 1
    except ValueError as err:
        print(f"netedu serve: {err}", file=sys.stderr)
        return 2
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from netedu.export.anki import write_anki

    content = load_content(_root(args))
    try:
        export = write_anki(content, args.out, args.topic or None)
    except KeyError as err:
        print(f"netedu export: {err.args[0]}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"netedu export: cannot write {args.out}: {err.strerror or err}", file=sys.stderr)
        return 2
    topics = "topic" if export.topics == 1 else "topics"
    print(f"netedu export: wrote {export.notes} cards from {export.topics} {topics} to {args.out}")
    if export.skipped:
        print(f"  left out {len(export.skipped)} hotspot question(s), which need a drawing to click: {', '.join(export.skipped)}")
    print("  Import it in Anki (File > Import); importing a newer export updates these cards and keeps their reviews.")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="netedu", description=__doc__)
    parser.add_argument("--root", help="the course checkout (default: found from the working directory)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser("check", help="validate every content file and notebook; exit 1 listing all problems").set_defaults(func=cmd_check)
    p = sub.add_parser("stats", help="the question bank per topic")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_stats)
    p = sub.add_parser("nav", help="regenerate the navigation, disclaimer and reference cells of the notebooks")
    p.add_argument("--check", action="store_true", help="only report stale notebooks (exit 1 if any)")
    p.set_defaults(func=cmd_nav)
    p = sub.add_parser("export", help="export the question bank for study elsewhere (an Anki deck)")
    p.add_argument("format", choices=["anki"], help="anki: an .apkg deck, one card per question, with answers, explanations and sources")
    p.add_argument("--out", required=True, help="the file to write, e.g. netedu.apkg")
    p.add_argument("--topic", action="append", metavar="ID", help="only this topic (repeat for several; default: every topic)")
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("serve", help="serve the course app with Voila")
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument(
        "--database-url",
        help="where progress is kept: a SQLAlchemy URL, e.g. postgresql://user@host/netedu "
        "(default: $NETEDU_DATABASE_URL, else a SQLite file in your user data folder). "
        "It is opened before the server starts; if it cannot be, nothing is served (exit status 1)",
    )
    p.add_argument(
        "--no-store",
        dest="store",
        action="store_false",
        help="a demo: keep answers only in the server's memory, lost when it stops (every page says so)",
    )
    p.add_argument(
        "--pool-size",
        type=int,
        default=DEFAULT_POOL_SIZE,
        help=f"course player kernels kept warm for arriving learners: the number of learners you expect "
        f"(default {DEFAULT_POOL_SIZE}; 0 turns the pool off). The server says when it is ready for them.",
    )
    p.add_argument(
        "--no-fork",
        dest="fork",
        action="store_false",
        help="start each learner's kernel the ordinary way instead of forking it from a warm template "
        "(slower and heavier; for platforms where forking misbehaves)",
    )
    p.add_argument(
        "--refill",
        choices=["quiet", "fixed"],
        default="quiet",
        help="when the pool refills: 'quiet' (default) once no learner has arrived for 30 s and the machine is idle; "
        "'fixed': Voila's own refill, 20 s after each learner arrives",
    )
    p.add_argument(
        "--max-kernels",
        type=int,
        default=0,
        metavar="N",
        help="learners' kernels the server holds at most; a learner arriving beyond it is told the room is full "
        "(default: as many as the machine's free memory allows, at least 10)",
    )
    p.add_argument(
        "--educator-key",
        help="the key of the educator view, which shows the room's answers under every question "
        "(default: $NETEDU_EDUCATOR_KEY, else a new random key; the link is printed at start)",
    )
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except ContentError as err:
        print(err, file=sys.stderr)
        return 1
    except FileNotFoundError as err:
        print(f"netedu: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
