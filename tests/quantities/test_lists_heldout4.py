"""A fourth held-out batch: real passages on the Middle Corridor (Trans-Caspian route) and the
Rogun dam, found with the search tool after the fixes prompted by batch 3. What an editor reads
in each was written before the reader was first run on them, and the reader was not changed for
them; the misses stay, with the reason, and the score was 9 of 18 (lists 6 of 10, statuses 3
of 8) at commit "held-out batch 4". Its kinds of miss were then fixed in general (seas and
regions are no countries in a country list; "through" and "crossing" are link words; "from A to
countries such as ..." is no chain; a name holding "and" that is a claim item; a list opens at
"including"; "the project commenced", "involved in the construction", "signed it", N% of the work
or two units done is under construction): 17 of 18 now, no longer held out;
`test_lists_heldout5.py` holds a fifth batch.
"""

from __future__ import annotations

from tests.quantities.heldout_support import assert_batch

# (address, passage, the claim's items, what an editor reads, why the reader misses it or "")
LISTS = [
    (
        "sparkthread.net/en/Trans-Caspian%20International%20Transport%20Route",
        "a trade route from Southeast Asia and China to Europe via Kazakhstan, the Caspian Sea"
        " (using train ferries to cross the Caspian), Azerbaijan, Georgia and Turkey.",
        ["China", "Kazakhstan", "Azerbaijan", "Georgia", "Turkey"],
        ["China", "Kazakhstan", "Azerbaijan", "Georgia", "Turkey"],
        "miss",  # "the Caspian Sea" is an item of the list (not a country), China stands before "to Europe via"
    ),
    (
        "communities.lawsociety.org.uk/cis/new-trans-caspian-international-transport-route/5053935.article",
        "Azerbaijan, Georgia, Turkey and Kazakhstan established a railway consortium to ensure"
        " smooth movement of Chinese goods to Europe",
        ["Azerbaijan", "Georgia", "Turkey", "Kazakhstan"],
        ["Azerbaijan", "Georgia", "Turkey", "Kazakhstan"],
        "",
    ),
    (
        "menafn.com/1107043858/Kazakhstan-Tu%CC%88rkiye-Eye-To-Expand-Supplies-Via-Middle-Corridor",
        "The route starts in China and crosses Central Asian countries such as Kazakhstan,"
        " Uzbekistan, and Turkmenistan.",
        ["Kazakhstan", "Uzbekistan", "Turkmenistan"],
        ["Kazakhstan", "Uzbekistan", "Turkmenistan"],
        "",
    ),
    (
        "menafn.com/1107043858/Kazakhstan-Tu%CC%88rkiye-Eye-To-Expand-Supplies-Via-Middle-Corridor",
        "It then passes through the Caspian Sea, Azerbaijan, Georgia, and Turkey before reaching"
        " Europe.",
        ["Azerbaijan", "Georgia", "Turkey"],
        ["Azerbaijan", "Georgia", "Turkey"],
        "",  # first run: missed ("then passes through the Caspian Sea" is read as an item: a sea is not a country)
    ),
    (
        "menafn.com/1107515950/Kazakhstan-With-Partners-Focus-On-Ridding-Middle-Corridor-Bottlenecks-MFA",
        "Multilateral multimodal transportation infrastructure connects ferry terminals in the"
        " Caspian and Black Seas with railway systems in China, Kazakhstan, Azerbaijan, Georgia,"
        " Türkiye , Ukraine, and Poland.",
        ["China", "Kazakhstan", "Azerbaijan", "Georgia", "Turkey", "Ukraine", "Poland"],
        ["China", "Kazakhstan", "Azerbaijan", "Georgia", "Turkey", "Ukraine", "Poland"],
        "",
    ),
    (
        "en.trend.az/casia/kazakhstan/3861215.html",
        "has organized the dispatch of three container trains from China (Xi'an) to Azerbaijan"
        " (Absheron station) and Georgia (Poti/Tbilisi station) from the beginning of February"
        " 2024",
        ["China", "Azerbaijan", "Georgia"],
        ["China", "Azerbaijan", "Georgia"],
        "",
    ),
    (
        "en.trend.az/casia/kazakhstan/3861215.html",
        "in transit through the territory of Kazakhstan from China to countries such as"
        " Azerbaijan, Georgia, Türkiye, etc.",
        ["Azerbaijan", "Georgia", "Turkey"],
        ["Azerbaijan", "Georgia", "Turkey"],
        "",  # first run: missed ("from China to countries such as ...": the chain's "from China" is read as a first item)
    ),
    (
        "commonspace.eu/news/kazakhstan-azerbaijan-and-georgia-set-joint-middle-corridor-railway-venture",
        "Kazakhstan Temir Zholy, Azerbaijan Railways and Georgian Railway will sign an agreement"
        " on key principles",
        ["Kazakhstan Temir Zholy", "Azerbaijan Railways", "Georgian Railway"],
        ["Kazakhstan Temir Zholy", "Azerbaijan Railways", "Georgian Railway"],
        "",
    ),
    (
        "trend.az/casia/tajikistan/4084360.html",
        "talks are ongoing with the Asian Development Bank (ADB), the European Investment Bank"
        " (EIB), the European Union (EU), the Italian State Investment Bank (Cassa Depositi e"
        " Prestiti ), the Qatar Fund for Development (QFFD), and other organizations.",
        [
            "Asian Development Bank",
            "European Investment Bank",
            "European Union",
            "Italian State Investment Bank",
            "Qatar Fund for Development",
        ],
        [
            "Asian Development Bank",
            "European Investment Bank",
            "European Union",
            "Italian State Investment Bank",
            "Qatar Fund for Development",
        ],
        "",
    ),
    (
        "centralasianlight.org/news/tajikistan-attracts-another-1.15-bln-to-complete-rogun-hpp",
        "decisions to allocate $100 million have been made by other Arab development funds,"
        " including the OPEC Fund for International Development, the Kuwait Fund for Development,"
        " the Abu Dhabi Fund, and the Savings and Trust Fund of Italy",
        [
            "OPEC Fund for International Development",
            "Kuwait Fund for Development",
            "Abu Dhabi Fund",
            "Savings and Trust Fund of Italy",
        ],
        [
            "OPEC Fund for International Development",
            "Kuwait Fund for Development",
            "Abu Dhabi Fund",
            "Savings and Trust Fund of Italy",
        ],
        "",  # first run: missed (a name holding "and" ("Savings and Trust Fund") breaks the list)
    ),
]

