"""The words a byline is labelled with, in the languages the date parser reads.

Kept apart from ``_bylines.py`` so that the vocabulary, which grows one language at a time,
does not crowd the rules that read it.
"""

from __future__ import annotations

import re

# A byline's label, the same convention in many languages: a verb of writing or posting and
# its preposition ("Publicado por", "Geplaatst door", "Skrevet av"), a bare preposition
# ("By", "Von", "Par", "Door", "Av") or a noun with a colon ("Autor:", "Tekst:", "Szerző:").
VERBS = (
    r"posted|written|published|submitted|geschrieben|verfasst|erstellt|veröffentlicht|"
    r"eingestellt|publié|publiée|écrit|ecrit|rédigé|escrito|escrita|publicado|publicada|"
    r"scritto|scritta|pubblicato|pubblicata|geschreven|gepubliceerd|geplaatst|gepost|skrevet|"
    r"skrivet|skriven|publisert|publiceret|publicerad|postet|opublikowano|napisane|postado|"
    r"postat|publicat|scris|"
    # or the piece itself: "Article by", "Ein Beitrag von", "Reporting by"
    r"(?:(?:ein|eine|un|une|una|an?)\s+)?(?:article|story|words|reporting|column|essay|"
    r"beitrag|gastbeitrag|artikel|kommentar|gastkommentar|artículo|articolo|artikel|artigo|"
    r"kolumne|glosse|reportage|rezension|analyse|chronique|crónica|columna|rubrica)"
)
PREPOSITIONS = r"by|von|par|por|da|di|de|door|av|af|przez"
VERB_ONLY = re.compile(r"(?:" + VERBS + r")$", re.IGNORECASE)
NOUNS = (
    r"autor(?:[/*:]?in(?:nen)?|a|ka)?|author|автор|yazar|text|texte|texto|testo|tekst|"
    r"auteur(?:e|\(e\))?|autore|verfasser(?:in)?|forfatter|författare|skribent|kirjoittaja|"
    r"szerző|tác giả|napisał|napisała|redakteur(?:in)?|reporter|journalist(?:in)?|текст|"
    r"penulis|(?:责任编辑|作者|记者|投稿者|執筆者|筆者|글쓴이|작성자|글)|"
    r"автор\s+(?:статьи|публикации|материала|текста)|опубликовал[аи]?|разместил[аи]?"
)
AFTER_DATE = r"by|von|par|por|door|av|af|da|di|przez"  # "3. mars 2020 av Ola Nordmann"
# the same words as a set: a cheap test before the regular expressions that backtrack
AFTER_DATE_WORDS = frozenset(AFTER_DATE.split("|"))
HANDLE = re.compile(r"[a-z][a-z0-9._-]{1,29}")
# the words a byline's label, name and date are joined with: "by" + "on" + "Marie"
FILLERS = frozenset("on at am um in an and und et of de da di le la el il em op the".split())
DANGLING = re.compile(r"\s+(?:on|at|am|um)$")
LABEL_LEAD = re.compile(r"(?:" + AFTER_DATE + r")\s+", re.I)
LABEL_AFTER_DATE = re.compile(r"^(.{6,60}?\d.*?)\s((?:" + AFTER_DATE + r"))$", re.I)
