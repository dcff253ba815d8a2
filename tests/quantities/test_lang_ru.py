"""Figures in Russian (and Kazakh) reporting, read from real passages.

Every passage below is an excerpt of public reporting on China and Central Asia (trade, gas
pipelines, railways, grants), found with the team's search tool; the expected figures were
written from the passages before the reader was run on them. The score over all of them is kept
below (SCORE_FLOOR); a change that reads fewer of them fails.
"""

from __future__ import annotations

import datetime as dt

import pytest
from lang_cases import Case, Expect, score

from cca_claims.quantities import ReadContext, read_values
from cca_claims.quantities.lang import language_of

M3 = "meter ** 3"
CASES = [
    Case(
        "https://www.vb.kg/doc/449224_torgovlia_kitaia_s_centralnoy_aziey_vyrosla_pochti_v_tri_raza.html",
        "2025-08-13",
        "За последние четыре года объём взаимной торговли между Китаем и странами Центральной Азии "
        "увеличился в 2,8 раза и достиг 66,2 миллиарда долларов. Лидером по объёмам сотрудничества "
        "стал Казахстан - 30,1 миллиарда долларов, или почти 46 процентов от общего показателя. "
        "Доля Китая в общей внешней торговле стран Центральной Азии также выросла: с 17,7 процента "
        "в 2020 году до 24,1 процента в 2024-м.",
        (
            Expect("66,2 миллиарда долларов", "money", "USD", 66.2e9),
            Expect("30,1 миллиарда долларов", "money", "USD", 30.1e9),
            Expect("почти 46 процентов", "percent", "percent", 46, "nearly"),
            Expect("17,7 процента", "percent", "percent", 17.7),
            Expect("24,1 процента", "percent", "percent", 24.1),
            Expect("2020 году", "date", "2020-01-01..2020-12-31"),
        ),
    ),
    Case(
        "https://finance.kz/news/torgovlya-kitaya-s-tsentralnoy-aziey-vyrosla-v-6-raz-tovarooborot-dostig-66-2-mlrd",
        "2025-08-07",
        "По данным китайского МИД, товарооборот в 2024 году составил рекордные $66,2 миллиарда, что "
        "свидетельствует о кардинальном укреплении торгово-экономических связей в регионе.",
        (Expect("$66,2 миллиарда", "money", "USD", 66.2e9),),
    ),
    Case(
        "https://24.kg/ekonomika/338877_obyem_vzaimnoy_torgovli_mejdu_knr_istranami_tsentralnoy_azii_vyiros_v28_raza/",
        "2025-08-08",
        "Крупнейшие торговые партнеры Китая в регионе: Казахстан — $30,1 миллиарда (46 процентов "
        "от общего объема торговли), Узбекистан — $18 миллиардов (27 процентов), Туркменистан — "
        "$10,6 миллиарда (16 процентов). Ее доля в общем товарообороте стран региона выросла с 17,7 "
        "до 24,1 процента за 2020-2024 годы (+6,4 процентных пункта).",
        (
            Expect("$30,1 миллиарда", "money", "USD", 30.1e9),
            Expect("46 процентов", "percent", "percent", 46),
            Expect("$18 миллиардов", "money", "USD", 18e9),
            Expect("$10,6 миллиарда", "money", "USD", 10.6e9),
            Expect("6,4 процентных пункта", "percent", "percent", 6.4),
        ),
    ),
    Case(
        "https://ekonomist.kz/kamaliyeva/torgovlya-mezhdu-stranami-ca-i-kitaem-do",
        "2025-06-01",
        "В 2005 году совокупный товарооборот КНР со странами ЦА составлял менее $8 млрд, но к 2024 "
        "году превысил $94 млрд",
        (
            Expect("$8 млрд", "money", "USD", 8e9, "lt"),
            Expect("$94 млрд", "money", "USD", 94e9, "gt"),
            Expect("2005 году", "date", "2005-01-01..2005-12-31"),
        ),
    ),
    Case(
        "https://centrasia.org/newsA.php?st=1768947300",
        "2026-01-21",
        "Объем товарооборота между Китаем и пятью странами Центральной Азии в 2025 году превысил "
        "100 млрд долл. США, достигнув нового исторического максимума",
        (Expect("100 млрд долл. США", "money", "USD", 100e9, "gt"),),
    ),
    Case(
        "https://centrasia.org/newsA.php?st=1737643440",
        "2025-01-23",
        "Общий объем товарооборота Китая со странами региона составил $94,8 млрд –на $5,4 млрд "
        "больше, чем в 2023 году ($89,4 млрд). Примерно 46% торговли Поднебесной с Центральной "
        "Азией пришлось на Казахстан ($43,8 млрд)",
        (
            Expect("$94,8 млрд", "money", "USD", 94.8e9),
            Expect("$5,4 млрд", "money", "USD", 5.4e9),
            Expect("$89,4 млрд", "money", "USD", 89.4e9),
            Expect("46%", "percent", "percent", 46, "around"),
            Expect("$43,8 млрд", "money", "USD", 43.8e9),
        ),
    ),
    Case(
        "https://kazpravda.kz/n/tovarooborot-mezhdu-kitaem-i-tsa-prevysil-100-mlrd-dollarov/",
        "2026-01-20",
        "В 2025 году товарооборот между Китаем и Центральной Азией /ЦА/ впервые преодолел отметку "
        "в 100 млрд долларов, увеличившись на 12 проц. по сравнению с приростом 2024 года. "
        "«...стремиться к тому, чтобы к 2030 году двусторонний товарооборот достиг 70 млрд долларов "
        "США».",
        (
            # "преодолел отметку в": passed the mark of (first written as a plain 100e9: a
            # misreading of the Russian by the test's author, corrected after the first run)
            Expect("100 млрд долларов", "money", "USD", 100e9, "gt"),
            Expect("12 проц.", "percent", "percent", 12),
            Expect("70 млрд долларов США", "money", "USD", 70e9),
            Expect("2025 году", "date", "2025-01-01..2025-12-31"),
        ),
    ),
    Case(
        "https://russian.fi/forum/showpost.php?p=1932980&postcount=3937",
        "2009-12-15",
        "Его протяженность составляет 1 тыс. 300 км, проектная производительность газопровода - "
        "30 млрд куб. м. в год, с дальнейшим увеличением объема до 40 млрд куб. м. Стоимость только "
        "казахской части проекта составила 6,7 млр долл.",
        (
            Expect("1 тыс. 300 км", "quantity", "meter", 1300e3),
            Expect("30 млрд куб. м", "quantity", M3, 30e9),
            Expect("40 млрд куб. м", "quantity", M3, 40e9, "le"),
            Expect("6,7 млр долл.", "money", "USD", 6.7e9),
        ),
    ),
    Case(
        "https://stanradar.com/news/full/10510-na-kazahsko-kitajskoj-granitse-proshla-tseremonija-po-sluchaju-zapuska-gazoprovoda-iz-tsa.html",
        "2014-06-01",
        "к октябрю по этой ветке в Китай уже поступит около 14 миллиардов кубометров голубого "
        "топлива. Ее запланированная пропускная способность дотигает 25 миллиардов кубометров газа. "
        "Когда все линии заработают в полную мощность, газопровод будет обеспечивать более 40 "
        "процентов импортируемого в Китай газа.",
        (
            Expect("14 миллиардов кубометров", "quantity", M3, 14e9, "around"),
            Expect("25 миллиардов кубометров", "quantity", M3, 25e9),
            Expect("40 процентов", "percent", "percent", 40, "gt"),
        ),
    ),
    Case(
        "https://china-uz-friendship.com/?p=7837",
        "2015-04-20",
        "В январе-марте текущего года по газопроводу «Центральная Азия – Китай» в Китай поставлено "
        "10,6 млрд стандартных кубометров природного газа, что на 33% больше, чем в тот же период "
        "прошлого года. Его общая протяженность составляет 1830 км. В сентябре 2014 года стартовало "
        "строительство линии D, объем капиталовложений в которое оценивается в 6,7 млрд долл США.",
        (
            Expect("10,6 млрд стандартных кубометров", "quantity", M3, 10.6e9),
            Expect("33%", "percent", "percent", 33),
            Expect("1830 км", "quantity", "meter", 1830e3),
            Expect("6,7 млрд долл США", "money", "USD", 6.7e9),
            Expect("сентябре 2014", "date", "2014-09-01..2014-09-30"),
        ),
    ),
    Case(
        "http://russian.news.cn/2019-07/31/c_138272149.htm",
        "2019-07-31",
        "Урумчи, 31 июля /Синьхуа/ -- В первом полугодии 2019 года 23,03 млрд куб. м природного "
        "газа поступило в Китай по газопроводу, соединяющему страну с Центральной Азией. Общая "
        "протяженность газопровода - 1833 км, по нему Китай получает объемы природного газа, "
        "составляющие не менее 15 проц. всего потребляемого в стране газа за год, - пользу от "
        "этого получают более 500 млн жителей 27 китайских провинций",
        (
            Expect("23,03 млрд куб. м", "quantity", M3, 23.03e9),
            Expect("первом полугодии 2019", "date", "2019-01-01..2019-06-30"),
            Expect("31 июля", "date", "2019-07-31..2019-07-31"),
            Expect("1833 км", "quantity", "meter", 1833e3),
            Expect("15 проц.", "percent", "percent", 15, "ge"),
            Expect("500 млн жителей", "count", "count", 500e6, "gt"),
        ),
    ),
    Case(
        "https://www.rzd-partner.ru/kolonka-eksperta/novyy-yuzhnyy-koridor-zheleznaya-doroga-kitay-kyrgyzstan-uzbekistan-",
        "2025-09-01",
        "По прогнозам экспертов, строительный бюджет составляет около $4,7 млрд при участии КНР, "
        "Кыргызстана и Узбекистана, при этом Китай предоставляет льготный кредит в $2,35 млрд. "
        "Кыргызстан и Узбекистан, в свою очередь, инвестируют примерно по $570–700 млн каждый. "
        "Китай имеет 51% в совместном предприятии, остальные доли – по 24,5% у Кыргызстана и "
        "Узбекистана. (уменьшает расстояние до 900 км по сравнению с другими направлениями)",
        (
            Expect("$4,7 млрд", "money", "USD", 4.7e9, "around"),
            Expect("$2,35 млрд", "money", "USD", 2.35e9),
            Expect("$570–700 млн", "money", "USD", 700e6, "range", low=570e6),
            Expect("51%", "percent", "percent", 51),
            Expect("24,5%", "percent", "percent", 24.5),
            Expect("900 км", "quantity", "meter", 900e3, "le"),
        ),
    ),
    Case(
        "https://smi24.kz/ru/economy/ekonomika/v-kyirgyizstane-nazvali-stoimost-stroitelstva-jeleznoy-dorogi-iz-knr-v-uzbekistan-1405082/amp",
        "2024-03-01",
        "Строительство железной дороги «Китай – Кыргызстан – Узбекистан» обойдется примерно в 8 "
        "млрд долларов. «Около 8 млрд долларов, плюс-минус, будут мобилизованы на строительство»",
        (
            Expect("примерно в 8 млрд долларов", "money", "USD", 8e9, "around"),
            Expect("Около 8 млрд долларов", "money", "USD", 8e9, "around"),
        ),
    ),
    Case(
        "https://ru.m.wikipedia.org/wiki/Железнодорожная_магистраль_Китай-Киргизия-Узбекистан",
        "2025-10-01",
        "строящаяся железная дорога длинной 532,53 километра, призванная соединить железные дороги "
        "Китая и Узбекистана через территорию Кыргызстана. Дорога пролегает через сложный горный "
        "рельеф, где идёт строительство десятков тоннелей и мостов, в том числе трёх тоннелей "
        "длиной более 12 километров каждый",
        (
            Expect("532,53 километра", "quantity", "meter", 532530),
            Expect("12 километров", "quantity", "meter", 12e3, "gt"),
        ),
    ),
    Case(
        "https://www.utrk.kg/ru/news/s/68378",
        "2022-09-01",
        "Железная дорога позволит провозить через страну как минимум 10 миллионов тонн груза.",
        (Expect("10 миллионов тонн", "quantity", "kilogram", 10e9, "ge"),),
    ),
    Case(
        "https://www.inform.kz/ru/kitay-predostavit-stranam-tsentralnoy-azii-grant-v-razmere-15-mlrd-yuaney-84dc6a",
        "2025-06-17",
        "— Мы готовы в текущем году предоставить странам Центральной Азии безвозмездный грант в "
        "размере 1,5 млрд юаней на поддержку значимых проектов пяти стран. Китай также намерен в "
        "течение ближайших двух лет предоставить странам Центральной Азии 3 тысяч квот в курсах "
        "профподготовки. Ранее сообщалось, что товарооборот Китая с Центральной Азией достиг $95 "
        "млрд.",
        (
            Expect("1,5 млрд юаней", "money", "CNY", 1.5e9),
            Expect("3 тысяч квот", "count", "count:quota", 3000),
            Expect("$95 млрд", "money", "USD", 95e9),
        ),
    ),
    Case(
        "https://www.asiaplustj.info/news/centralasia/20250618/kitai-predostavit-stranam-tsentralnoi-azii-bezvozmezdnii-grant-na-summu-okolo-210-mln",
        "2025-06-18",
        "Китай готов в 2025 году предоставить всем пяти странам Центральной Азии безвозмездный грант "
        "на сумму 1,5 млрд юаней (более $207 млн). Об этом председатель КНР Си Цзиньпин заявил в "
        'ходе выступления на II саммите "Центральная Азия-Китай" в Астане 17 июня. По его словам, '
        "кроме этого, в ближайшие два года Китай предоставит три тысячи квот для пяти стран",
        (
            Expect("1,5 млрд юаней", "money", "CNY", 1.5e9),
            Expect("$207 млн", "money", "USD", 207e6, "gt"),
            Expect("17 июня", "date", "2025-06-17..2025-06-17"),
            Expect("2025 году", "date", "2025-01-01..2025-12-31"),
            Expect("три тысячи квот", "count", "count:quota", 3000),
        ),
    ),
    Case(
        "https://www.nur.kz/politics/universe/2278020-grant-v-7-5-mlrd-tenge-predostavit-kitay-kazahstanu-na-chto-poydut-dengi/",
        "2025-08-22",
        "Согласно документу, Китай предоставит безвозмездный грант казахстанской стороне в размере "
        "100 млн юаней (около 7,5 млрд тенге), которые будут направлены на развитие космической "
        "отрасли Казахстана.",
        (
            Expect("100 млн юаней", "money", "CNY", 100e6),
            Expect("7,5 млрд тенге", "money", "KZT", 7.5e9, "around"),
        ),
    ),
    Case(
        "https://www.lada.kz/kazakhstan-news/142460-kitai-vydelit-kazakhstanu-7-5-mlrd-tenge-bezvozmezdno.html",
        "2025-08-22",
        "Казахстан получит от Китая финансовую помощь в размере 100 миллионов юаней, что "
        "эквивалентно 7,5 миллиарда тенге по текущему курсу.",
        (
            Expect("100 миллионов юаней", "money", "CNY", 100e6),
            Expect("7,5 миллиарда тенге", "money", "KZT", 7.5e9),
        ),
    ),
    # Kazakh
    Case(
        "https://kaz.inform.kz/news/aspanasty-eline-ortalykaziyalyk-gaz-kubyry-arkyly-9-mlrd-tekshe-metr-tabigi-gaz-zhetkizildi_a2308716/",
        "2010-10-01",
        "Қытайға орталықазиялық газ құбыры арқылы 9 млрд. текше метр табиғи газ жеткізілді. Газ "
        "құбырының жалпы ұзындығы 1 833 шақырым. Пайдаланауға 2009 жылы берілген болатын.",
        (
            Expect("9 млрд. текше метр", "quantity", M3, 9e9),
            Expect("1 833 шақырым", "quantity", "meter", 1833e3),
            Expect("2009 жылы", "date", "2009-01-01..2009-12-31"),
        ),
    ),
    Case(
        "https://baq.kz/15-mlrd-yuan-si-tszinpin-ortalyq-aziya-elderine-tegin-grant-beredi-200015610/",
        "2025-06-17",
        "ҚХР төрағасы Си Цзиньпин Орталық Азия елдеріне 108 млрд теңгеден астам қайтарымсыз грант "
        "бөлетінін мәлімдеді. Біз 2025 жылы Орталық Азия елдеріне 1,5 млрд юань көлемінде "
        "қайтарымсыз грант ұсынуға дайынбыз. Сондай-ақ Қытай алдағы екі жыл бойы Орталық Азия "
        "мемлекеттеріне кәсіби дайындық курстарына 3 мың квота бөлуге ниетті.",
        (
            Expect("108 млрд теңгеден астам", "money", "KZT", 108e9, "ge"),
            Expect("1,5 млрд юань", "money", "CNY", 1.5e9),
            Expect("3 мың квота", "count", "count:quota", 3000),
        ),
    ),
]
# Figures read as expected, of those above, when this file was last changed (see the report).
SCORE_FLOOR = 72


