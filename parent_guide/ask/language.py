"""How one language's questions are read: words, text-speak, lemmas and stems.

Everything here comes from ``content/<locale>/ask.toml``, so adding a language
is adding that file. The same reader is used for the entries and for a parent's
question, so both end up as the same terms.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations, product
from typing import Any

import simplemma
import snowballstemmer

_APOSTROPHES = re.compile(r"['’‘`´]")
# A word typed without its language's own letters ("bylam" for "byłam") is
# looked up with at most this many of them put back, trying at most this many spellings.
MAX_RESTORED = 3
MAX_SPELLINGS = 400
_NOT_WORD = re.compile(r"[^\w]+")
# Arabic-script letters people type in more than one form: Urdu and Arabic
# keyboards give different yeh, kaf and heh; hamza seats, alif maddah and
# taa marbuta are often left out. Both the entries and the question are folded alike.
_ARABIC_SCRIPT = str.maketrans({
    "ی": "ي", "ى": "ي", "ې": "ي", "ے": "ي", "ئ": "ي",
    "ک": "ك", "ہ": "ه", "ۃ": "ه", "ة": "ه", "ھ": "ه", "ۀ": "ه",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و",
    "ـ": None,  # tatweel, a stretching stroke
})


def fold(text: str) -> str:
    """Lower case, compatibility forms, and accents and vowel marks removed.

    Parents often type without accents (or in Urdu without vowel marks), so the
    index and the question are both folded the same way.
    """
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn").translate(_ARABIC_SCRIPT)


def plain_words(text: str) -> list[str]:
    """The words of ``text``: lower case, apostrophes dropped (so "don't" is "dont").

    Combining marks (Urdu and Arabic vowel marks, a hamza above) are dropped
    rather than splitting the word they sit on; Latin accents are composed
    with their letter by NFKC first, so they stay.
    """
    text = _APOSTROPHES.sub("", unicodedata.normalize("NFKC", text).casefold())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return [w for w in _NOT_WORD.sub(" ", text).replace("_", " ").split() if w]


@lru_cache(maxsize=8)
def _stemmer(name: str) -> Any:
    return snowballstemmer.stemmer(name)


@dataclass(frozen=True)
class Language:
    """One locale's way of turning text into index terms."""

    locale: str
    lemmatiser: str | None = None
    stemmer: str | None = None
    stopwords: frozenset[str] = frozenset()
    replace: dict[str, tuple[str, ...]] = field(default_factory=dict)
    synonyms: dict[str, str] = field(default_factory=dict)
    # Sayings that mean one thing ("old bill" is "police"), by their first word;
    # read after text-speak, for ranking only (the danger patterns see the words as typed).
    phrases: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = field(default_factory=dict)
    # The plain letters a language's own letters are typed as ("l": "ł"), to put
    # back in a word the dictionary does not know (see :meth:`restored`).
    letters: tuple[tuple[str, str], ...] = ()
    # Letters joined to the front of a word ("and", "the", "with", a spoken
    # tense mark: Arabic "و", "بال", "ح"), longest first, and to its end (a
    # spoken "not": "ش"). A word the entries do not use is also read without
    # them (see index.py), and a stopword behind "and" is a stopword.
    prefixes: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    conjunctions: tuple[str, ...] = ()
    # Replacements and stopwords also matched on the folded word (Arabic script:
    # a hamza seat or alif maddah left out, ه for ة, ي for ى), so each is listed once.
    fold_lookups: bool = False
    folded_replace: dict[str, tuple[str, ...]] = field(default_factory=dict)
    folded_stopwords: frozenset[str] = frozenset()
    folded_synonyms: dict[str, str] = field(default_factory=dict)

    def words(self, text: str) -> list[str]:
        """The words of ``text`` with text-speak spelled out ("sw" is "social worker")."""
        out: list[str] = []
        for word in plain_words(text):
            out.extend(
                self.replace.get(word)
                or (self.fold_lookups and self.folded_replace.get(fold(word)))
                or self._plural_replace(word)
                or (self._dropped_g(word),)
            )
        return out

    def is_stopword(self, word: str) -> bool:
        """Whether ``word`` says nothing of what a question is about (also folded, and behind "and")."""
        if word in self.stopwords:
            return True
        if not self.fold_lookups:
            return False
        folded = fold(word)
        if folded in self.folded_stopwords:
            return True
        return any(
            folded.startswith(c) and len(folded) - len(c) >= 2 and folded[len(c):] in self.folded_stopwords
            for c in self.conjunctions
        )

    def unjoined(self, word: str) -> list[str]:
        """``word`` without the letters joined to its front or end, most likely first (never shorter than 3 letters)."""
        out: list[str] = []
        for prefix in self.prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                out.append(word[len(prefix):])
        for suffix in self.suffixes:
            for stem in [word, *out]:
                if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                    out.append(stem[: -len(suffix)])
        return out

    def _dropped_g(self, word: str) -> str:
        """A word typed without its last "g" ("hittin", "beatin") spelled in full, if the dictionary knows it."""
        if len(word) >= 5 and word.endswith("in") and not self.known(word) and self.known(word + "g"):
            return word + "g"
        return word

    def _plural_replace(self, word: str) -> tuple[str, ...] | None:
        """A plural or possessive typed without its apostrophe ("mums", "dads") of a text-speak word."""
        if len(word) >= 4 and word.endswith("s") and word[:-1] in self.replace:
            return self.replace[word[:-1]]
        return None

    def normalised(self, text: str) -> str:
        """The words joined by single spaces: what the danger patterns are matched against."""
        return " ".join(self.words(text))

    def term(self, word: str) -> str:
        """The index term for one word: its lemma, then its stem, then folded."""
        lemma = _lemma(self.lemmatiser, self.restored(word))
        head = self.synonyms.get(lemma) or (self.fold_lookups and self.folded_synonyms.get(fold(lemma))) or lemma
        return _stem(self.stemmer, head)

    def known(self, word: str) -> bool:
        """Whether the language's dictionary knows ``word`` (so it is not a typo)."""
        return bool(self.lemmatiser) and _known(self.lemmatiser, word)

    def restored(self, word: str) -> str:
        """``word`` with its language's own letters put back, if typed without them ("bylam" is "byłam").

        Many parents type Polish without ą, ł or ż. A word the dictionary does
        not know is read as the first spelling it does know with the fewest
        letters put back; a word it already knows, or none fits, stays as typed.
        For ranking only: the danger patterns accept both spellings themselves.
        """
        if not self.letters or not self.lemmatiser:
            return word
        return _restored(self.lemmatiser, self.letters, word)

    def phrased_words(self, text: str) -> list[str]:
        """The words of ``text`` with its sayings replaced (longest first where two start alike)."""
        words = self.words(text)
        if not self.phrases:
            return words
        out: list[str] = []
        i = 0
        while i < len(words):
            for saying, meaning in self.phrases.get(words[i], ()):
                if tuple(words[i : i + len(saying)]) == saying:
                    out.extend(meaning)
                    i += len(saying)
                    break
            else:
                out.append(words[i])
                i += 1
        return out

    def content_words(self, text: str) -> list[str]:
        """The words that say what a question is about (stopwords left out)."""
        return [w for w in self.phrased_words(text) if not self.is_stopword(w)]

    def terms(self, text: str) -> list[str]:
        """The index terms of ``text``'s content words, in order."""
        return [self.term(w) for w in self.content_words(text)]


