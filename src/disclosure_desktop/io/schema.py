"""The JSON Schema of the project file, generated from the report model (committed as docs/project-schema.json)."""

from __future__ import annotations

from ..core.model import Report


def project_schema() -> dict:
    schema = Report.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "政府信息公开年报项目文件（.gknb）"
    schema["description"] = ("输入单元格位于 tables.<表>.<行>.<列>，总计等计算单元格不保存；"
                             "正文位于 narrative.s1/s5/s6，段落以换行分隔。表、行、列的编号见 resources/formats/*.json。")
    return schema
