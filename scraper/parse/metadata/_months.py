"""Month names and abbreviations of the languages whose pages we archive, to numbers.

Each entry is a fact about a language, not a heuristic: a date written with a month name is
read only when that name is listed here, so a wrong guess never becomes a date.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MONTHS", "month_number", "month_of"]

_MONTHS_RAW = {
    # en
    "january february march april may june july august september october november december": 0,
    "jan feb mar apr may jun jul aug sep oct nov dec": 0,
    "sept": 9,
    # de (+ Austrian Jänner)
    "januar februar märz april mai juni juli august september oktober november dezember": 0,
    "jän jänner feber mär mrz okt dez": -1,
    # fr
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre": 0,
    "janv févr fevr avr juil déc fevrier aout decembre": -1,
    # es
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre": 0,
    "setiembre": 9,
    "ene abr ago dic": -1,
    # it
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre": 0,
    "gen mag giu lug set ott": -1,
    # pt
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro": 0,
    "fev out": -1,
    # nl
    "januari februari maart april mei juni juli augustus september oktober november december": 0,
    "mrt mei": -1,
    # pl: nominative, then genitive (the form used in dates)
    "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad "
    "grudzień": 0,
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada "
    "grudnia": 0,
    # ru
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь": 0,
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря": 0,
    # uk
    "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад "
    "грудень": 0,
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня": 0,
    # tr
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık": 0,
    # fi: nominative, then partitive (the form used in dates)
    "tammikuu helmikuu maaliskuu huhtikuu toukokuu kesäkuu heinäkuu elokuu syyskuu lokakuu "
    "marraskuu joulukuu": 0,
    "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta "
    "syyskuuta lokakuuta marraskuuta joulukuuta": 0,
    # sv, da, no
    "januari februari mars april maj juni juli augusti september oktober november december": 0,
    "januar februar marts april maj juni juli august september oktober november december": 0,
    "januar februar mars april mai juni juli august september oktober november desember": 0,
    # cs: nominative, then genitive
    "leden únor březen duben květen červen červenec srpen září říjen listopad prosinec": 0,
    "ledna února března dubna května června července srpna září října listopadu prosince": 0,
    # ro
    "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie "
    "decembrie": 0,
    # ar: the Gregorian names of Egypt and the Gulf, then the Levant's one-word names
    "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر": 0,
    "إبريل ابريل": 4,
    "يونيه": 6,
    "يوليه": 7,
    "اغسطس": 8,
    "اكتوبر": 10,
    "شباط": 2,
    "آذار": 3,
    "نيسان": 4,
    "أيار": 5,
    "حزيران": 6,
    "تموز": 7,
    "أيلول": 9,
    # ar, as the Maghreb names the months (from French: "8 فيفري 2019")
    "جانفي فيفري مارس أفريل ماي جوان جويلية أوت سبتمبر أكتوبر نوفمبر ديسمبر": 0,
    "افريل": 4,
    # tl (Filipino)
    "enero pebrero marso abril mayo hunyo hulyo agosto setyembre oktubre nobyembre disyembre": 0,
    # ca ("7 de desembre", "7 d'abril"), gl
    "gener febrer març abril maig juny juliol agost setembre octubre novembre desembre": 0,
    "xaneiro febreiro marzo abril maio xuño xullo agosto setembro outubro novembro decembro": 0,
    # hu, then its abbreviations ("2026. dec. 7.")
    "január február március április május június július augusztus szeptember október november "
    "december": 0,
    "jan febr márc ápr máj jún júl aug szept okt nov dec": 0,
    # sk: nominative, then genitive
    "január február marec apríl máj jún júl august september október november december": 0,
    "januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra": 0,
    # sl, then bs/sr/hr-Latin as Bosnia and Serbia write them ("avgust" in both)
    "januar februar marec april maj junij julij avgust september oktober november december": 0,
    "januar februar mart april maj juni juli august septembar oktobar novembar decembar": 0,
    "avgust": 8,
    # hr: nominative, then genitive; "listopad(a)" stays November (Czech, Polish) above, as
    # a clash resolves to the first listing
    "siječanj veljača ožujak travanj svibanj lipanj srpanj kolovoz rujan listopad studeni "
    "prosinac": 0,
    "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna listopada studenoga "
    "prosinca": 0,
    "studenog": 11,
    # sr, mk (Cyrillic), bg
    "јануар фебруар март април мај јун јул август септембар октобар новембар децембар": 0,
    "януари февруари март април май юни юли август септември октомври ноември декември": 0,
    # el: nominative, then genitive (the form used in dates)
    "Ιανουάριος Φεβρουάριος Μάρτιος Απρίλιος Μάιος Ιούνιος Ιούλιος Αύγουστος Σεπτέμβριος "
    "Οκτώβριος Νοέμβριος Δεκέμβριος": 0,
    "Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου Ιουλίου Αυγούστου Σεπτεμβρίου "
    "Οκτωβρίου Νοεμβρίου Δεκεμβρίου": 0,
    # lt (genitive: "2026 m. gruodžio 7 d."), lv (nominative, then locative), et
    "sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio lapkričio "
    "gruodžio": 0,
    "janvāris februāris marts aprīlis maijs jūnijs jūlijs augusts septembris oktobris novembris "
    "decembris": 0,
    "janvārī februārī martā aprīlī maijā jūnijā jūlijā augustā septembrī oktobrī novembrī "
    "decembrī": 0,
    "jaanuar veebruar märts aprill mai juuni juuli august september oktoober november detsember": 0,
    # id, ms
    "januari februari maret april mei juni juli agustus september oktober november desember": 0,
    "januari februari mac april mei jun julai ogos september oktober november disember": 0,
    # tr abbreviations
    "oca şub mar nis may haz tem ağu eyl eki kas ara": 0,
    # he, alone and with the preposition that dates write ("7 בדצמבר 2026")
    "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר": 0,
    "בינואר בפברואר במרץ באפריל במאי ביוני ביולי באוגוסט בספטמבר באוקטובר בנובמבר בדצמבר": 0,
}

# Abbreviations whose month is not their position in a 12-word list.
_ABBREV = {
    "jän": 1, "jänner": 1, "feber": 2, "mär": 3, "mrz": 3, "maerz": 3, "okt": 10, "dez": 12,
    "janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juil": 7, "déc": 12, "fevrier": 2,
    "aout": 8, "decembre": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12, "gen": 1,
    "mag": 5, "giu": 6, "lug": 7, "set": 9, "ott": 10, "fev": 2, "out": 10, "mrt": 3,
    "mei": 5,
}  # fmt: skip


def _build_months() -> dict[str, int]:
    table: dict[str, int] = {}
    for words, fixed in _MONTHS_RAW.items():
        names = words.casefold().split()
        if fixed == 0 and len(names) == 12:
            for i, name in enumerate(names, 1):
                table.setdefault(name, i)
        elif fixed > 0:
            for name in names:
                table[name] = fixed
    # a clash (Czech "listopad" is November, Polish "listopad" too; "září" is only Czech)
    # resolves to the first listing, which is why lists with clashes come later
    table.update(_ABBREV)
    # the same names without their accents: headlines in capitals drop them ("ΜΑΡΤΙΟΥ"),
    # and so do hurried hands ("Marz", "fevrier")
    for name, month in list(table.items()):
        table.setdefault(_bare(name), month)
    return table


def _bare(word: str) -> str:
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


MONTHS = _build_months()


def month_number(word: str) -> int | None:
    """The month a name or abbreviation stands for, in any listed language; else ``None``."""
    word = word.casefold().rstrip(".")
    return MONTHS.get(word) or MONTHS.get(_bare(word))


# a capitalised word at the end of another: "MarieOctober 30, 2012", "INDUSTRYJuly 23"
_GLUED_TAIL = re.compile(r"(?<=[^\W\d_])[A-Z][^\W\d_A-Z]+\.?$")


def month_of(word: str) -> int | None:
    """The month a word names, or the month its capitalised tail names: a text of adjacent
    elements glues a byline's name or a kicker to the month ("by MarieOctober 30, 2012")."""
    month = month_number(word)
    if month is None:
        tail = _GLUED_TAIL.search(word)
        month = month_number(tail.group()) if tail else None
    return month
