"""The .deb's Depends: the system libraries the bundle links to, mapped to Debian packages.

How the list is derived (run it alone: `python installer/linux/depends.py dist/linux/disclosure-desktop`):
1. every ELF file of the PyInstaller bundle is read with `objdump -p`: its NEEDED entries (the
   libraries it links to directly) and its version references (GLIBC_2.34 ...);
2. a NEEDED library that the bundle itself carries is skipped; the others are system
   libraries (the desktop stack bundle_plan.py leaves out on purpose, and glibc);
3. each is located with the dynamic linker's cache (`ldconfig -p`) and mapped to its package
   with `dpkg -S`; a library missing on the build machine falls back to the table below (the
   usual Debian/UOS package of that soname), with a warning;
4. glibc gets a minimum version: the highest GLIBC_x.y any bundled file asks for, so dpkg
   refuses to install on a system whose C library is too old instead of the program failing
   at start (PySide6 6.10+ wheels need glibc 2.34; 统信UOS 20 has 2.28).
Indirect dependencies (libxcb needed by libX11, ...) are the business of those packages' own
Depends, as in any Debian package.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

# Package of a library the build machine does not have installed (so dpkg -S cannot say).
# Names are those of Debian 10–12, 统信UOS 20 and 麒麟 V10 (all Debian-based).
KNOWN_PACKAGES = {
    "libc.so.6": "libc6", "libm.so.6": "libc6", "libdl.so.2": "libc6", "libpthread.so.0": "libc6",
    "librt.so.1": "libc6", "libutil.so.1": "libc6", "ld-linux-x86-64.so.2": "libc6",
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0", "libgobject-2.0.so.0": "libglib2.0-0",
    "libcups.so.2": "libcups2", "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1", "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1", "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0", "libz.so.1": "zlib1g",
    "libstdc++.so.6": "libstdc++6", "libgcc_s.so.1": "libgcc-s1",
}

# Packages renamed between Debian releases: the older name is accepted as an alternative, so a
# package built on a newer system still installs on 统信UOS 20 / 麒麟 V10 when glibc allows.
OLDER_NAMES = {"libgcc-s1": ["libgcc1"]}


def older_names(package: str) -> list[str]:
    """Alternatives for a package name: the table, and the name before the 64-bit time_t
    transition (Debian 13 renamed e.g. libglib2.0-0 to libglib2.0-0t64)."""
    names = list(OLDER_NAMES.get(package, []))
    if package.endswith("t64"):
        names.append(package[:-3])
    return names


GLIBC_LIBRARIES = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
                   "libutil.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1"}


@dataclass
class Dependencies:
    packages: dict[str, set[str]] = field(default_factory=dict)  # package -> sonames that need it
    glibc: tuple[int, ...] = (2, 17)
    glibc_needed_by: str = ""                                    # a file that asks for that version
    guessed: dict[str, str] = field(default_factory=dict)        # soname -> package from the table
    unknown: list[str] = field(default_factory=list)             # sonames nobody can place

    def depends_field(self) -> str:
        entries = []
        for package in sorted(self.packages):
            if package == "libc6":
                entries.append(f"libc6 (>= {'.'.join(map(str, self.glibc))})")
            else:
                entries.append(" | ".join([package] + older_names(package)))
        return ", ".join(entries)


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def elf_files(bundle: Path) -> list[Path]:
    return [path for path in sorted(bundle.rglob("*"))
            if path.is_file() and not path.is_symlink() and is_elf(path)]


def read_elf(path: Path) -> tuple[list[str], set[str]]:
    """(NEEDED sonames, GLIBC_x.y version references) of one ELF file."""
    output = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
    needed = [line.split()[1] for line in output.splitlines() if line.strip().startswith("NEEDED")]
    versions = set(re.findall(r"\bGLIBC_(\d+(?:\.\d+)+)\b", output.split("Version References", 1)[-1]))
    return needed, versions


def linker_cache() -> dict[str, str]:
    """soname -> path for the build machine's architecture, from `ldconfig -p`."""
    output = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    machine = "x86-64" if sys.maxsize > 2**32 else ""
    cache: dict[str, str] = {}
    for line in output.splitlines()[1:]:
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and (not machine or machine in match.group(2) or "AArch64" in match.group(2)):
            cache.setdefault(match.group(1), match.group(3))
    return cache


def package_of(path: str) -> str | None:
    """Debian package that installed `path` (merged-/usr aware), or None."""
    candidates = {path, str(Path(path).resolve())}
    for candidate in list(candidates):
        if candidate.startswith("/usr/"):
            candidates.add(candidate[4:])
        else:
            candidates.add("/usr" + candidate)
    for candidate in candidates:
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0 and result.stdout:
            return result.stdout.split(":", 1)[0].strip()
    return None


def derive(bundle: Path) -> Dependencies:
    files = elf_files(bundle)
    bundled = {path.name for path in bundle.rglob("*")}
    needed: dict[str, set[str]] = {}
    glibc: tuple[tuple[int, ...], str] = ((2, 17), "")
    for path in files:
        names, versions = read_elf(path)
        for name in names:
            if name not in bundled:
                needed.setdefault(name, set()).add(str(path.relative_to(bundle)))
        for version in versions:
            glibc = max(glibc, (tuple(int(part) for part in version.split(".")), str(path.relative_to(bundle))))

    result = Dependencies(glibc=glibc[0], glibc_needed_by=glibc[1])
    cache = linker_cache()
    for soname in sorted(needed):
        package = package_of(cache[soname]) if soname in cache else None
        if package is None and soname in KNOWN_PACKAGES:
            package = KNOWN_PACKAGES[soname]
            result.guessed[soname] = package
        if package is None:
            result.unknown.append(soname)
            continue
        result.packages.setdefault(package, set()).add(soname)
    if any(soname in GLIBC_LIBRARIES for soname in needed):
        result.packages.setdefault("libc6", set())
    return result


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("用法：python installer/linux/depends.py 打包目录", file=sys.stderr)
        return 2
    deps = derive(Path(argv[0]))
    for package, sonames in sorted(deps.packages.items()):
        print(f"{package:28} {' '.join(sorted(sonames))}")
    for soname, package in sorted(deps.guessed.items()):
        print(f"注意：构建机上没有 {soname}，按对照表记为 {package}", file=sys.stderr)
    for soname in deps.unknown:
        print(f"错误：无法确定 {soname} 属于哪个软件包", file=sys.stderr)
    print(f"glibc ≥ {'.'.join(map(str, deps.glibc))}（例如 {deps.glibc_needed_by} 需要）")
    print(f"Depends: {deps.depends_field()}")
    return 1 if deps.unknown else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
