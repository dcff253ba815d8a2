"""A third held-out batch: real passages on CASA-1000 and TAPI, found with the search tool after
the fixes prompted by batch 2. What an editor reads in each was written before the reader was
first run on them, and the reader was not changed for them; the misses stay, with the reason,
and the score was 11 of 20 (lists 5 of 10, statuses 6 of 10) at commit "held-out batch 3". Its
kinds of miss were then fixed in general (a clause after ", and" opening with a pronoun; an
adverb before "progressing"; "will kick off", "is carried out", "has seen no progress"; the
spelling "Kirghizstan"; Russian and Chinese names of more countries): 17 of 20 now, so these
cases are no longer held out; `test_lists_heldout4.py` holds a fourth batch.
"""

from __future__ import annotations

from tests.quantities.heldout_support import assert_batch

CASA = ["Kyrgyzstan", "Tajikistan", "Afghanistan", "Pakistan"]
TAPI = ["Turkmenistan", "Afghanistan", "Pakistan", "India"]

# (address, passage, the claim's items, what an editor reads, why the reader misses it or "")
LISTS = [
    (
        "en.trend.az/casia/kyrgyzstan/4021258.html",
        "the completed CASA-1000 power lines will transmit high-voltage electricity between"
        " Kyrgyzstan and Tajikistan, and from Tajikistan to Afghanistan and Pakistan.",
        CASA,
        CASA,
        "miss",  # two "between A and B, and from B to C and D" phrases: only the second list is read
    ),
    (
        "24.kg/english/310363_Kyrgyzstan_completes_construction_of_infrastructure_under_CASA-1000_project",
        "Four countries are participating in the project: Kyrgyzstan, Tajikistan, Afghanistan and"
        " Pakistan, and its goal is to export electricity from Central Asia to South Asia.",
        CASA,
        CASA,
        "",  # first run: missed (", and its goal is ..." (a clause after ", and") is read as a fifth item)
    ),
    (
        "centralasia.news/16787-tajikistan-to-complete-construction-of-casa-1000-transmission-lines-by-end-2022.html",
        "The funds were allocated by the World Bank, the Islamic Development Bank, the European"
        " Investment Bank and the EBRD.",
        ["World Bank", "Islamic Development Bank", "European Investment Bank", "EBRD"],
        ["World Bank", "Islamic Development Bank", "European Investment Bank", "EBRD"],
        "",
    ),
    (
        "archive.pakistantoday.com.pk/2014/02/19/pakistan-kyrgyzstan-tajikistan-afghanistan-sign-casa-1000-project-agreement/",
        "Pakistan, Kyrgyzstan, Tajikistan, Afghanistan sign CASA-1000 Project agreement",
        CASA,
        CASA,
        "",
    ),
    (
        "middleeastpress.com/english/ceo-visits-tajikistan-for-casa-1000-inauguration/",
        "one of the major regional projects by high-ranking officials of Afghanistan, Tajikistan,"
        " Kirghizstan and Pakistan will be inaugurated",
        CASA,
        CASA,
        "",  # first run: missed ("Kirghizstan" is a spelling the country table lacks)
    ),
    (
        "aibull.org/tag/tapi",
        "Progress on the TAPI pipeline — running through Turkmenistan, Afghanistan, Pakistan, and"
        " India — has been repeatedly delayed because of security issues",
        TAPI,
        TAPI,
        "",
    ),
    (
        "wenewsenglish.com/afghanistan-to-start-work-on-10-billion-tapi-gas-pipeline",
        "crossing Afghanistan’s Herat and Kandahar provinces before reaching Pakistan’s Balochistan"
        " province and concluding in India’s Punjab region.",
        ["Afghanistan", "Pakistan", "India"],
        ["Afghanistan", "Pakistan", "India"],
        "miss",  # places by possessive across "before reaching ... and concluding in": no list joint
    ),
    (
        "eastcoastdaily.in/2022/04/02/country-intends-to-reopen-a-delayed-gas-pipeline-that-spans-across-india.html",
        "The $9.6 billion TAPI (Turkmenistan, Afghanistan, Pakistan, and India) pipeline would"
        " deliver 33 billion cubic metres (bcm) of gas per year",
        TAPI,
        TAPI,
        "",
    ),
    (
        "amu.tv/122701",
        "The agreement for the project was signed in January 2016 by the leaders of Afghanistan,"
        " Turkmenistan, Pakistan, and India.",
        TAPI,
        TAPI,
        "",
    ),
    (
        "dzen.ru/news/story/c9336f5e-01fe-5b34-ae8c-47f19df58428",
        "газопровод ТАПИ общей протяженностью 1814 км и мощностью 30 млрд кубометров должен будет"
        " доставлять газ с месторождения «Галкыныш» в Марыйском велаяте (области) Туркмении, через"
        " Афганистан и Пакистан в Индию.",
        ["Afghanistan", "Pakistan", "India"],
        ["Afghanistan", "Pakistan", "India"],
        "miss",  # first run: no Russian names for Afghanistan, Pakistan, India; now "в Индию"
        # (into India) after the last item is not read and Turkmenistan, the gas's origin, is
    ),
]

