"""Byline cleaning: "By" and dates off a name (``textbylines`` finds names in visible text).

A byline element or text says more than the name: a label ("Von", "Auteur :"), a role, a
date, the category. These rules cut it down to the name, or say that it is none.
"""

from __future__ import annotations

import re

from ._bylabels import AFTER_DATE as _AFTER_DATE
from ._bylabels import AFTER_DATE_WORDS as _AFTER_DATE_WORDS
from ._bylabels import DANGLING as _DANGLING
from ._bylabels import LABEL_LEAD as _LABEL_LEAD
from ._bylabels import NOUNS as _NOUNS
from ._bylabels import PREPOSITIONS as _PREPOSITIONS
from ._bylabels import VERB_ONLY as _VERB_ONLY
from ._bylabels import VERBS as _VERBS
from ._dates import parse_text
from ._titles import unescape_text

__all__ = [
    "BYLINE",
    "CJK_NAME",
    "clean_author",
    "dated_byline",
    "name_shaped",
    "names_only",
    "role_word",
    "split_authors",
]

_PREFIX = re.compile(
    r"^(?:(?:" + _VERBS + r")\s+(?:" + _PREPOSITIONS + r")|by|von|par|por|di|"
    r"door|av|af|przez|autor(?:[/*:]?in(?:nen)?)?|autoren|authors?|text|texte|fotos?|interview|"
    r"yazar|"
    r"kirjoittaja|from|责任编辑|编辑|作者|记者|撰文|" + _NOUNS + r")"
    r"(?:\b|(?=[:：]))\s*[:：\-]?\s*(?=[^\W\d_])",
    re.IGNORECASE,
)
_INNER_BY = re.compile(r"\b(?:by|par|por)\s+(?=\S)", re.IGNORECASE)
# "von" inside a name is lower-case and starts a particle ("Ursula von der Leyen"); after a
# rubric's one word, or written "Von" after up to three, it is the byline's label: what
# follows must be a name of capitalised words for the lead to go
_INNER_VON = re.compile(r"^(?:[^\W\d_][\w-]*\s+von|(?:[^\W\d_][\w-]*\s+){1,3}Von)\s+(?=\S)")
_MARK = re.compile(r"\s*[|•·]")
# another credit than the author's: "Edited by", "Translated by", "Photos by"
_OTHER_CREDIT = re.compile(
    r"\b(?:edited|translated|illustrated|illustrations?|photos?|photographs?|photography|"
    r"images?|compiled|curated|reviewed|narrated|moderated|produced|traduit|traduction|"
    r"traducido|traducción|editado)\s*$",
    re.IGNORECASE,
)
_OTHER_TAIL = re.compile(
    r"\s*[;|]\s*(?:additional\s+)?(?:editing|edited|reporting|writing|graphics|photos?|"
    r"illustrations?|translated|translation)\s+by\b",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^(?:(?:(?:" + _VERBS + r")\s+(?:" + _PREPOSITIONS + r")|by|von|par|por|door|av|af|przez|"
    r"napsal|napsala|kirjoittanut|(?P<di>(?:testo\s+)?di))"
    # a label that is a word of its own: "AVOCAT" is no "av" + "OCAT", "Vonda" no "von"
    r"(?![^\W\d_])|(?:" + _NOUNS + r")\s*[:：]|"
    # Japanese and Chinese: "文／山田太郎", "文=山田"
    r"(?:文|撰文|采写)\s*[/／=＝・:：])"
    r"\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# news agencies credited beside a name ("Jane Doe, dpa", "Peter Maahn/SP-X")
_AGENCIES = r"dpa|afp|ap|apa|epd|kna|sid|reuters"
_CUT = re.compile(
    r"\s*(?:[|•·]|\s[-–—]|\s\((?!@)|,\s*\d|,\s*(?:"
    + _AGENCIES
    + r"|cnn|phd|md|dr)\b|\s(?:on|at|am|le|el|il|em|op|den|the)\s+\d|\(@|\bupdated\b|"
    r"\baktualisiert\b|\bveröffentlicht\b|\bpublished\b|\bposted\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}|"
    # a weekday's short name before the date: "Jane Doe Fr, 18. Oktober 2019"
    r"\s(?:mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so|lun|mar|mer|jeu|ven|sam|dim)\.?,\s*\d)",
    re.IGNORECASE,
)
# "Jane Doe Dec. 22, 2016", "Jane Doe on Wed, Oct 24": an English month and a day; what
# is left must be a short name without digits (not "Monday Oct222012 tiny apple")
_MONTH_DAY = re.compile(
    r"(?:\s*(?:,|/|\bon\b|\bat\b))?\s(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b",
    re.IGNORECASE,
)
# a date where the name would be: "by January 31, 2012 to enter" is a deadline in prose
_DATE_FIRST = re.compile(
    r"^(?:\d{1,2}\.?\s+)?(?:jan|feb|mar|mär|apr|may|mai|jun|jul|aug|sep|oct|okt|nov|dec|dez)"
    r"[a-zä]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?\b|$)",
    re.IGNORECASE,
)
# the job after the name in East Asian bylines: reporter, correspondent, senior reporter
_RIGHTS = re.compile(r"^copyright\b|all rights reserved|alle rechte vorbehalten", re.I)
_AGENCY = re.compile(r"\s*/\s*(?:" + _AGENCIES + r"|sp-x|ddp|dts)\b", re.I)
# a follow button's label after the name, spaced or glued ("Jane DoeFollow", "Folge mir")
_FOLLOW = re.compile(
    r"(?:\s+\+?\s*|(?<=[a-zà-ÿ])\+?)(?:Follow(?:\s+(?:me|us))?|Folge(?:n|\s+mir)|Folgen|"
    r"Abonnieren|Subscribe|Suivre|Seguir|Segui|Volgen|Obserwuj)\s*$",
    re.IGNORECASE,
)
_JOB_SUFFIX = re.compile(r"\s*(?:선임기자|기자|특파원|記者|特派員|编辑)$")
_LABEL_END = re.compile(r"(?<=\w)\s+[^\W\d_]+\s*:\s*$")
_YEAR = re.compile(r"(?<!\w)(?:19|20)\d\d(?!\w)")
_JOIN = re.compile(r"\s*;\s*")
# "Jane Doe in Politics", "Posted by jane under News": the post's category follows a
# byline element's name; in free text or a ``<meta>`` value "in" may belong to the name
_CATEGORY_TAIL = re.compile(r"\s(?:filed\s+)?(?:in|under)(?:\s|$)", re.IGNORECASE)
_CREDIT_WORDS = frozenset(
    "text texte foto fotos bilder bild interview autor autorin autoren redaktion von und by "
    "and & / + photos words story reporting".split()
)
_NOT_NAME_WORDS = frozenset(
    "am um geändert aktualisiert zuletzt letzte updated last min min. read lesezeit minutes "
    "minuten bio".split()
)
_NOT_NAMES = frozenset(
    "by von author autor admin editor share facebook twitter email datum date none null".split()
) | {"no author", "n/a", "this author", "the author"}  # a CMS's placeholder for "not set"
# (Blogger's "Unknown" is a name); an author card's "Read more posts by this author."


def clean_author(name: str | None, *, element: bool = False) -> str | None:
    """A person's name from a byline string, or ``None`` when it does not look like one.
    ``element``: the string is a byline element's text, where a category may follow."""
    text = unescape_text(name).lstrip("©").strip()
    if not text or _RIGHTS.search(text):
        return None  # "Copyright Haufe-Lexware GmbH - all rights reserved": no byline
    for _ in range(2):
        text = _PREFIX.sub("", text, count=1).strip(" :,-–—|")
    talk = _CONVERSATION.match(text)
    if talk and name_shaped(talk.group(1)) and name_shaped(talk.group(2).rstrip(".")):
        return f"{talk.group(1)}; {talk.group(2).rstrip('.')}"  # both credit the interview
    label, colon, rest = text.partition(":")
    words = label.casefold().split()
    if colon and rest.strip()[:1].isupper() and words and set(words) <= _CREDIT_WORDS:
        text = rest.strip()  # "text & fotos: Ivan Valetny", "und interview: Harald W."
    other = _OTHER_TAIL.search(text)
    if other and other.start() > 0:
        text = text[: other.start()]  # "Reporting by Jane Doe; Editing by John Roe"
    von = _INNER_VON.match(text)
    if von and name_shaped(text[von.end() :]):
        text = text[von.end() :]  # "Pressemitteilung von Jane Doe", "Disko Von Jane Doe"
    inner = _INNER_BY.search(text)
    if inner and 0 < inner.start() < 50:
        if _OTHER_CREDIT.search(text[: inner.start()]):
            return None  # "Revised Edition Edited by Jane Doe": an editor, not the author
        # "View all posts by Jane", "Auteur/autrice de l'article Par Claire": screen-reader text
        text = text[inner.end() :]
    tail = _CATEGORY_TAIL.search(text)
    if tail and tail.start() > 0 and (element or tail.end() == len(text)):
        text = text[: tail.start()]  # free text: only "by Jane in" + the category's link
        if len(text.split()) > 4 or any(c.isdigit() for c in text):
            return None  # "Presentation Seminars 2012 in London": a headline, no byline
    agency = _AGENCY.search(text)
    if agency and name_shaped(text[: agency.start()]):
        text = text[: agency.start()]  # "Peter Maahn/SP-X"; "det/dpa" is the credit itself
    cut = _CUT.search(text)
    head = text[: cut.start()] if cut and element else ""
    if cut and head.replace("-", "").isalpha() and _MARK.match(text, cut.start()):
        # a byline element's "Politik · Jane Doe, John Roe": the section's one word, then
        # the names (not a ``<meta>``'s "www.agency.example | Jane Doe", the web designer)
        after = clean_author(text[cut.end() :], element=element)
        if after and (name_shaped(after) or names_only(after)):
            return after
    if cut and cut.start() > 0:
        # a label with a colon before the cut date goes too: "Jane Doe Stand: 05.02.2020";
        # and the preposition before it: "Submitted by Jane Doe on Thu, 08/09/2012"
        text = _DANGLING.sub("", _LABEL_END.sub("", text[: cut.start()]))
    lead = _DATE_FIRST.match(text)
    if lead and any(c.isdigit() for c in text[:12]):
        rest = text[lead.end() :]
        if not any(c.isalpha() for c in rest) or rest.split()[-1:] in (["to"], ["for"]):
            return None  # the whole "name" is a date
    month = _MONTH_DAY.search(text)
    if month and month.start() > 0:
        text = text[: month.start()]
        if len(text.split()) > 4 or any(c.isdigit() for c in text):
            return None
    # a forum's "by jdoe »" before the date: a name never ends in an arrow or a quote mark
    text = _DANGLING.sub("", text.strip(" :,-–—|/").rstrip(" »›«‹→"))
    if not text or len(text) > 70 or not text[0].isalnum():
        return None
    if text.casefold().rstrip(".") in _NOT_NAMES:
        return None
    if _VERB_ONLY.match(text):
        return None  # "Submitted on" + a date in the next element: a label without a name
    if not any(c.isalpha() for c in text):
        return None  # a counter ("343" claps, followers) in a byline's markup
    if (len(text.split()) > 2 and text.islower()) or "*" in text:
        return None  # "zuletzt geändert am": a phrase, not a name
    if _NOT_NAME_WORDS.intersection(w.strip(".,").casefold() for w in text.split()):
        return None
    follow = _FOLLOW.search(text)
    if follow and name_shaped(_once(text[: follow.start()].strip())):
        text = text[: follow.start()]  # the byline block's follow button
    text = _once(text.split(" @")[0].strip())
    glued = text.partition("@")[0]
    if glued != text and name_shaped(glued):
        text = glued  # "Greg Iacurci@GregIacurci": the handle's element glued to the name
    suffix = _JOB_SUFFIX.search(text)
    if suffix and suffix.start() > 0:
        text = text[: suffix.start()]  # "신현주 기자": Korean and Japanese bylines end in the job
    text = _without_role(text)
    lead = _ROLE_LEAD.match(text)
    if lead and name_shaped(text[lead.end() :]):
        text = text[lead.end() :]  # "FOCUS-Online-Experte Jane Doe", "Gastautorin Jane Doe"
    if "@" in text or "http" in text or "://" in text or "www." in text:
        return None
    if len(text.split()) > 6 and not (names_only(text) and _LAST_JOIN.search(text)):
        # a phrase, or "Jane Doe, Product Manager, Mobile Ads"; but three co-authors run
        # past six words ("A B, C D and E F")
        return None
    if sum(c.isdigit() for c in text) > 0 and (parse_text(text) or _YEAR.search(text)):
        # a date, or a year: "En kiosques : juillet 2020" is no name, but a name may
        # lead it ("Jane Doe Stand: 05. Februar 2020")
        return _name_before_date(text)
    return text


# a job written after the name ("Jane Doe, Senior Reporter", "Jane Doe Staff Writer"):
# words of a role only, never of an outlet ("Jane Doe, Associated Press" stays whole)
_ROLE_WORDS = frozenset(
    "reporter reporterin writer editor correspondent contributor columnist staff senior chief "
    "reporters writers editors correspondents contributors columnists "
    "contributing special political associate managing deputy investigative freelance "
    "photographer intern producer editor-in-chief and & redakteur redakteurin korrespondent "
    "korrespondentin autor autorin freier freie journalist journalistin volontär volontärin "
    "chefredakteur chefredakteurin und journaliste correspondant correspondante rédacteur "
    "rédactrice envoyé envoyée spécial spéciale et periodista corresponsal redactor redactora "
    "enviado enviada especial y giornalista corrispondente inviato inviata".split()
)
_ROLE_NOUNS = _ROLE_WORDS - frozenset(
    "senior chief contributing special political associate managing deputy investigative "
    "freelance and & freier freie und spécial spéciale et especial y staff".split()
)
# an interview's credit: "Jane Doe im Gespräch mit John Roe"
_CONVERSATION = re.compile(
    r"^(.{4,40}?)\s+(?:im gespräch mit|in conversation with|en conversation avec|"
    r"en conversación con|in conversazione con)\s+(.{4,40})$",
    re.IGNORECASE,
)
# a job before the name, often the outlet's compound: "FOCUS-Online-Experte", "Gastautor"
_ROLE_LEAD = re.compile(
    r"^\S*(?:experte|expertin|korrespondent|korrespondentin|redakteur|redakteurin|"
    r"reporter|reporterin|kolumnist|kolumnistin|gastautor|gastautorin|columnist|"
    r"correspondent)\s+",
    re.IGNORECASE,
)
_OUTLET_HINTS = frozenset("news online press media times post daily desk team service".split())
_ROLE_SEP = re.compile(r"\s*[,/]\s*")


# what a byline writes after the name without a comma: a compound job ("Christoph Hein
# Chefredakteur", "Holger Zschäpitz Leitender Wirtschaftsredakteur"), the desk ("Jane Doe
# Redaktion Haus.de"), a translator's credit, or the outlet written for ("Jane Doe For
# Dailymail.Com")
_ROLE_TAIL = re.compile(
    r"\s+(?:(?:(?:leitende[rn]?|stellvertretende[rn]?|freie[rn]?)\s+)?[^\W\d_]*(?:redakteur|"
    r"korrespondent|journalist|kolumnist)(?:in)?|redaktion(?:\s.*)?|(?:übersetzt von|"
    r"translated by|traduit par|traducido por)\b.*|for\s+[^\W\d_].*)$",
    re.IGNORECASE,
)


def role_word(word: str) -> bool:
    """A job's word ("Staff", "Writer", "Redakteurin"): no part of a person's name."""
    return word.strip(".,").casefold() in _ROLE_WORDS - {"and", "&", "und", "et", "y"}


def _without_role(text: str) -> str:
    """The name without a job written after it, after a comma or a slash or glued on;
    a two-word byline stays whole ("Rasender Reporter" is a pen name)."""
    job = _ROLE_TAIL.search(text)
    if job and len(text[: job.start()].split()) >= 2 and name_shaped(text[: job.start()]):
        text = text[: job.start()]
    sep = _ROLE_SEP.search(text)
    if sep and sep.start() > 0:
        tail = [w.strip(".").casefold() for w in text[sep.end() :].split()]
        if tail and set(tail) <= _ROLE_WORDS and _ROLE_NOUNS.intersection(tail):
            return text[: sep.start()]
    words = text.split()
    k = len(words)
    while k > 2 and words[k - 1].strip(".").casefold() in _ROLE_WORDS:
        k -= 1
    # glued on without a comma, only a job of two words or more ("Staff Writer"): one
    # word may end a name or a title ("A Photo Editor", a blog's name)
    if len(words) - k < 2 or words[-1].strip(".").casefold() not in _ROLE_NOUNS:
        return text
    head = words[:k]
    if _OUTLET_HINTS.intersection(w.casefold() for w in head) or not name_shaped(" ".join(head)):
        return text
    return " ".join(head)


def _once(text: str) -> str:
    """A name a byline writes twice, glued or not ("Jane Doe Jane Doe", "Jane DoeJane
    Doe"): themes print one copy for phones and one for screens, or a tooltip beside
    the name; the second copy is no co-author."""
    half = len(text) // 2
    if half < 3:
        return text
    first = text[:half].strip()
    return first if first == text[half:].strip() else text


def _name_before_date(text: str) -> str | None:
    """The name that leads a byline's date in any language the date parser reads ("Jane
    Doe 5. Mai 2020", "Jane Doe Stand: 05.02.2020"), a label with a colon between them."""
    i = next((k for k, c in enumerate(text) if c.isdigit()), 0)
    head = text[:i].rstrip()
    if head.endswith(":"):
        head = head.rsplit(None, 1)[0] if " " in head else ""
    head = head.rstrip(" ,|-–—·/")
    if i and (name_shaped(head) or CJK_NAME.fullmatch(head)) and parse_text(text[i:]):
        return head
    return None


# a Chinese or Korean name: two to four characters, no capitals to tell it by ("谢若含")
CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\uac00-\ud7a3]{2,4}")


# "11.12.2019 - Jane Doe", "04.02.2022 | 13:10 Uhr | Jane Doe", "06.11.2023 13:30 von Jane"
_DATED = re.compile(
    r"^(.{6,40}?)(?:\s*[|–—·]\s*|\s-\s|\s(?=(?:" + _AFTER_DATE + r")\s))(.+)$", re.I
)
_DATED_BY = re.compile(r"^(.{6,40}?\d.*?)\s(?=(?:" + _AFTER_DATE + r")\s)(.+)$", re.I)
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm))?\s*(?:[|–—·-]\s*)?", re.I)


