"""Run the benchmarks: every ``bench/<name>.py``, or the names given; ``--smoke`` for CI."""

from __future__ import annotations

import argparse
import importlib
import shutil
import sys
import time
import traceback
import unittest
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
SBIN = ("/usr/sbin", "/sbin", "/usr/local/sbin")


def available() -> list[str]:
    """The benchmark modules of this folder, by name."""
    return sorted(p.stem for p in HERE.glob("*.py") if not p.stem.startswith("_"))


def _found(program: str) -> bool:
    return shutil.which(program) is not None or any(Path(d, program).exists() for d in SBIN)


def missing(module: ModuleType) -> list[str]:
    """Programs the module needs (its ``NEEDS``) that this machine lacks."""
    return [p for p in getattr(module, "NEEDS", ()) if not _found(p)]


def run_one(name: str, smoke: bool) -> str:
    """Run one benchmark; return its outcome: ok, limit missed, skipped or failed."""
    print(f"== bench/{name}.py{' (smoke)' if smoke else ''}", flush=True)
    start = time.perf_counter()
    try:
        module = importlib.import_module(f"bench.{name}")
        lacking = missing(module)
        if lacking:
            print(f"   skipped: needs {', '.join(lacking)}")
            return "skipped"
        result = module.main(smoke=smoke)
    except unittest.SkipTest as skip:
        print(f"   skipped: {skip}")
        return "skipped"
    except (Exception, SystemExit):
        traceback.print_exc()
        sys.stderr.flush()
        return "failed"
    finally:
        print(f"   ({time.perf_counter() - start:.1f} s)", flush=True)
    if result is False:
        return "limit missed (not enforced in smoke runs)" if smoke else "limit missed"
    return "ok"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks asked for; non-zero if one raised (or, in full runs, missed)."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny counts, just prove it works")
    parser.add_argument("names", nargs="*", help=f"among: {', '.join(available())}")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.names) - set(available()))
    if unknown:
        parser.error(f"no benchmark named {', '.join(unknown)}")
    root = str(HERE.parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    outcomes = {name: run_one(name, args.smoke) for name in args.names or available()}
    print("== summary")
    for name, outcome in outcomes.items():
        print(f"   {name:<14} {outcome}")
    bad = {"failed"} if args.smoke else {"failed", "limit missed"}
    return 1 if any(o in bad for o in outcomes.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