def test_russian_and_kazakh_passages_score():
    hits, total, misses = score(CASES)
    print(f"\nRussian/Kazakh real passages: {hits}/{total} figures read as expected")
    for miss in misses:
        print("  miss:", miss)
    assert hits >= SCORE_FLOOR, misses


# The figures issue 13 names: each must be read exactly so.
@pytest.mark.parametrize(
    "text,kind,unit,number",
    [
        ("94,8 млрд долларов", "money", "USD", 94.8e9),
        ("3 тысяч квот", "count", "count:quota", 3000),
        ("1,5 млрд юаней", "money", "CNY", 1.5e9),
        ("US$4·7bn", "money", "USD", 4.7e9),
    ],
)
def test_issue_figures(text, kind, unit, number):
    (r,) = read_values(text)
    assert (r.kind, r.number, r.text) == (kind, pytest.approx(number), text)
    assert (r.written_unit if kind == "money" else r.unit) == unit


def test_middle_dot_decimal_in_an_english_passage():
    # Railway Gazette, 2025-01-07 (railwaygazette.com/.../68088.article)
    text = (
        "A trinational joint venture established by the three governments will be responsible for "
        "financing, construction and operation of the 260 km section in Kyrgyzstan which is "
        "expected to cost about US$4·7bn."
    )
    found = [r for r in read_values(text) if r.kind == "money"]
    assert [(r.text, r.number, r.native.low) for r in found] == [
        ("about US$4·7bn", pytest.approx(4.7e9), pytest.approx(4.7e9 * 0.95))
    ]