# a capital, then lower-case letters; a capital may follow one to three letters or an
# apostrophe at the start ("McDonald", "MacArthur", "DiChristopher", "O'Brien"), not
# later ("FosterTravel" is two elements' texts glued)
_NAME_WORD = re.compile(
    r"^[^\W\d_](?:\.|(?:[^\W\d_A-Z]{0,2}['’]?[^\W\d_a-z])?[^\W\d_A-Z]*"
    r"(?:-[^\W\d_][^\W\d_A-Z]*)?)$"
)


def dated_byline(text: str) -> str | None:
    """The name of a dateline that ends in its author: after "von"/"by" any name, after a
    bare separator only a name of capitalised words (not "12.03.2020 - the 3rd day")."""
    if len(text) >= 90:
        return None
    # "Posted on March 3, 2020 by Jane Doe": a dateline of words before the label
    if text[:1].isdigit():
        m = _DATED.match(text)
    elif _AFTER_DATE_WORDS.isdisjoint(text.casefold().split()):
        return None
    else:
        m = _DATED_BY.match(text)
    if not m or parse_text(m.group(1)) is None:
        return None
    rest = _CLOCK.sub("", m.group(2).strip())
    label = _LABEL_LEAD.match(rest)
    if label:  # the label after a date: "da" and "di" are no label on their own
        return clean_author(rest[label.end() :])
    name = clean_author(rest)
    if not name or _PREFIX.match(rest):
        return name
    return name if name_shaped(name) else None


def name_shaped(name: str) -> bool:
    """Two to four capitalised words ("Jane Doe", "Hans-Peter M. Roe"): a name, not "PAID
    CONTENT" or "All rights reserved"."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() and _NAME_WORD.match(w) for w in words)


# the words co-authors are joined with: "A and B", "A und B", "A og B"
_JOINERS = r"and|und|et|y|e|og|och|en"
_LAST_JOIN = re.compile(rf"\s(?:{_JOINERS}|&)\s")
_NAMES_SPLIT = re.compile(rf"\s*(?:,|&|\b(?:{_JOINERS})\b)\s*")


def names_only(text: str) -> bool:
    """Names joined by commas, "and", "und", "&": "Jelko Djuren und Jutta Klaukien"."""
    parts = _NAMES_SPLIT.split(text)
    return all(name_shaped(p) for p in parts) and len(parts) <= 6


def split_authors(name: str | None) -> list[str]:
    """Names a byline string lists with ";". "A and B" and "A, B" stay one credit: a
    comma also writes "Doe, Jane" and "Rob Picheta, CNN", and which one it is cannot be
    told safely; separate elements or JSON-LD entries give separate people."""
    if not name:
        return []
    return [p.strip() for p in _JOIN.split(name) if p and p.strip()]
