#!/usr/bin/env bash
# Build the Linux bundle and the .deb (统信UOS layout) from a clean checkout, in one step:
#
#   scripts/build-linux.sh                 # fresh venv in build/linux/venv, then bundle + .deb in dist/
#   scripts/build-linux.sh --python python # use this interpreter instead of a venv (its packages are bundled)
#   scripts/build-linux.sh --store         # UOS app-store variant: nothing outside /opt/apps/<appid>/
#   scripts/build-linux.sh --fast          # gzip instead of xz: larger .deb, much faster to pack (tests)
#
# Environment: PYSIDE6_REQUIREMENT pins Qt in the venv, e.g. "PySide6-Essentials==6.9.3" for a
# package that must run on glibc 2.28 (统信UOS 20, 麒麟 V10) -- see docs/installers.md.
# Needs: python3 (with venv), binutils (objdump), dpkg-deb; PyPI reachable when a venv is made.
# Output: build/linux/dist/disclosure-desktop/ (the onedir bundle) and dist/<appid>_<version>_<arch>.deb.
set -euo pipefail
cd "$(dirname "$0")/.."

python_bin=""
deb_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --python) python_bin="$2"; shift 2 ;;
    --store) deb_args+=(--store); shift ;;
    --fast) deb_args+=(--compression gzip); shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "未知参数：$1（可用 --python 解释器、--store、--fast）" >&2; exit 2 ;;
  esac
done

for tool in objdump dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "缺少 $tool：请先安装（apt-get install binutils dpkg）" >&2; exit 2; }
done

started=$(date +%s)
if [ -z "$python_bin" ]; then
  # A venv of its own: only the application's dependencies end up in the bundle.
  python3 -m venv build/linux/venv
  python_bin=build/linux/venv/bin/python
  "$python_bin" -m pip install -q --upgrade pip
  "$python_bin" -m pip install -q . "pyinstaller>=6" ${PYSIDE6_REQUIREMENT:+"$PYSIDE6_REQUIREMENT"}
else
  "$python_bin" -c "import disclosure_desktop" 2>/dev/null \
    || { echo "$python_bin 中没有安装 disclosure_desktop：请先 pip install -e ." >&2; exit 2; }
  "$python_bin" -c "import PyInstaller" 2>/dev/null || "$python_bin" -m pip install -q "pyinstaller>=6"
fi

echo "== PyInstaller 打包（onedir）"
"$python_bin" -m PyInstaller --noconfirm --log-level WARN \
  --distpath build/linux/dist --workpath build/linux/pyinstaller installer/disclosure-desktop.spec

echo "== 制作 .deb"
"$python_bin" installer/linux/build_deb.py build/linux/dist/disclosure-desktop dist "${deb_args[@]}"

echo "== 完成，用时 $(( $(date +%s) - started )) 秒"
du -sh build/linux/dist/disclosure-desktop dist/*.deb
