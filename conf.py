"""Sphinx configuration of the reports site.

Everything else (sources, parser, theme, dashboard, search) is set by the project's
extension from ``[tool.baocao]`` in pyproject.toml: see tooling/baocao/sphinxext/.
"""

project = "Báo cáo thi đua, khen thưởng"
language = "vi"
extensions = ["baocao.sphinxext"]
