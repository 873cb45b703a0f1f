#!/usr/bin/env bash
# Install one pinned set of dependencies into $VENV, then baocao itself (editable):
#   scripts/venv.sh runtime   requirements/runtime.txt (what `make build` needs)
#   scripts/venv.sh dev       requirements/dev.txt (runtime + tests, lint tools, browser)
#
# The installer is uv, pinned by hash in requirements/uv.txt and installed from PyPI with
# the interpreter's own pip into $UV_BOOTSTRAP (a wheel with its binary: nothing else is
# downloaded), or failing that a uv already on PATH. Where no uv can be had (no wheel for
# the platform, no pip), or with INSTALLER=pip, pip installs the very same locks. Both
# verify every hash.
set -euo pipefail

set_name=${1:?usage: scripts/venv.sh runtime|dev}
python=${PYTHON:-python3}
venv=${VENV:-.venv}
boot=${UV_BOOTSTRAP:-.uv}
lock=requirements/$set_name.txt
[ -f "$lock" ] || { echo "Không có tệp khóa $lock: chỉ có runtime hoặc dev." >&2; exit 2; }

# uv only ever talks to PyPI here: no Python downloads, no progress bars in logs.
export UV_PYTHON_DOWNLOADS=never UV_NO_PROGRESS=1
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore

# Prints the path of a working uv: the pinned one (installed first), else one already on
# PATH; nothing if none.
find_uv() {
  [ "${INSTALLER:-uv}" = uv ] || return 0
  if [ ! -x "$boot/bin/uv" ]; then
    "$python" -m pip install --quiet --require-hashes --no-deps --target "$boot" \
      -r requirements/uv.txt >&2 || rm -rf "$boot"
  fi
  if "$boot/bin/uv" --version >/dev/null 2>&1; then
    echo "$boot/bin/uv"
  elif command -v uv >/dev/null 2>&1 && uv --version >/dev/null 2>&1; then
    command -v uv
  fi
}

with_uv() {
  local uv=$1
  [ -x "$venv/bin/python" ] || "$uv" venv --quiet --python "$python" "$venv"
  # --compile-bytecode: pip compiles what it installs, uv does not; where
  # PYTHONDONTWRITEBYTECODE is set (CI images often set it) every baocao process would
  # otherwise compile Sphinx, docutils and myst-parser again (2-3 s of a build).
  "$uv" pip install --quiet --compile-bytecode --python "$venv/bin/python" -r "$lock"
  if [ "$set_name" = dev ]; then
    # `python -m build --no-isolation` in the wheel test builds with this setuptools.
    "$uv" pip install --quiet --python "$venv/bin/python" -r requirements/build.txt
  fi
  "$uv" pip install --quiet --python "$venv/bin/python" --no-deps \
    --build-constraint requirements/build.txt -e .
}

with_pip() {
  [ -x "$venv/bin/pip" ] || "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --require-hashes -r "$lock" -r requirements/build.txt
  "$venv/bin/python" -m pip install --quiet --no-deps --no-build-isolation -e .
}

uv=$(find_uv)
if [ -n "$uv" ]; then
  with_uv "$uv"
else
  echo "Không có uv trên máy này: cài $lock bằng pip (chậm hơn, cùng các phiên bản)." >&2
  with_pip
fi
# Byte-compile the project's modules, as pip does for an installed package.
"$venv/bin/python" -m compileall -q tooling
