"""Startup of the installed app (PyInstaller bundle from the .deb) as a ratio to the source tree
in the same run, and the size of what is installed.

Both sides are separate processes started with `--quit-after-show` on the sample report; each
prints the milliseconds from the operating system's record of its process start to the first
painted frame (app/startup_clock.py), so the bootloader and interpreter start count on both
sides.  Runs alternate after one warm-up each; medians are compared.  Also printed: the
bundle's size on disk (goal: under 150 MB unpacked) and the .deb's size.

Which bundle:  the installed one (/opt/apps/<appid>/files/), or `--deb FILE` to install that
package for the run (root; removed afterwards), or `--bundle DIR` for a PyInstaller output
folder that is not installed (build/linux/dist/disclosure-desktop).
Run: python bench/installed_startup_bench.py [--runs 9] [--deb dist/....deb | --bundle DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "kaizhou-edu-2019.gknb"
sys.path.insert(0, str(ROOT / "installer"))
import app_info  # noqa: E402

GOAL_MB = 150


def first_frame_ms(command: list, env: dict) -> float:
    done = subprocess.run([str(part) for part in command], env=env, capture_output=True, timeout=120)
    if done.returncode != 0:
        raise SystemExit(f"{command} 失败（{done.returncode}）：{done.stderr.decode('utf-8', 'replace')}")
    return float(done.stdout.decode().strip().splitlines()[-1])


def size_on_disk(folder: Path) -> tuple[int, int]:
    """(bytes allocated on disk, apparent bytes) of the files under `folder`, links not followed."""
    allocated = apparent = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            stat = path.stat()
            allocated += stat.st_blocks * 512
            apparent += stat.st_size
    return allocated, apparent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--deb", type=Path, help="安装这个 .deb 来测量（需要 root，测完卸载）")
    where.add_argument("--bundle", type=Path, help="未安装的 PyInstaller 输出目录")
    parser.add_argument("--platform", default=None, help="QT_QPA_PLATFORM（默认 offscreen，有 DISPLAY 时 xcb）")
    args = parser.parse_args()

    info = app_info.load()
    installed_files = Path("/opt/apps") / info.appid / "files"
    installed_here = False
    if args.deb:
        subprocess.run(["dpkg", "-i", str(args.deb)], check=True, stdout=subprocess.DEVNULL)
        installed_here = True
    bundle = args.bundle or installed_files
    executable = bundle / info.executable
    if not executable.is_file():
        print(f"找不到 {executable}：请先安装 .deb，或用 --deb / --bundle 指明。", file=sys.stderr)
        return 2
    deb = args.deb or next(iter(sorted((ROOT / "dist").glob(f"{info.appid}_*.deb"))), None)

    try:
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "HOME": home, "XDG_CONFIG_HOME": f"{home}/config",
                   "XDG_DATA_HOME": f"{home}/data"}
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = f"{home}/pycache"  # the source side keeps its bytecode too
            env["QT_QPA_PLATFORM"] = args.platform or ("xcb" if os.environ.get("DISPLAY") else "offscreen")
            bundled = [executable, "--quit-after-show", SAMPLE]
            source = [sys.executable, "-m", "disclosure_desktop", "--quit-after-show", SAMPLE]
            cold = first_frame_ms(bundled, env)
            first_frame_ms(source, env)  # warm-up of the source side
            bundled_ms, source_ms = [], []
            for _ in range(args.runs):
                bundled_ms.append(first_frame_ms(bundled, env))
                source_ms.append(first_frame_ms(source, env))
        allocated, apparent = size_on_disk(bundle)
    finally:
        if installed_here:
            subprocess.run(["dpkg", "-r", info.appid], stdout=subprocess.DEVNULL)

    installed_median, source_median = statistics.median(bundled_ms), statistics.median(source_ms)
    print(f"平台 {env['QT_QPA_PLATFORM']}，每边 {args.runs} 次（交替运行），到第一帧的毫秒数")
    print(f"{'measure':40} {'median ms':>10}  ratio")
    print(f"{'source tree: python -m disclosure_desktop':40} {source_median:10.0f}  1.00 (baseline)")
    print(f"{'installed bundle: ' + info.executable:40} {installed_median:10.0f}  "
          f"{installed_median / source_median:.2f}")
    print(f"{'installed bundle, first run (cold)':40} {cold:10.0f}  {cold / source_median:.2f}")
    print(f"bundle on disk: {allocated / 1e6:.1f} MB ({apparent / 1e6:.1f} MB of file data), goal < {GOAL_MB} MB: "
          f"{'met' if allocated / 1e6 < GOAL_MB else 'NOT met'}  [{bundle}]")
    if deb is not None and Path(deb).exists():
        print(f".deb: {Path(deb).stat().st_size / 1e6:.1f} MB  [{deb}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
