"""Parts of the synthetic corpus generator; ``bench/gen_corpus.py`` is the entry point.

bench/ is not a package: gen_corpus.py loads this folder by path, under a private name, so
that nothing here is importable as a top-level module by accident.
"""
