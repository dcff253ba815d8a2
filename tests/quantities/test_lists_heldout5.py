"""A fifth held-out batch: real passages on the SCO's members and on Kyrgyz hydropower (Kazarman
cascade, Kambar-Ata), in English and Russian, found with the search tool after the fixes prompted
by batch 4. What an editor reads in each was written before the reader was first run on them,
and the reader was not changed for them; the misses stay, with the reason, and the score was
8 of 18 (lists 6 of 10, statuses 2 of 8) at commit "held-out batch 5". Its kinds of miss were
then fixed in general (a list of countries starts at its first country; "plan to implement";
Russian "может начаться", "начнет строительство", "идут переговоры"; "stopped funding"): 17 of
18 now, no longer held out. Over the five batches, first runs read 45 of 89 passages right
(51 %): the honest measure of this reader on text it was not built on.
"""

from __future__ import annotations

from tests.quantities.heldout_support import assert_batch

SCO6 = ["China", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan", "Uzbekistan"]
CONSORTIUM = ["Green Gold Energy", "China Railway 20th Bureau Group"]

# (address, passage, the claim's items, what an editor reads, why the reader misses it or "")
LISTS = [
    (
        "arcana.wikidot.com/shanghai-cooperation-organisation",
        "The Shanghai Cooperation Organisation is a mutual-security organization which was founded"
        " on June 15, 2001 by China, Kazakhstan, Kyrgyzstan, Russia, Tajikistan, and Uzbekistan.",
        SCO6,
        SCO6,
        "",  # first run: missed (the date's comma ("June 15, 2001 by China") puts "June 15" in the list)
    ),
    (
        "arcana.wikidot.com/shanghai-cooperation-organisation",
        "India, Iran, Mongolia, and Pakistan have observer status.",
        ["India", "Iran", "Mongolia", "Pakistan"],
        ["India", "Iran", "Mongolia", "Pakistan"],
        "",
    ),
    (
        "en.citizendium.org/wiki/Shanghai_Cooperation_Organization",
        "Formed by China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan, and Uzbekistan as the"
        " original members, the Shanghai Cooperation Organization was originally focused on border"
        " disputes",
        SCO6,
        SCO6,
        "",
    ),
    (
        "movatter.jp (en.wikipedia.org/wiki/Shanghai_Cooperation_Organisation)",
        "The SCO is the successor to the Shanghai Five, formed in 1996 between China, Kazakhstan,"
        " Kyrgyzstan, Russia, and Tajikistan.",
        ["China", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"],
        ["China", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"],
        "",  # first run: missed ("the Shanghai Five" before the comma is read as a first item)
    ),
    (
        "news.mail.ru/politics/67673058/",
        "Шанхайская организация сотрудничества была основана в 2001 году и в настоящее время"
        " включает такие государства, как Индия, Иран, Казахстан, Китай, Кыргызстан, Россия,"
        " Таджикистан, Пакистан и Узбекистан.",
        [
            "India",
            "Iran",
            "Kazakhstan",
            "China",
            "Kyrgyzstan",
            "Russia",
            "Tajikistan",
            "Pakistan",
            "Uzbekistan",
        ],
        [
            "India",
            "Iran",
            "Kazakhstan",
            "China",
            "Kyrgyzstan",
            "Russia",
            "Tajikistan",
            "Pakistan",
            "Uzbekistan",
        ],
        "",  # first run: missed (the clauses before "как" (such as) are read as items)
    ),
    (
        "lingua-sinica.org/entity-type/multilateral-organization",
        "Members of the organization include: China, India, Iran, Kazakhstan, Kyrgyzstan,"
        " Pakistan, Russia, Tajikistan, Uzbekistan, and Belarus.",
        [
            "China",
            "India",
            "Iran",
            "Kazakhstan",
            "Kyrgyzstan",
            "Pakistan",
            "Russia",
            "Tajikistan",
            "Uzbekistan",
            "Belarus",
        ],
        [
            "China",
            "India",
            "Iran",
            "Kazakhstan",
            "Kyrgyzstan",
            "Pakistan",
            "Russia",
            "Tajikistan",
            "Uzbekistan",
            "Belarus",
        ],
        "",
    ),
    (
        "iasforias.com/sco-shanghai-cooperation-organisation/",
        "The creation was announced on 15 June 2001 in Shanghai, China by the leaders of China,"
        " Kazakhstan, Kyrgyzstan, Russia, Tajikistan, and Uzbekistan.",
        SCO6,
        SCO6,
        "",  # first run: missed ("Shanghai, China" (a city, its country) starts the list)
    ),
    (
        "en.tengrinews.kz/industry_infrastructure/kazakhstan-interested-in-construction-of-kambar-ata-hydro-23007",
        "The latter river is an important source of water and electric power for all four Central"
        " Asian countries: Kyrgyzstan, Kazakhstan, Uzbekistan and Tajikistan.",
        ["Kyrgyzstan", "Kazakhstan", "Uzbekistan", "Tajikistan"],
        ["Kyrgyzstan", "Kazakhstan", "Uzbekistan", "Tajikistan"],
        "",
    ),
    (
        "elec-grid.com/2332.html",
        "The investor and implementer of the project is understood to be a consortium of several"
        " Chinese companies, including: the Northwest Survey and Design Research Institute of China"
        " Electric Construction Group (NWSDIC), Green Gold Energy (GGE) and China Railway 20th"
        " Bureau Group Co.",
        [
            "Northwest Survey and Design Research Institute of China Electric Construction Group",
            *CONSORTIUM,
        ],
        [
            "Northwest Survey and Design Research Institute of China Electric Construction Group",
            *CONSORTIUM,
        ],
        "",
    ),
    (
        "vedomosti.ru/politics/articles/2023/07/31/987640-kirgiziya-vvodit-rezhim-chs-iz-za-energodefitsita",
        "Документ подписан с консорциумом китайских энергетических компаний Power China Northwest"
        " Engineering Corporation Ltd, Green Gold Energy (GGE) и China Railway 20th Bureau Group Co"
        " Ltd.",
        ["Power China Northwest Engineering Corporation", *CONSORTIUM],
        ["Power China Northwest Engineering Corporation", *CONSORTIUM],
        "",
    ),
]

# (address, passage, the status an editor reads, why the reader misses it or "")
STATUSES = [
    (
        "menafn.com/1110707870/Kyrgyzstan-Negotiates-Construction-Of-Cascade-Of-Small-Hydroelectric-Power-Plants",
        "Under the agreements reached, the parties plan to implement an investment project for the"
        " construction of a cascade of small hydropower plants",
        "planned",
        "",  # first run: missed ("plan to implement ... the construction" is not in the vocabulary)
    ),
    (
        "24.kg/english/359260_Small_HPPs_cascade_planned_for_construction_on_Tar_River_in_Osh_region/",
        "The Cabinet of Ministers of the Kyrgyz Republic and Kyrgyzstan Reclaim Co. Ltd. signed a"
        " memorandum of understanding on a project to construct a cascade of small hydroelectric"
        " power plants",
        "agreed",
        "",
    ),
    (
        "ru.vzglyadriv.kg/world-news/41717-stroitelstvo-zh-d-kitay-kyrgyzstan-uzbekistan-mozhet-nachatsya-sleduyuschey-osenyu.html",
        "«Строительство может начаться осенью», — добавил глава кабмина.",
        "planned",
        "",  # first run: missed (Russian "может начаться" (may begin) is not in the vocabulary)
    ),
    (
        "ru.vzglyadriv.kg/world-news/41717-stroitelstvo-zh-d-kitay-kyrgyzstan-uzbekistan-mozhet-nachatsya-sleduyuschey-osenyu.html",
        "«В проекте хотят участвовать Узбекистан и Казахстан. Пока идут переговоры.»",
        "proposed",
        "",  # first run: missed (Russian "идут переговоры" (talks are under way) is not in the vocabulary)
    ),
    (
        "en.tengrinews.kz/industry_infrastructure/kazakhstan-interested-in-construction-of-kambar-ata-hydro-23007",
        "Back then Kyrgyzstan did not fulfill its obligations and Russia stopped funding the"
        " project.",
        "suspended",
        "",  # first run: missed ("stopped funding" is not in the vocabulary)
    ),
    (
        "en.tengrinews.kz/industry_infrastructure/kazakhstan-interested-in-construction-of-kambar-ata-hydro-23007",
        "A new agreement between Kyrgyzstan and Russia was signed in October 2012.",
        "agreed",
        "",
    ),
    (
        "elec-grid.com/2332.html",
        "The hydropower plant will be put into operation by 2030.",
        "planned",
        "miss",  # read as planned to under construction, not the editor's "planned"
    ),
    (
        "sknews.kz/news/amp/kazahstanskaya-kompaniya-postroit-v-kyrgyzstane-na-reke-naryn-kazarmanskiy-kaskad-ges",
        "стороны договорились, что казахстанская компания начнет строительство Казарманского"
        " каскада",
        "planned",
        "",  # first run: missed (Russian "начнет строительство" (will start construction) is not in the vocabulary)
    ),
]


def test_heldout5_score(capsys) -> None:
    """The fifth held-out score, asserted as measured: each case right unless marked a miss."""
    assert_batch("held-out batch 5", LISTS, STATUSES, capsys)
