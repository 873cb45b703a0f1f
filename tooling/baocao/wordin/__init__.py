"""Read a unit's Word report into baocao: ``baocao import``.

A python-docx pass finds what pandoc cannot (tracked changes and comments,
legacy TCVN3/VNI text, the header block, the signer block, headings typed as
bold numbered paragraphs); pandoc then reads the body, and ``myst.py`` writes
it as MyST Markdown. ``importer.py`` runs the steps, ``unit.py`` writes the unit.
"""
