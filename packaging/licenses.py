"""The licences of what the app bundle carries: listed, checked, and shipped inside it.

    .venv/bin/python packaging/licenses.py           # the runtime distributions and their licences
    .venv/bin/python packaging/licenses.py --check   # exit 1 if THIRD_PARTY_LICENSES.md lacks one

packaging/workbench.spec calls ``notices()`` to put every licence text into the bundle's
``licenses/`` folder: the project's, Python's, each runtime distribution's own files, the GNU
texts PySide6/Qt's LGPL needs (its wheels carry none), and on Debian-family build machines the
copyright files of the system libraries the bundle took from the machine.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "THIRD_PARTY_LICENSES.md"
GNU_TEXTS = Path(__file__).resolve().parent / "licenses"
NOTICE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.I)


def normalised(name: str) -> str:
    """A distribution name as PEP 503 compares them ("PySide6_Essentials": "pyside6-essentials")."""
    return re.sub(r"[-_.]+", "-", name).lower()


def top_level_modules(dist: metadata.Distribution) -> set[str]:
    """The import names a distribution installs (from top_level.txt, else from its files)."""
    text = dist.read_text("top_level.txt")
    if text:
        return set(text.split())
    return {
        f.parts[0].removesuffix(".py")
        for f in dist.files or []
        if not f.parts[0].endswith((".dist-info", ".data")) and f.parts[0] != ".."
    }


def runtime_distributions(
    root: str = "press-workbench", skip_modules: tuple[str, ...] = ()
) -> list[metadata.Distribution]:
    """The distributions ``root`` needs at run time (no extras), by name, itself excluded.

    A distribution all of whose modules are in ``skip_modules`` (what the spec excludes, e.g.
    pip, which sqlite-utils declares but the bundle never imports) is left out.
    """
    found: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        if normalised(name) in found:
            continue
        dist = metadata.distribution(name)
        found[normalised(name)] = dist
        for line in dist.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    del found[normalised(root)]
    return sorted(
        (d for d in found.values() if not top_level_modules(d) <= set(skip_modules)),
        key=lambda d: normalised(d.metadata["Name"]),
    )


def licence_of(dist: metadata.Distribution) -> str:
    """The licence a distribution declares: its SPDX expression, else the classifiers."""
    expression = dist.metadata.get("License-Expression")
    if expression:
        return expression
    classifiers = [
        c.split(" :: ")[-1] for c in dist.metadata.get_all("Classifier") or [] if "License" in c
    ]
    return " / ".join(classifiers) or (dist.metadata.get("License") or "?").splitlines()[0]


def licence_files(dist: metadata.Distribution) -> list[Path]:
    """The licence, notice and author files a distribution ships in its metadata folder."""
    return sorted(
        Path(str(dist.locate_file(f)))
        for f in dist.files or []
        if ".dist-info" in f.parts[0] and NOTICE_FILE.search(f.as_posix())
    )


def system_copyrights(libraries: list[str]) -> dict[str, Path]:
    """{Debian package: its copyright file} for libraries taken from the build machine.

    Empty where dpkg is not there (other distributions, macOS, Windows): the bundle then says
    in THIRD_PARTY_LICENSES.md where to look instead.
    """
    queries = {}
    for path in libraries:
        queries[path] = path
        if path.startswith("/usr/lib/"):  # merged /usr: dpkg may know either spelling
            queries[path.removeprefix("/usr")] = path
        elif path.startswith("/lib/"):
            queries["/usr" + path] = path
    try:
        done = subprocess.run(
            ["dpkg-query", "-S", *queries], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    found = {}
    for line in done.stdout.splitlines():
        package, _sep, _path = line.partition(": ")
        package = package.split(":")[0].split(",")[0].strip()
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.is_file():
            found[package] = copyright_file
    return found


def notices(binary_sources: list[str], skip_modules: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(source file, folder in the bundle) pairs of every licence text, for the spec's datas."""
    pairs = [
        (str(ROOT / "LICENSE"), "licenses/press-workbench"),
        (str(TABLE), "licenses"),
        *((str(p), "licenses") for p in sorted(GNU_TEXTS.glob("*.txt"))),
    ]
    python_licence = Path(sysconfig.get_path("stdlib")) / "LICENSE.txt"
    if python_licence.is_file():
        pairs.append((str(python_licence), "licenses/python"))
    for dist in runtime_distributions(skip_modules=skip_modules):
        folder = "licenses/" + normalised(dist.metadata["Name"])
        pairs += [(str(p), folder) for p in licence_files(dist) if p.is_file()]
    if sys.platform.startswith("linux"):
        system = [s for s in binary_sources if s.startswith(("/lib", "/usr/lib", "/lib64"))]
        pairs += [
            (str(path), f"licenses/system/{package}")
            for package, path in sorted(system_copyrights(system).items())
        ]
    return pairs


def versions_text(skip_modules: tuple[str, ...] = ()) -> str:
    """The exact versions in a bundle, for licenses/VERSIONS.txt (what a source request names)."""
    lines = [f"Python {sys.version.split()[0]} ({sys.platform})"]
    lines += [
        f"{d.metadata['Name']} {d.version}  ({licence_of(d)})"
        for d in runtime_distributions(skip_modules=skip_modules)
    ]
    return "\n".join(lines) + "\n"


def missing_from_table(dists: list[metadata.Distribution]) -> list[str]:
    """The distributions THIRD_PARTY_LICENSES.md has no table row for."""
    rows = {
        normalised(m.group(1))
        for m in re.finditer(r"^\|\s*\[?([A-Za-z0-9_.-]+)", TABLE.read_text(encoding="utf-8"), re.M)
    }
    return [d.metadata["Name"] for d in dists if normalised(d.metadata["Name"]) not in rows]


def main(argv: list[str]) -> int:
    dists = runtime_distributions(skip_modules=("pip",))
    if "--check" not in argv:
        for dist in dists:
            print(f"{dist.metadata['Name']:22} {dist.version:10} {licence_of(dist)}")
        return 0
    missing = missing_from_table(dists)
    if missing:
        names = ", ".join(missing)
        print(f"licenses.py: THIRD_PARTY_LICENSES.md lists no {names}", file=sys.stderr)
        return 1
    print(f"licences: THIRD_PARTY_LICENSES.md covers the {len(dists)} runtime distributions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
