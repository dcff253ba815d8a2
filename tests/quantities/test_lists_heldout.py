"""A held-out measure: real passages collected after the reader work, read without tuning.

The passages (on Lines A-D of the Central Asia-China gas pipeline and the Kambarata-1 dam) were
found with the search tool once the list, name and status reader was done; what an editor reads
in each was written down before the reader was first run on them, and the reader was not changed
for them afterwards. The cases it gets wrong stay here, marked with the reason, so the score is
the honest one for passages the reader was not fitted to: 9 of 16 (lists 7 of 10, statuses 2 of
6) at commit "held-out measure" (and a list segment opening with "and" after a semicolon made the
reader raise). Each miss was then fixed by its general kind (a chain's "into X" after the last
item; semicolon-separated items; a closing "and others"; "started functioning"; a signed
roadmap; an event "underway" is no project status): 15 of 16 now, so these cases are no longer
held out. `test_lists_heldout2.py` holds a second batch, read without tuning.
"""

from __future__ import annotations

from tests.quantities.heldout_support import assert_batch

# (address, passage, the claim's items, what an editor reads, why the reader misses it or "")
LISTS = [
    (
        "oilandgaseurasia.com/en/news/china-central-asian-countries-open-3rd-gas-line/",
        "The 1,830-km Line C of the pipeline, parallel to Line A and Line B, starts at the"
        " Turkmen-Uzbek border and runs through central Uzbekistan and southern Kazakhstan before"
        " reaching China's northwest region of Xinjiang.",
        ["Uzbekistan", "Kazakhstan"],
        ["Uzbekistan", "Kazakhstan"],
        "",
    ),
    (
        "orasam.manas.edu.kg/index.php/en/turkmenistan-en/2134-central-asia-china-natural-gas-line-carried-270-billion-meter-cube-natural-gas-to-china",
        "The natural gas pipeline passes through Turkmenistan, Uzbekistan, Kazakhstan and China.",
        ["Turkmenistan", "Uzbekistan", "Kazakhstan", "China"],
        ["Turkmenistan", "Uzbekistan", "Kazakhstan", "China"],
        "",
    ),
    (
        "orasam.manas.edu.kg/index.php/en/turkmenistan-en/2134-central-asia-china-natural-gas-line-carried-270-billion-meter-cube-natural-gas-to-china",
        "If the D section of the pipeline that will pass through Uzbekistan, Kyrgyzstan and"
        " Tajikistan in the coming years will end, the annual volume of gas",
        ["Uzbekistan", "Kyrgyzstan", "Tajikistan"],
        ["Uzbekistan", "Kyrgyzstan", "Tajikistan"],
        "",
    ),
    (
        "offshore-technology.com/uncategorized/news72407-html/",
        "The Samandepe gas pipeline runs across Uzbekistan and Kazakhstan into China’s western"
        " Xinjiang region.",
        ["Uzbekistan", "Kazakhstan", "China"],
        ["Uzbekistan", "Kazakhstan", "China"],
        # first run: missed ("into C" after the last item, with no comma, was its tail)
        "",
    ),
    (
        "en.people.cn/90778/7681457.html",
        "Line C will be placed in parallel with Line A and Line B that have been built and put"
        " into operation, to transport natural gas from Turkmenistan, Uzbekistan and Kazakhstan.",
        ["Turkmenistan", "Uzbekistan", "Kazakhstan"],
        ["Turkmenistan", "Uzbekistan", "Kazakhstan"],
        "",
    ),
    (
        "inform.kz/en/kazakhstan-kyrgyzstan-and-uzbekistan-agree-on-joint-construction-of-kambarata-hpp-1_a4020711",
        "Energy Ministers Bolat Akchulakov of Kazakhstan, Taalaibek Ibrayev of Kyrgyzstan, and"
        " Zhurabek Mirzamakhmudov of Uzbekistan signed a roadmap",
        ["Kazakhstan", "Kyrgyzstan", "Uzbekistan"],
        ["Kazakhstan", "Kyrgyzstan", "Uzbekistan"],
        "",
    ),
    (
        "en.trend.az/casia/kyrgyzstan/3789076.html",
        "Ministers of Energy from Uzbekistan, Jurabek Mirzamakhmudov; Kyrgyzstan, Talaibek"
        " Ibraev; and Kazakhstan, Almasadam Satkaliyev, are discussing the implementation",
        ["Uzbekistan", "Kyrgyzstan", "Kazakhstan"],
        ["Uzbekistan", "Kyrgyzstan", "Kazakhstan"],
        # first run: missed (items holding commas, separated by semicolons)
        "",
    ),
    (
        "en.trend.az/casia/kyrgyzstan/3910766.html",
        "The Ministries of Energy of Kyrgyzstan, Kazakhstan, and Uzbekistan have signed an"
        " interdepartmental agreement",
        ["Kyrgyzstan", "Kazakhstan", "Uzbekistan"],
        ["Kyrgyzstan", "Kazakhstan", "Uzbekistan"],
        "",
    ),
    (
        "turkishnewsworld.com/central-asian-nations-join-forces-for-kambarata-1-hydropower-project",
        "Uzbekistan, Kazakhstan, and Kyrgyzstan are gearing up to finalize a significant agreement",
        ["Uzbekistan", "Kazakhstan", "Kyrgyzstan"],
        ["Uzbekistan", "Kazakhstan", "Kyrgyzstan"],
        "",
    ),
    (
        "en.inform.kz/amp/kazakhstan-signs-agrt-on-kambarata-1-hpp-construction-583beb",
        "Among its members are the World Bank, OPEC Fund, Asian Development Bank, the European"
        " Bank for Reconstruction and Development and others.",
        [
            "World Bank",
            "OPEC Fund",
            "Asian Development Bank",
            "European Bank for Reconstruction and Development",
        ],
        [
            "World Bank",
            "OPEC Fund",
            "Asian Development Bank",
            "European Bank for Reconstruction and Development",
        ],
        # first run: missed (a closing "and others" was read as a fifth item)
        "",
    ),
]

