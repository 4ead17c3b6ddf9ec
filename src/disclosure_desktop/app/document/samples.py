"""The sample reports shipped with the program, offered on the start page and in the 文件 menu.

Each opens as an untitled copy: saving asks for a new file name, so the shipped file is never
changed.  The newest format comes first: most clerks now write reports in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ...io.project_file import LoadResult, parse_project


def tr(text: str) -> str:
    return QCoreApplication.translate("Samples", text)


@dataclass(frozen=True)
class Sample:
    file_name: str     # in resources/samples/
    title: str         # the start page's button and the menu entry
    description: str   # the button's second line

    def resource(self):
        return resources.files("disclosure_desktop.resources").joinpath("samples", self.file_name)

    def load(self) -> LoadResult:
        """Read through the package, so it works in a wheel or a bundle as in a checkout."""
        return parse_project(self.resource().read_bytes(), self.file_name)


SAMPLES = (
    Sample("pingtan-2025.gknb", tr("打开2025年示例报告"),
           tr("平潭综合实验区2025年度政府年报（2021年起的格式），可随意修改，不会改动示例本身")),
    Sample("kaizhou-edu-2019.gknb", tr("打开2019年示例报告"),
           tr("重庆市开州区教育委员会2019年度部门年报（试行格式），可随意修改，不会改动示例本身")),
)
# `打开示例报告` without naming one (the README's first command, older tests) is the 2019 sample.
DEFAULT_SAMPLE = SAMPLES[1]


def sample_named(file_name: str | None) -> Sample:
    return next((s for s in SAMPLES if s.file_name == file_name), DEFAULT_SAMPLE)


def bundled_sample_at(path: Path) -> Sample | None:
    """The shipped sample that `path` is (in a checkout or a bundle), or None."""
    for sample in SAMPLES:
        try:
            if Path(str(sample.resource())).resolve() == Path(path).resolve():
                return sample
        except OSError:
            continue
    return None
