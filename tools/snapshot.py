"""Write what every command prints, in every format and language, into one folder.

    python tools/snapshot.py OUT [--files 150]

For a change that must not change behaviour (a restructuring): take a snapshot before and
after, then `diff -r BEFORE AFTER` must print nothing. The inputs are the bundled examples,
the mixed-version fixtures and a generated batch (`benchmarks/generate.py`, deterministic) of
more than 100 files, so that the pool of processes checks it by default. (A batch keeps its
results packed only beyond 1,000 files; `tests/unit/run` holds that path to the same bytes.)
Each command's stdout, stderr and exit code are kept; reports written with --output as well.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("console", "json", "junit", "sarif", "github", "markdown")
AS_OF = ("--as-of", "2026-11-23")


def commands(batch: str) -> dict[str, list[str]]:
    """Name -> arguments of oncocheck; names are file names in the snapshot."""
    runs: dict[str, list[str]] = {}
    for lang in ("nl", "en"):
        for fmt in FORMATS:
            runs[f"examples-{fmt}-{lang}"] = ["check", "examples", *AS_OF, "-f", fmt,
                                              "--lang", lang]
            runs[f"batch-{fmt}-{lang}"] = ["check", batch, *AS_OF, "-f", fmt, "--lang", lang]
            runs[f"mixed-{fmt}-{lang}"] = ["check", "tests/fixtures/mixed", "-f", fmt,
                                           "--lang", lang]
        runs[f"examples-site-{lang}"] = ["check", "examples", *AS_OF, "-f", "html", "--lang",
                                         lang, "-o", "{out}/examples-site-" + lang]
        runs[f"batch-site-{lang}"] = ["check", batch, *AS_OF, "-f", "html", "--lang", lang,
                                      "-o", "{out}/batch-site-" + lang]
        for fmt in ("console", "json", "markdown"):
            runs[f"compare-{fmt}-{lang}"] = ["check", "examples", *AS_OF, "--compare",
                                             "loppsoz@2021", "-f", fmt, "--lang", lang]
        for fmt in ("console", "json"):
            runs[f"impact-{fmt}-{lang}"] = ["impact", batch, "examples", *AS_OF, "--from",
                                            "loppsoz@2021", "--to", "loppsoz@2024", "--sweep",
                                            "2a", "-f", fmt, "--lang", lang]
        runs[f"impact-html-{lang}"] = ["impact", batch, *AS_OF, "--from", "loppsoz@2021",
                                       "--to", "loppsoz@2024", "-f", "html", "--lang", lang,
                                       "-o", "{out}/impact-" + lang + ".html"]
        runs[f"criteria-list-{lang}"] = ["criteria", "list", *AS_OF, "--lang", lang]
        runs[f"criteria-show-{lang}"] = ["criteria", "show", "loppsoz@2021", "--lang", lang]
        runs[f"criteria-diff-{lang}"] = ["criteria", "diff", "loppsoz@2021", "loppsoz@2024",
                                         "--lang", lang]
        runs[f"explain-{lang}"] = ["explain", "2a", "--lang", lang]
        runs[f"init-{lang}"] = ["init", "{out}/init-" + lang + ".yaml", "--lang", lang]
        runs[f"quiet-strict-{lang}"] = ["check", "examples", *AS_OF, "-q", "--strict",
                                        "--lang", lang]
    runs["batch-json-one-job"] = ["check", batch, *AS_OF, "-f", "json", "--jobs", "1"]
    runs["criteria-diff-json"] = ["criteria", "diff", "loppsoz@2021", "loppsoz@2024", "-f",
                                  "json"]
    runs["schema"] = ["schema"]
    runs["usage-error"] = ["check", "examples", "--as-of", "gisteren"]
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=150)
    args = parser.parse_args()
    out = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    batch = out.parent / "oncocheck-snapshot-batch"  # one place, so paths in reports agree
    shutil.rmtree(batch, ignore_errors=True)
    subprocess.run([sys.executable, str(ROOT / "benchmarks/generate.py"), str(batch),
                    "--count", str(args.files)], check=True)
    for name, argv in commands(str(batch)).items():
        argv = [a.replace("{out}", str(out)) for a in argv]
        done = subprocess.run([sys.executable, "-m", "oncocheck", *argv], cwd=ROOT,
                              capture_output=True, stdin=subprocess.DEVNULL)
        text = done.stdout.replace(str(out).encode(), b"OUT").replace(str(batch).encode(),
                                                                          b"BATCH")
        (out / f"{name}.out").write_bytes(text)
        errors = done.stderr.replace(str(out).encode(), b"OUT")
        (out / f"{name}.err").write_bytes(errors + f"\nexit {done.returncode}\n".encode())
    print(f"{len(commands(str(batch)))} commands written to {out}")


if __name__ == "__main__":
    main()
