"""Keep only the named units in the PR job's checkout, so that its site and Word files are
built for the changed units alone (the rest of the province is not the pull request's
work): every other unit folder under the reports folder and its entry in units.yaml go.

    .venv/bin/python .ci/pr-units UNIT...

For the throw-away checkout of a CI run only: it refuses outside GitHub Actions
(GITHUB_ACTIONS=true) and when the reports folder has uncommitted changes, so it never
removes anybody's work. A name it does not know is an error (exit 2).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

from baocao.project import Project
from ruamel.yaml import YAML


def refuse(message: str) -> None:
    print(message, file=sys.stderr)
    raise SystemExit(2)


def main(keep: set[str]) -> None:
    if os.environ.get("GITHUB_ACTIONS") != "true":
        refuse("Chỉ dùng trong GitHub Actions: lệnh này xóa thư mục đơn vị khỏi bản checkout.")
    project = Project.discover()
    reports = project.reports_dir
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", str(reports)],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if dirty:
        refuse(f"{project.rel(reports)}/ có thay đổi chưa commit: không xóa gì.")
    folders = {path.name: path for path in project.unit_dirs()}
    if unknown := sorted(keep - set(folders)):
        refuse(f"Không có thư mục đơn vị: {', '.join(unknown)}.")
    for name, path in folders.items():
        if name not in keep:
            shutil.rmtree(path)
    if project.units_file.is_file():
        yaml = YAML()
        yaml.indent(mapping=2, sequence=4, offset=2)
        data = yaml.load(project.units_file.read_text("utf-8"))
        data["units"] = [unit for unit in data.get("units") or [] if unit["slug"] in keep]
        buffer = io.StringIO()
        yaml.dump(data, buffer)
        project.units_file.write_text(buffer.getvalue(), "utf-8")
    print(f"Chỉ dựng {len(keep)}/{len(folders)} đơn vị có thay đổi: {' '.join(sorted(keep))}")


if __name__ == "__main__":
    main(set(sys.argv[1:]))