@lru_cache(maxsize=65536)
def _lemma(lemmatiser: str | None, word: str) -> str:
    return simplemma.lemmatize(word, lang=lemmatiser).casefold() if lemmatiser else word


@lru_cache(maxsize=65536)
def _known(lemmatiser: str, word: str) -> bool:
    # The danger check asks this of every word in every language: most words come again.
    return bool(simplemma.is_known(word, lang=lemmatiser))


@lru_cache(maxsize=65536)
def _restored(lemmatiser: str, letters: tuple[tuple[str, str], ...], word: str) -> str:
    if not word.isalpha() or _known(lemmatiser, word):
        return word
    table = dict(letters)
    spots = [i for i, ch in enumerate(word) if ch in table]
    tried = 0
    for count in range(1, min(MAX_RESTORED, len(spots)) + 1):
        for chosen in combinations(spots, count):
            for put in product(*(table[word[i]] for i in chosen)):
                spelling = list(word)
                for i, letter in zip(chosen, put):
                    spelling[i] = letter
                candidate = "".join(spelling)
                if _known(lemmatiser, candidate):
                    return candidate
                tried += 1
                if tried >= MAX_SPELLINGS:
                    return word
    return word


@lru_cache(maxsize=65536)
def _stem(stemmer: str | None, word: str) -> str:
    return fold(_stemmer(stemmer).stemWord(word) if stemmer else word)


def language_from(locale: str, data: dict[str, Any]) -> Language:
    """A :class:`Language` from the ``[language]`` table of ``ask.toml``."""
    replace = {key: tuple(plain_words(value)) for key, value in (data.get("replace") or {}).items()}
    lemmatiser = data.get("lemmatiser")
    letters = tuple(sorted((plain, str(own)) for plain, own in (data.get("letters") or {}).items()))
    # Each synonym is listed as typed and as the word read with its letters put
    # back, so "gadac" in the list meets "gadać" in a question either way.
    listed = [(word, head) for head, words in (data.get("synonyms") or {}).items() for word in words if word != head]
    synonyms = {_lemma(lemmatiser, _restored(lemmatiser, letters, word)): head for word, head in listed} if lemmatiser and letters else {}
    synonyms.update({_lemma(lemmatiser, word): head for word, head in listed})
    stopwords = frozenset(w for s in data.get("stopwords", []) for w in plain_words(s))
    folded_replace: dict[str, tuple[str, ...]] = {}
    for key, value in replace.items():
        folded_replace.setdefault(fold(key), value)
    language = Language(
        locale=locale,
        lemmatiser=lemmatiser,
        stemmer=data.get("stemmer"),
        stopwords=stopwords,
        replace=replace,
        synonyms=synonyms,
        letters=letters,
        prefixes=tuple(sorted(data.get("prefixes", []), key=len, reverse=True)),
        suffixes=tuple(data.get("suffixes", [])),
        conjunctions=tuple(data.get("conjunctions", [])),
        fold_lookups=bool(data.get("fold_lookups", False)),
        folded_replace=folded_replace,
        folded_stopwords=frozenset(fold(w) for w in stopwords),
        folded_synonyms={fold(word): head for word, head in synonyms.items()},
    )
    return dataclasses.replace(language, phrases=_phrases(language, data.get("phrases") or {}))


def _phrases(language: Language, raw: dict[str, list[str]]) -> dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    """The sayings by their first word, longest first: each read exactly as a question is read.

    Text-speak spelled out, and plurals and dropped g's of text-speak too
    ("mums care plan" is read "mother care plan", as the question's "mums" is),
    so a saying matches the words a question becomes.
    """
    phrases: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for meaning, sayings in raw.items():
        for saying in sayings:
            words = tuple(language.words(saying))
            if words:
                phrases.setdefault(words[0], []).append((words, tuple(plain_words(meaning))))
    return {first: tuple(sorted(found, key=lambda pair: -len(pair[0]))) for first, found in phrases.items()}