# (address, passage, the status an editor reads, why the reader misses it or "")
STATUSES = [
    (
        "en.trend.az/casia/tajikistan/4034229.html",
        "Two units are currently operational, with a third expected to be commissioned in 2025.",
        "under construction",
        "",  # first run: missed (two of six units operational is read as the plant completed)
    ),
    (
        "news.tj/tj/node/261213",
        "Construction began in 1976 but the project was frozen after the collapse of the Soviet"
        " Union.",
        "suspended",
        "",
    ),
    (
        "rivershelp.org/?p=2265",
        "Since the project commenced in 2008, more than 48.1 billion somoni has been invested from"
        " the state budget and other domestic sources.",
        "under construction",
        "",  # first run: missed ("the project commenced" is not in the vocabulary)
    ),
    (
        "centralasianlight.org/news/tajikistan-attracts-another-1.15-bln-to-complete-rogun-hpp",
        "Currently, more than 17,000 workers and engineering-technical staff are involved in the"
        " construction of the hydropower plant",
        "under construction",
        "",  # first run: missed ("involved in the construction of" is not in the vocabulary)
    ),
    (
        "commonspace.eu/news/kazakhstan-azerbaijan-and-georgia-set-joint-middle-corridor-railway-venture",
        "Kazakhstan and Azerbaijan signed it today, and another participatory state, Georgia, is"
        " expected to sign the agreement shortly",
        "agreed",
        "",  # first run: missed ("signed it" (a pronoun for the agreement) is not read as agreed)
    ),
    (
        "communities.lawsociety.org.uk/cis/new-trans-caspian-international-transport-route/5053935.article",
        "Regular railway trips are planned to be launched on the Trans-Caspian International"
        " Transport Route in 2016.",
        "planned",
        "",
    ),
    (
        "menafn.com/1107722132/First-Container-Train-From-China-Arrives-To-Azerbaijan-Via-Middle-Corridor-In-2024",
        "One more container train from Xi'an to Baku is currently planned to be launched.",
        "planned",
        "",
    ),
    (
        "hassan.yicod76934.workers.dev (Interfax, March 12)",
        "More than 50% of construction work for the Rogun Hydroelectric Power Plant (HPP) in"
        " Tajikistan has been completed",
        "under construction",
        "",  # first run: missed ("50% of construction work ... has been completed" is read as completed)
    ),
]


def test_heldout4_score(capsys) -> None:
    """The fourth held-out score, asserted as measured: each case right unless marked a miss."""
    assert_batch("held-out batch 4", LISTS, STATUSES, capsys)
