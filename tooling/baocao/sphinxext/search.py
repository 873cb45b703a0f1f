"""Search in Vietnamese, with or without diacritics: "khen thuong" finds "khen thưởng".

The index stores each word folded (NFC, marks removed, đ as d, lower case), and the
browser folds the query the same way before looking it up. There are no stop
words: a stop word typed without its marks ("cua" for "của") would otherwise not be
recognised and would make the search find nothing.
"""

from __future__ import annotations

import re

from sphinx.application import Sphinx
from sphinx.search import SearchLanguage

from baocao.text import nfc, strip_marks

# The same folding in the browser (searchtools.js calls Stemmer.stemWord on each word).
JS_STEMMER = """
var Stemmer = function () {
  this.stemWord = function (w) {
    return w.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  };
};
"""

# Words are runs of letters, marks and digits; a query typed in NFD stays one word.
JS_SPLITTER = """
function splitQuery(query) {
  return query.normalize("NFC").split(/[^\\p{L}\\p{M}\\p{N}_]+/gu).filter((term) => term);
}
"""

_WORD = re.compile(r"\w+")


def fold(word: str) -> str:
    return strip_marks(nfc(word)).lower()


class SearchVietnamese(SearchLanguage):
    lang = "vi"
    language_name = "Vietnamese"
    stopwords = frozenset()
    js_stemmer_code = JS_STEMMER
    js_splitter_code = JS_SPLITTER

    def split(self, input: str) -> list[str]:
        return _WORD.findall(nfc(input))

    def stem(self, word: str) -> str:
        return fold(word)

    def word_filter(self, word: str) -> bool:
        return not word.isdigit()


def setup_search(app: Sphinx) -> None:
    app.add_search_language(SearchVietnamese)
