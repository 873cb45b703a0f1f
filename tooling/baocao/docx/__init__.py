"""The Word files: a unit's doctree → panflute → pandoc → ND30 finishing (python-docx).

``ast`` (with ``inline`` and ``table``) builds the pandoc document from docutils
nodes; ``reference`` makes the reference document pandoc styles it with (styles
from ``styles``, fonts and page from ``typography``); ``pandoc`` keeps one pandoc
running per process; ``finish`` adds what pandoc cannot express (``header``,
``signature``, ``fields``) and ``package`` makes the bytes reproducible;
``convert`` and ``runner`` write units in worker processes, and ``build`` runs it
all through Sphinx (the ``docx`` builder in ``baocao.sphinxext.docx_builder``).
The decree's values live in ``nd30.ND30``.
"""
