"""Redlines between two versions of a unit: tracked changes in Word, marks in HTML.

``marks`` writes revision marks on python-docx's element tree, ``words`` diffs a
paragraph word by word, ``blocks`` aligns paragraphs, tables and rows, ``document``
puts them together on two built Word files; ``within`` makes a unit's base document
inside today's Word build, ``source`` builds a unit as it was at a git ref (where
``within`` cannot), ``history`` reads who changed it and when, ``write`` writes a
unit's redline files, ``page`` the HTML view, ``run`` puts the command together.
"""
