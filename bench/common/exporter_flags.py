"""The flags drizzle-kit adds when it compiles a schema exporter, read from the one place that
sets them (src/exporter/exporter.cpp, `t.extraFlags = {...}`), so that the benchmarks compile
schemas exactly as `generate` does."""

import pathlib
import subprocess
import re

REPO = pathlib.Path(__file__).resolve().parents[2]
SOURCE = REPO / "src" / "exporter" / "exporter.cpp"


def exporter_flags():
    text = SOURCE.read_text(encoding="utf-8")
    m = re.search(r"t\.extraFlags\s*=\s*\{([^}]*)\}", text)
    if not m:
        raise SystemExit(f"error: no `t.extraFlags = {{...}}` in {SOURCE}; update bench/common/exporter_flags.py")
    flags = re.findall(r'"([^"]*)"', m.group(1))
    if not flags:
        raise SystemExit(f"error: `t.extraFlags` in {SOURCE} lists no quoted flags")
    return flags


PCH_SOURCE = REPO / "src" / "exporter" / "precompiled_header.cpp"


def exporter_pch_header():
    """The text of the header drizzle-kit precompiles for every exporter (`kHeader`)."""
    text = PCH_SOURCE.read_text(encoding="utf-8")
    m = re.search(r"kHeader\s*=\s*((?:\s*\"(?:[^\"\\]|\\.)*\")+)\s*;", text)
    if not m:
        raise SystemExit(f"error: no `kHeader = \"...\";` in {PCH_SOURCE}; update bench/common/exporter_flags.py")
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))
    return "".join(p.encode().decode("unicode_escape") for p in parts)


def pch_build_flags(cxx):
    """What drizzle-kit adds when it builds that header with `cxx` (clang instantiates its templates once)."""
    version = subprocess.run([cxx, "--version"], capture_output=True, text=True, check=True).stdout
    return ["-fpch-instantiate-templates"] if "clang" in version else []
