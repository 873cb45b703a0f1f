"""The Word files: a unit's doctree → panflute → pandoc → ND30 finishing (python-docx).

``ast`` builds the pandoc document from docutils nodes, ``reference`` makes the
reference document pandoc styles it with, ``finish`` adds what pandoc cannot
express (header block, signature, page numbers, properties), ``convert`` and
``runner`` write units in worker processes, and ``build`` runs it all through
Sphinx (the ``docx`` builder in ``baocao.sphinxext.docx_builder``).
"""
