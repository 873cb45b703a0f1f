"""Redlines between two versions of a unit: tracked changes in Word, marks in HTML.

``marks`` writes revision marks on python-docx's element tree, ``words`` diffs a
paragraph word by word, ``blocks`` aligns paragraphs, tables and rows, ``document``
puts them together on two built Word files; ``source`` builds a unit as it was at a
git ref, ``history`` reads who changed it and when, ``page`` writes the HTML view.
"""
