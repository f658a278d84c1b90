#!/usr/bin/env python3
"""Refresh every `$ mesomix ...` example in README.md, docs/commands.md and docs/reference.md with the binary's
real output.

Each example is a fenced ```console block whose first line is `$ mesomix ARGS`. The block's
output is replaced with what `target/release/mesomix ARGS` prints (stdout, then stderr).
A block whose last line is `…` keeps only as many output lines as it already shows, so long
outputs can be shown in part. tests/cli/readme.rs checks the same blocks on every test run.

Usage: cargo build --release && python3 scripts/update_readme.py
"""
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, "target", "release", "mesomix")
BLOCK = re.compile(r"```console\n\$ mesomix (?P<args>[^\n]*)\n(?P<body>.*?)```", re.S)


def run(args):
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR", "MESOMIX_CATALOG", "COLUMNS", "HOME")}
    env.update({"TZ": "UTC", "MESOMIX_TODAY": "2026-11-22"})
    out = subprocess.run([BINARY] + shlex.split(args), cwd=ROOT, env=env, capture_output=True, text=True)
    return out.stdout + out.stderr


def refresh(match):
    args = match.group("args")
    body = match.group("body")
    output = run(args)
    lines = body.splitlines()
    if lines and lines[-1] == "…":
        keep = len(lines) - 1
        output = "\n".join(output.splitlines()[:keep]) + "\n…\n"
    return f"```console\n$ mesomix {args}\n{output}```"


DOCUMENTS = ["README.md", os.path.join("docs", "commands.md"), os.path.join("docs", "reference.md")]


# docs/catalog.md: the catalog reference, every section the Markdown output of one command.
CATALOG_COMMANDS = ["goals", "ingredients", "products", "classes", "zones", "conditions", "medications"]
CATALOG_HEAD = """# The catalog

Generated from `ingredients.ron` by `scripts/update_readme.py` (each section is the Markdown output
of the command named); `tests/cli/readme.rs` checks that it is current.

"""


def catalog_reference():
    parts = [CATALOG_HEAD]
    for command in CATALOG_COMMANDS:
        parts.append(f"<!-- mesomix {command} --format markdown -->\n")
        parts.append(shift(run(f"{command} --format markdown")))
        parts.append("\n")
    return "".join(parts)


def shift(markdown):
    """Each command's headings one level down, under the page title."""
    return "\n".join(("#" + line) if line.startswith("#") else line for line in markdown.splitlines()) + "\n"


def main():
    path = os.path.join(ROOT, "docs", "catalog.md")
    new = catalog_reference()
    old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    open(path, "w", encoding="utf-8").write(new)
    print("docs/catalog.md regenerated" if new != old else "docs/catalog.md already current")
    for name in DOCUMENTS:
        path = os.path.join(ROOT, name)
        text = open(path, encoding="utf-8").read()
        new = BLOCK.sub(refresh, text)
        open(path, "w", encoding="utf-8").write(new)
        print(f"{name} examples refreshed" if new != text else f"{name} examples already current")


if __name__ == "__main__":
    sys.exit(main())