# (address, passage, the status an editor reads, why the reader misses it or "")
STATUSES = [
    (
        "rferl.org/a/third-line-of-central-asia-china-gas-pipeline-launched/25407101.html",
        "The third line of the Central Asia-China natural gas pipeline, Line C, has started"
        " functioning.",
        "completed",
        "",  # first run: missed ("started functioning" was not in the vocabulary)
    ),
    (
        "en.people.cn/90778/7681457.html",
        "Line C will be placed in parallel with Line A and Line B that have been built and put"
        " into operation",
        "planned",
        # Lines A and B "put into operation" is read as Line C's status: the reader does not
        # know which project a status phrase speaks of
        "miss",
    ),
    (
        "oilandgaseurasia.com/en/news/china-central-asian-countries-open-3rd-gas-line/",
        "The building of Line D of the pipeline is expected to be launched at the end of this year.",
        "planned",
        "",
    ),
    (
        "123.57.6.8:8087/topco/industry-news/gas/View.aspx?nid=9224",
        "The initial section of the Central Asia – China Gas Pipeline in Uzbekistan is now"
        " operational.",
        "completed",
        "",
    ),
    (
        "inform.kz/en/kazakhstan-kyrgyzstan-and-uzbekistan-agree-on-joint-construction-of-kambarata-hpp-1_a4020711",
        "signed a roadmap to jointly carry out the project «Construction of Kambarata HPP-1» on"
        " January 6 in the Kyrgyz capital",
        "agreed",
        "",  # first run: missed (a signed "roadmap" was not among the documents)
    ),
    (
        "en.trend.az/casia/kyrgyzstan/3789076.html",
        "Ministers of Energy are discussing the implementation of the Kambarata-1 Hydropower Plant"
        " project; these discussions are taking place at a ministerial meeting currently underway",
        "proposed",
        # first run: missed ("a meeting currently underway" read as the project's status)
        "",
    ),
]


def test_heldout_score(capsys) -> None:
    """The held-out score, asserted as measured: each case right unless marked a miss."""
    assert_batch("held-out real reporting", LISTS, STATUSES, capsys)