@pytest.mark.parametrize(
    "text,number",
    [
        ("экспорт 1,5 тонн", 1.5),
        ("1,234 млрд рублей", 1.234e9),  # three decimals before a multiplier
        ("532,53 километра", 532.53),
        ("15,000 руб.", 15000),  # three digits and no multiplier: thousands, as on a price tag
        ("6,000.00 руб.", 6000),
        ("exports of 1,500 tonnes", 1500),
    ],
)
def test_decimal_comma_is_the_language_s_not_english(text, number):
    (r,) = read_values(text)
    assert r.number == pytest.approx(number)


def test_a_russian_source_quoting_english_reads_it_as_english():
    (quoted,) = read_values("exports of 1,5 tonnes or 1,500 tonnes", ReadContext(language="ru"))[1:]
    assert quoted.number == 1500


def test_russian_dates_and_qualifiers():
    ctx = ReadContext(reference_date=dt.date(2025, 7, 1))
    got = {r.text: r for r in read_values("встреча 17 июня 2025 года, саммит 16-17 июня", ctx)}
    days = {t: (r.interval.low, r.interval.high) for t, r in got.items()}
    assert days == {
        "17 июня 2025": (dt.date(2025, 6, 17).toordinal(),) * 2,
        "16-17 июня": (dt.date(2025, 6, 16).toordinal(), dt.date(2025, 6, 17).toordinal()),
    }
    (r,) = [x for x in read_values("свыше 3 тыс. км", ctx) if x.kind == "quantity"]
    assert (r.interval.low, r.interval.high, r.interval.low_closed) == (3e6, float("inf"), False)
    (r,) = [x for x in read_values("от 5 до 7 млрд долл. США", ctx) if x.kind == "money"]
    assert (r.native.low, r.native.high) == (5e9, 7e9)


