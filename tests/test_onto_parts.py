

def test_a_paragraph_put_in_place_of_another_is_removed_and_added(tmp_project: Path) -> None:
    unit = tmp_project / "reports" / "don-vi"
    unit.mkdir()
    text = "# Báo cáo\n\n## I. Đặc điểm\n\n- Mục một đã xong.\n- Mục hai **đang** làm.\n"
    (unit / "index.md").write_text(text, encoding="utf-8")
    files, blocks = unit_sources(Project.discover(tmp_project), unit)
    before = ["I. Đặc điểm", "- Mục một đã xong.", "- Mục hai đang làm."]
    after = ["I. Đặc điểm", "- Mục một đã xong.", "Ý kiến khác hẳn của lãnh đạo về việc này."]
    versions = Versions([WordParagraph(t) for t in before], [WordParagraph(t) for t in after])
    plan = plan_changes(files, blocks, versions)
    assert plan.unplaced == []
    assert [c.kind for c in plan.changes] == ["delete", "insert"]
    assert new_text(text, plan.changes) == (
        "# Báo cáo\n\n## I. Đặc điểm\n\n- Mục một đã xong.\n\n"
        "Ý kiến khác hẳn của lãnh đạo về việc này.\n"
    )
