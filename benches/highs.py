#!/usr/bin/env python3
"""The exact search against HiGHS on the same instances (not run in CI).

For each size, `cargo run --release --example ilp` builds the synthetic catalog, times mesomix's
exact single-syringe search on it (median of several runs, in process) and writes the integer
program of benches/support/ilp.rs as an LP file; HiGHS (pip install highspy) then solves that
file, and this script prints both times, the ratio, and whether both found the same optimum.

Usage: python3 benches/highs.py [SIZES...] [--max K] [--seed S] [--shape benchmark|hostile]
                                [--time-limit SECONDS]
Defaults: sizes 100 1000 10000, k = 5, seed 7, the benchmark shape, HiGHS limited to 1,200 s.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000])
    parser.add_argument("--max", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shape", choices=["benchmark", "hostile"], default="benchmark")
    parser.add_argument("--time-limit", type=float, default=1200.0)
    args = parser.parse_args()
    try:
        import highspy
    except ImportError:
        print("highspy is missing: pip install highspy", file=sys.stderr)
        return 2
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "ilp"], cwd=root, check=True)
    example = os.path.join(root, "target", "release", "examples", "ilp")
    print(f"{'items':>6} {'exact search':>13} {'HiGHS':>12} {'ratio':>9}  same optimum  HiGHS status")
    with tempfile.TemporaryDirectory() as work:
        for n in args.sizes:
            lp = os.path.join(work, f"syn{n}.lp")
            out = subprocess.run(
                [example, "--items", str(n), "--seed", str(args.seed), "--max", str(args.max),
                 "--shape", args.shape, "--lp", lp],
                check=True, capture_output=True, text=True,
            ).stdout
            ours = json.loads(out)
            h = highspy.Highs()
            h.setOptionValue("output_flag", False)
            h.setOptionValue("time_limit", args.time_limit)
            h.setOptionValue("threads", 1)
            h.readModel(lp)
            start = time.perf_counter()
            h.run()
            seconds = time.perf_counter() - start
            status = h.modelStatusToString(h.getModelStatus())
            theirs = h.getInfo().objective_function_value
            same = abs(theirs - ours["objective"]) <= 1e-6 * max(1.0, abs(theirs))
            ms = ours["search_ms"]
            proven = "" if ours["proven"] else " (not proven)"
            print(f"{n:>6} {ms:>10.2f} ms {seconds * 1000:>9.0f} ms {seconds * 1000 / ms:>8.0f}x"
                  f"  {'yes' if same else 'NO'}{proven:<14} {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