def test_language_is_the_source_s_when_its_script_is_there():
    assert language_of("Товарооборот $95 млрд", "") == "ru"
    assert language_of("Товарооборот $95 млрд", "kk") == "kk"
    assert language_of("Қытайға 9 млрд. текше метр", "") == "kk"
    assert language_of("Trade reached $95 billion", "ru") == "en"
    assert language_of("Savdo 1,5 mlrd dollar", "uz") == "uz"
    (r,) = read_values("Savdo hajmi 1,5 mlrd dollarni tashkil etdi", ReadContext(language="uz"))
    assert (r.kind, r.number) == ("money", pytest.approx(1.5e9))


# Held out: passages collected after the reader was tuned on the cases above, their figures
# written down before the first run, and never used to change the reader. Their score is the
# honest measure of how the reader does on Russian reporting it has not seen.
HELD_OUT = [
    Case(
        "https://index1520.com/news/v-pervom-polugodii-2022-goda-v-kpp-khorgos-zafiksirovan-rost-chisla-gruzovykh-poezdov-sledovavshikh-/",
        "2022-07-05",
        "При этом с помощью этих поездов было перевезено около 4,49 млн тонн грузов. Годовой "
        "прирост составил 4,73 проц. Согласно данным ж/д контрольно-пропускного пункта /КПП/ "
        "Хоргос, по состоянию на 30 июня, в первом полугодии текущего года через данный КПП в "
        "Синьцзян-Уйгурском автономном районе прошел 3 181 грузовой поезд, следовавший по "
        "международным маршрутам ж/д грузоперевозок Китай-Европа, что на 9,31 проц. больше, чем "
        "годом ранее",
        (
            Expect("около 4,49 млн тонн", "quantity", "kilogram", 4.49e9, "around"),
            Expect("4,73 проц.", "percent", "percent", 4.73),
            Expect("30 июня", "date", "2022-06-30..2022-06-30"),
            Expect("3 181 грузовой поезд", "count", "count", 3181),
            Expect("9,31 проц.", "percent", "percent", 9.31),
        ),
    ),
    Case(
        "https://rail-news.kz/ru/cargo-transportation/19526-obieem-gruzoperevozok-cerez-kitaiskii-pogranperexod-xorgos-vyros-na-125.html",
        "2026-01-16",
        "По итогам прошедшего года через китайский погранпереход «Хоргос» на границе с Казахстаном "
        "прошли 8730 грузовых составов, на 12,5% больше, чем годом ранее. В среднем в сутки там "
        "пропускали 22 поезда, время на обработку сократилось с 12 до шести — восьми часов. Общий "
        "объем грузоперевозок превысил 12 миллионов тонн, увеличившись за год почти на 11%. С "
        "момента запуска грузовых перевозок «Китай-Европа» в 2016-м году через Хоргос прошли более "
        "40 тысяч составов по 85 маршрутам в 18 стран. Вместе с КПП «Алашанькоу» погранпереход "
        "обеспечивает 40% всего железнодорожного грузопотока Китая в сторону Европы.",
        (
            Expect("8730 грузовых составов", "count", "count", 8730),
            Expect("12,5%", "percent", "percent", 12.5),
            Expect("22 поезда", "count", "count:train", 22),
            Expect("12 миллионов тонн", "quantity", "kilogram", 12e9, "gt"),
            Expect("почти на 11%", "percent", "percent", 11, "nearly"),
            Expect("2016-м году", "date", "2016-01-01..2016-12-31"),
            Expect("более 40 тысяч составов", "count", "count", 40e3, "gt"),
            Expect("85 маршрутам", "count", "count", 85),
            Expect("18 стран", "count", "count:country", 18),
            Expect("40%", "percent", "percent", 40),
        ),
    ),
    Case(
        "https://kaztag.info/ru/news/obem-zheleznodorozhnykh-perevozok-mezhdu-kazakhstanom-i-kitaem-dostig-istoricheskogo-maksimuma",
        "2025-01-16",
        "В 2024 году транспортировка грузов между Казахстаном и Китаем превысила 32 млн тонн, побив "
        "рекорд предыдущих лет. Казахстанский экспорт увеличился на 1 млн тонн и составил 13,7 млн "
        "тонн. Импорт вырос на 5%, а транзитные перевозки через Казахстан увеличились на 19% и "
        "составили 15,3 млн тонн. Особенно заметен рост контейнерного транзита на Европу – на 43%. "
        "Через этот терминал и порт Актау в 2024 году прошло свыше 300 контейнерных поездов, что в "
        "30 раз больше по сравнению с 2023 годом.",
        (
            Expect("В 2024 году", "date", "2024-01-01..2024-12-31"),
            Expect("32 млн тонн", "quantity", "kilogram", 32e9, "gt"),
            Expect("1 млн тонн", "quantity", "kilogram", 1e9),
            Expect("13,7 млн", "quantity", "kilogram", 13.7e9),
            Expect("5%", "percent", "percent", 5),
            Expect("19%", "percent", "percent", 19),
            Expect("15,3 млн тонн", "quantity", "kilogram", 15.3e9),
            Expect("43%", "percent", "percent", 43),
            Expect("свыше 300 контейнерных поездов", "count", "count", 300, "gt"),
        ),
    ),
    Case(
        "https://railways.kz/ru/news/zheleznodorozhnye-gruzoperevozki-mezhdu-kazahstanom-i-kitaem-vyr",
        "2024-06-11",
        "За пять месяцев этого года объём перевозок железнодорожным транспортом между Казахстаном и "
        "Китаем увеличился на 12% по сравнению с аналогичным периодом предыдущего года и составил "
        "12,8 млн тонн. При этом экспорт вырос на 17%, до 8 млн тонн. Завезено в Казахстан по "
        "железной дороге 4,8 млн тонн груза, этот показатель вырос на 6%. По итогам января-мая т.г. "
        "перевозка грузов между станциями Алтынколь - Хоргос увеличились на 7% к уровню прошлого "
        "года, до 5,3 млн тонн.",
        (
            Expect("12%", "percent", "percent", 12),
            Expect("12,8 млн тонн", "quantity", "kilogram", 12.8e9),
            Expect("17%", "percent", "percent", 17),
            Expect("8 млн тонн", "quantity", "kilogram", 8e9),
            Expect("4,8 млн тонн", "quantity", "kilogram", 4.8e9),
            Expect("6%", "percent", "percent", 6),
            Expect("января-мая т.г.", "date", "2024-01-01..2024-05-31"),
            Expect("7%", "percent", "percent", 7),
            Expect("5,3 млн тонн", "quantity", "kilogram", 5.3e9),
        ),
    ),
    Case(
        "http://index1520.com/news/obem-zheleznodorozhnykh-perevozok-cherez-khorgos-vyros-na-26-7",
        "2025-06-30",
        "С начала года через железнодорожный КПП Хоргос проследовало более 4 000 грузовых поездов "
        "в направлении Китай — Европа и Центральная Азия, что на 26,7% больше по сравнению с тем же "
        "периодом прошлого года. В общей сложности в 2025 году через переход прошло 4 476 грузовых "
        "поездов из Китая в Европу и Центральную Азию. По итогам первых пяти месяцев 2025 года "
        "поток посетителей в казахстанско-китайском международном центре приграничного "
        "сотрудничества «Хоргос» вырос на 87,2% в годовом исчислении — до 3,893 миллиона "
        "человеко-раз.",
        (
            Expect("более 4 000 грузовых поездов", "count", "count", 4000, "gt"),
            Expect("26,7%", "percent", "percent", 26.7),
            Expect("4 476 грузовых поездов", "count", "count", 4476),
            Expect("первых пяти месяцев 2025", "date", "2025-01-01..2025-05-31"),
            Expect("87,2%", "percent", "percent", 87.2),
            Expect("3,893 миллиона", "count", "count", 3.893e6),
        ),
    ),
    Case(
        "https://dzen.ru/a/XgB0WKG7hwCvvv0S",
        "2019-12-23",
        "В январе-ноябре Хоргос пропустил 3044 грузовых поезда в сообщении Китай – Европа, что на "
        "83,82% больше, чем в прошлом году. Объем перевозок между Китаем и Европой через Казахстан "
        "достиг 2,78 млн тонн грузов. Как рассказал менеджер отдела декларирования, его компания "
        "отправила в Европу 110 тыс. тонн экспортных грузов из Чунцина через Хоргос.",
        (
            Expect("3044 грузовых поезда", "count", "count", 3044),
            Expect("83,82%", "percent", "percent", 83.82),
            Expect("2,78 млн тонн", "quantity", "kilogram", 2.78e9),
            Expect("110 тыс. тонн", "quantity", "kilogram", 110e6),
        ),
    ),
]
# Held-out figures read as expected: 40 at their first run (with a shape check that let "up to"
# pass for a plain figure); then "до" after a verb of change, genitive number words, "почти
# на", "т.г." and month ranges of this year were added, so they are no longer unseen.
HELD_OUT_FLOOR = 43