# (address, passage, the status an editor reads, why the reader misses it or "")
STATUSES = [
    (
        "en.trend.az/casia/kyrgyzstan/4021258.html",
        'Ibraev noted that construction work on Kyrgyz territory for the "CASA-1000" project has'
        " been fully completed.",
        "completed",
        "",
    ),
    (
        "en.wikipedia.org/wiki/CASA-1000",
        "The Central Asia-South Asia power project, commonly known by the acronym CASA-1000, is a"
        " $1.2 billion project currently under construction",
        "under construction",
        "",
    ),
    (
        "centralasia.news/16787-tajikistan-to-complete-construction-of-casa-1000-transmission-lines-by-end-2022.html",
        "In Afghanistan, construction work was suspended due to the transition of power last"
        " August and the suspension of funding by the World Bank.",
        "suspended",
        "",
    ),
    (
        "yojiuelec.com/news/the-casa-1000-cross-border-high-voltage-transmission-line-is-expected-to-be-put-into-operation-in-2027",
        "construction in Pakistan is also progressing rapidly",
        "under construction",
        "",  # first run: missed ("is also progressing": an adverb between the verb and "progressing")
    ),
    (
        "archive.pakistantoday.com.pk/2014/02/19/pakistan-kyrgyzstan-tajikistan-afghanistan-sign-casa-1000-project-agreement/",
        "Implementation of the project is planned to start in 2014.",
        "planned",
        "",
    ),
    (
        "aopnews.com/reconstruction-and-development/tapi-construction-to-start-in-herat-next-year/",
        "construction work on the Turkmenistan-Afghanistan-Pakistan-India (TAPI) Pipeline Project"
        " will kick off next year.",
        "planned",
        "",  # first run: missed ("will kick off" is not in the vocabulary)
    ),
    (
        "xebersaati.com/news/229240-tapi-pipeline-being-built-according-to-plan/",
        "Construction of the Turkmenistan-Afghanistan-Pakistan-India (TAPI) gas pipeline is"
        " carried out according to the plan",
        "under construction",
        "",  # first run: missed ("construction ... is carried out" is not in the vocabulary)
    ),
    (
        "amu.tv/122701",
        "despite the project’s initial inauguration in Afghanistan in 2018, it has seen no"
        " progress on the Afghan section since that time.",
        "suspended",
        "",  # first run: missed ("has seen no progress" (stalled) is not in the vocabulary)
    ),
    (
        "afintl.com/en/202503316585",
        "Following the Taliban’s return to power in August 2021, work on the Afghan section of"
        " CASA-1000 was suspended.",
        "suspended",
        "",
    ),
    (
        "eastcoastdaily.in/2022/04/02/country-intends-to-reopen-a-delayed-gas-pipeline-that-spans-across-india.html",
        "Due to difficulty in acquiring funding and the security hazards of building a pipeline"
        " across war-torn Afghanistan, the project has been delayed for a long time.",
        "planned to under construction",
        "",
    ),
]


def test_heldout3_score(capsys) -> None:
    """The third held-out score, asserted as measured: each case right unless marked a miss."""
    assert_batch("held-out batch 3", LISTS, STATUSES, capsys)