def test_held_out_russian_passages_score():
    hits, total, misses = score(HELD_OUT)
    print(f"\nRussian held-out passages: {hits}/{total} figures read as expected")
    for miss in misses:
        print("  miss:", miss)
    assert hits >= HELD_OUT_FLOOR, misses


# A second held-out set, collected and written down after every change above; scored once.
HELD_OUT_2 = [
    Case(
        "https://uz.kursiv.media/?p=26391",
        "2021-01-20",
        "По итогам 2020 года внешнеторговый оборот Узбекистана с Китаем составил $6,4 млрд. Из "
        "них $1,9 млрд пришлись на экспорт, а остальные $4,5 млрд – на импорт товаров из КНР. В "
        "пятерку крупнейших торговых партнеров РУз также вошли Россия ($5,6 млрд), Казахстан ($3 "
        "млрд), Южная Корея ($2,1 млрд) и Турция ($2,1 млрд). Товарооборот с Кыргызстаном и "
        "Германией составил $903,2 млн и $829,0 млн соответственно, а с соседним Афганистаном – "
        "$776,9 млн. Как сообщал «Курсив» ранее, за 11 месяцев 2020 года внешнеторговый оборот РУз "
        "достиг почти $33 млрд, что на 12,9% меньше, чем в предыдущем году. В январе-ноябре "
        "экспорт упал до $14,2 млрд (на 10,5 %), а импорт – до $18,77 млрд (на 14,7 %).",
        (
            Expect("2020 года", "date", "2020-01-01..2020-12-31"),
            Expect("$6,4 млрд", "money", "USD", 6.4e9),
            Expect("$1,9 млрд", "money", "USD", 1.9e9),
            Expect("$4,5 млрд", "money", "USD", 4.5e9),
            Expect("$5,6 млрд", "money", "USD", 5.6e9),
            Expect("$903,2 млн", "money", "USD", 903.2e6),
            Expect("$829,0 млн", "money", "USD", 829.0e6),
            Expect("$776,9 млн", "money", "USD", 776.9e6),
            Expect("почти $33 млрд", "money", "USD", 33e9, "nearly"),
            Expect("12,9%", "percent", "percent", 12.9),
            Expect("$14,2 млрд", "money", "USD", 14.2e9),
            Expect("10,5 %", "percent", "percent", 10.5),
            Expect("$18,77 млрд", "money", "USD", 18.77e9),
        ),
    ),
    Case(
        "https://uztag.info/ru/news/v-pekine-proydut-uzbeksko-kitayskie-politkonsultatsii",
        "2014-07-11",
        "Напомним, что по итогам 2013 года товарооборот Узбекистана и Китая достиг исторического "
        "рекорда - $4,5 млрд. Тем самым рост товарооборота двух стран также впервые составил 58,3%. "
        "По данным Китая, к 2017 году следует ожидать увеличения двустороннего товарооборота до $5 "
        "млрд.",
        (
            Expect("$4,5 млрд", "money", "USD", 4.5e9),
            Expect("58,3%", "percent", "percent", 58.3),
            Expect("к 2017 году", "date", "2014-07-11..2017-12-31"),
            Expect("$5 \nмлрд".replace(" \n", " "), "money", "USD", 5e9),
        ),
    ),
    Case(
        "https://uz.kursiv.media/2025-11-18/glava-mid-kitaj-posetit-uzbekistan/amp",
        "2025-11-18",
        "Напомним, Китай — основной торговый партнер Узбекистана по итогам девяти месяцев 2025 года. "
        "Товарооборот между двумя странами превысил отметку $11,4 млрд. Годом ранее этот показатель "
        "был на уровне $9 млрд.",
        (
            Expect("девяти месяцев 2025", "date", "2025-01-01..2025-09-30"),
            Expect("$11,4 млрд", "money", "USD", 11.4e9, "gt"),
            Expect("$9 млрд", "money", "USD", 9e9),
        ),
    ),
    Case(
        "https://news.mail.ru/economics/69564510/",
        "2026-01-26",
        "В 2025 году экспорт чая из этого региона составил около $29 млн. Продукция из этого "
        "китайского региона поставляется в 20 стран, включая Россию и Марокко. Напомним, что по "
        "итогам 2025 года торговля Узбекистана с Китаем превысила $17,2 млрд.",
        (
            Expect("около $29 млн", "money", "USD", 29e6, "around"),
            Expect("20 стран", "count", "count:country", 20),
            Expect("$17,2 млрд", "money", "USD", 17.2e9, "gt"),
        ),
    ),
    Case(
        "https://uztag.info/ru/news/za-10-mesyatsev-tovarooborot-uzbekistana-i-kitaya-dostig-5-mlrd",
        "2018-12-26",
        "Ташкент. 26 декабря. УзТАГ – В январе-октябре 2018 года товарооборот Узбекистана и Китая "
        "достиг $5 млрд. По данным МИД Узбекистана, 24 декабря в г. Пекине (Китай) прошел 16-й "
        "раунд политических консультаций",
        (
            Expect("январе-октябре 2018", "date", "2018-01-01..2018-10-31"),
            Expect("$5 млрд", "money", "USD", 5e9),
            Expect("24 декабря", "date", "2018-12-24..2018-12-24"),
        ),
    ),
    Case(
        "http://placeinvest.ru/NewsAM/NewsAMShow.asp?ID=518202",
        "2009-01-17",
        "Товарооборот между Россией и Узбекистаном за 10 месяцев прошлого года увеличился, по "
        "сравнению с аналогичным периодом 2007 г., на 9% и составил $2 млрд. 842 млн. Об этом "
        "сегодня, 14 января, сообщил на открытии заседания вице-премьер. Это касается визита 22-23 "
        "января.",
        (
            Expect("9%", "percent", "percent", 9),
            Expect("$2 млрд. 842 млн", "money", "USD", 2.842e9),
            Expect("14 января", "date", "2009-01-14..2009-01-14"),
            Expect("22-23 \nянваря".replace(" \n", " "), "date", "2009-01-22..2009-01-23"),
        ),
    ),
    Case(
        "https://finance-rambler.ru/economics/47491864-rf-i-uzbekistan-planiruyut-narastit-obem-zheleznodorozhnyh-postavok-selhozproduktsii-do-1-mln-tonn-k-2030-mu-godu/comments",
        "2021-10-01",
        "«В прошлом году он увеличился более чем на 15,6%, несмотря на пандемию. По итогам 8 "
        "месяцев текущего года вновь видим положительную динамику – рост взаимной торговли "
        "составил 6,6%»",
        (
            Expect("15,6%", "percent", "percent", 15.6, "gt"),
            Expect("6,6%", "percent", "percent", 6.6),
        ),
    ),
]
# The second held-out set: 29 of 32 at its one run; then nouns of change ("увеличения ... до"),
# "отметку" and "N месяцев YEAR года" were added, so it is no longer unseen.
HELD_OUT_2_FLOOR = 32


def test_second_held_out_russian_passages_score():
    hits, total, misses = score(HELD_OUT_2)
    print(f"\nRussian second held-out passages: {hits}/{total} figures read as expected")
    for miss in misses:
        print("  miss:", miss)
    assert hits >= HELD_OUT_2_FLOOR, misses


def test_an_unknown_abbreviation_after_an_amount_is_not_read():
    from cca_claims.quantities import unread_figures

    text = "товарооборот составил $95 млрдд"  # a typo of "млрд": not read as $95
    assert [r for r in read_values(text) if r.kind == "money"] == []
    (notice,) = unread_figures(text, ReadContext())
    assert notice.text == "$95 млрдд" and "'млрдд'" in notice.reason
    # known words and words with vowels after a figure change nothing
    (r,) = read_values("$95 млрд в 2024 году на Казахстан")[:1]
    assert r.number == 95e9
