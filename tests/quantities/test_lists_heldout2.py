"""A second held-out batch: real passages on the Trans-Afghan (UAP) railway and the third
Kazakhstan-China railway (Bakhty-Ayagoz), found with the search tool after the fixes prompted by
`test_lists_heldout.py`. What an editor reads in each was written before the reader was first run
on them, and the reader was not changed for them; the misses stay, with the reason, and the
score was 8 of 17 (lists 4 of 9, statuses 4 of 8) at commit "held-out batch 2": far below the
cases the reader was built on. Lists of places within countries, clauses after "and", names
holding "and", and status verbs outside the vocabulary were where it failed on new text. Those
kinds were then fixed in general ("X and Y of Country" is one item when the claim's items are
countries; a clause after "and" opening with an -ing word; "started building", "plan to build",
an agreement on a feasibility study): 14 of 17 now, so these cases are no longer held out;
`test_lists_heldout3.py` holds a third batch, read without tuning.
"""

from __future__ import annotations

from tests.quantities.heldout_support import assert_batch

UAP = ["Pakistan", "Afghanistan", "Uzbekistan"]

# (address, passage, the claim's items, what an editor reads, why the reader misses it or "")
LISTS = [
    (
        "arynews.tv/uap-railway-corridor-pakistan-afghanistan-uzbekistan-agreement/",
        "KABUL: Pakistan, Afghanistan and Uzbekistan on Thursday signed the Framework Agreement on"
        " the Joint Feasibility Study for the Naibabad–Kharlachi rail link",
        UAP,
        UAP,
        "",
    ),
    (
        "astanatimes.com/2025/07/uzbekistan-pakistan-and-afghanistan-sign-agreement-on-trans-afghan-railway/",
        "ASTANA – Uzbekistan, Pakistan, and Afghanistan signed a tripartite framework agreement on"
        " July 17 in Kabul to develop a feasibility study for the Trans-Afghan railway project",
        UAP,
        UAP,
        "",
    ),
    (
        "dailytimes.com.pk/1338095/uzbekistan-afghanistan-and-pakistan-sign-transformational-railway-pact/",
        "a rail link, which will pass through Termiz in Uzbekistan, Mazar-i-Sharif and Logar in"
        " Afghanistan and enter Pakistan via the Kharlachi border crossing in Khyber Pakhtunkhwa.",
        UAP,
        UAP,
        "",  # first run: missed (places "in" a country: "Mazar-i-Sharif" is kept, Afghanistan read twice)
    ),
    (
        "medialinepakistan.com/pakistan-afghanistan-uzbekistan-ink-tripartite-railway-link-project",
        "As planned, the rail route will pass through Termiz, Uzbekistan, Afghanistan’s"
        " Mazar-e-Sharif and Logar provinces, and culminate in Pakistan via the Kharlachi border"
        " crossing in the Kurram tribal district near the Afghan border.",
        UAP,
        UAP,
        "miss",  # a route of places and possessives ("Afghanistan’s Mazar-e-Sharif"), verbs read as items
    ),
    (
        "railwaygazette.com/infrastructure/work-begins-on-third-kazakhstan-china-railway/65705.article",
        "relieving the existing border crossing points at Druzhba and Khorgas and attracting"
        " additional transit flows.",
        ["Druzhba", "Khorgas"],
        ["Druzhba", "Khorgas"],
        "",  # first run: missed ("and attracting ..." (a gerund clause after "and") is read as a third item)
    ),
    (
        "railwaygazette.com/infrastructure/work-begins-on-third-kazakhstan-china-railway/65705.article",
        "The Trans-Caspian International Transport Route, North-South and Southern Corridors have"
        " become particularly relevant.",
        [
            "Trans-Caspian International Transport Route",
            "North-South Corridor",
            "Southern Corridor",
        ],
        [
            "Trans-Caspian International Transport Route",
            "North-South Corridor",
            "Southern Corridor",
        ],
        "",
    ),
    (
        "thenews.com.pk/print/1091981-protocol-signed-to-connect-uzbek-rail-network-with-pakistan-through-afghanistan",
        "The route for this connection will pass through Termiz in Uzbekistan, Mazar-i-Sharif and"
        " Logar in Afghanistan, and culminate in Pakistan via the Kharlachi border crossing in"
        " Kurram.",
        ["Termiz", "Mazar-i-Sharif", "Logar"],
        ["Termiz", "Mazar-i-Sharif", "Logar"],
        "miss",  # the route words and "X in Country" items are not cut to the place
    ),
    (
        "dunyanews.tv/en/Business/895189-agreement-on-pakistan-afghanistan-uzbekistan-railway-project-signed-",
        "Pakistan, Uzbekistan, and Afghanistan have signed a Framework Agreement on the Joint"
        " Feasibility Study for the Uzbekistan-Afghanistan-Pakistan (UAP) Railway Project",
        UAP,
        UAP,
        "",
    ),
    (
        "en.trend.az/casia/kazakhstan/3813990.html",
        "a Memorandum of Understanding was signed between the Ministry of Transport of the Republic"
        " of Kazakhstan and the State Committee for Development and Reform of the People's Republic"
        " of China on the joint development of cooperation",
        ["Kazakhstan", "China"],
        ["Kazakhstan", "China"],
        "",  # first run: missed ("Development and Reform" splits a name at its own "and")
    ),
]

# (address, passage, the status an editor reads, why the reader misses it or "")
STATUSES = [
    (
        "zawya.com/en/projects/bri/kazakhstan-starts-building-new-railroad-to-china-tuq8jgnc",
        "Abai region of Kazakhstan started building a new 272 km-long railway line en route"
        " Bakhty-Ayagoz",
        "under construction",
        "",  # first run: missed ("started building" is not in the vocabulary)
    ),
    (
        "railwaygazette.com/infrastructure/work-begins-on-third-kazakhstan-china-railway/65705.article",
        "Prime Minister Alikhan Smailov has formally launched the construction of a third"
        " cross-border railway link to China.",
        "under construction",
        "",
    ),
    (
        "en.trend.az/casia/kazakhstan/3813990.html",
        "Kazakhstan and China plan to build the third cross-border railway between the countries",
        "planned",
        "",  # first run: missed ("plan to build" is not in the vocabulary)
    ),
    (
        "jjtv.kz/en/news/business/30337-kazakhstan-to-open-another-dry-port-on-border-with-china",
        "The project will be put into action at the end of the year and is expected to contribute"
        " to trade growth.",
        "planned",
        # first run: not read; now read as planned to under construction (not yet in action),
        # which is not the editor's "planned"
        "miss",
    ),
    (
        "interfax.kz/?int_id=21&lang=eng&news_id=78155",
        "Uzbek President Shavkat Mirziyoyev has endorsed a trilateral intergovernmental framework"
        " agreement, signed with Afghanistan and Pakistan in July 2025, on jointly conducting a"
        " feasibility study for the trans-Afghan railway project.",
        "agreed",
        "",  # first run: missed (the agreement on a feasibility study is read as the study itself)
    ),
    (
        "medialinepakistan.com/pakistan-afghanistan-uzbekistan-ink-tripartite-railway-link-project",
        "The project is scheduled to be completed by the end of 2027",
        "planned",
        "",
    ),
    (
        "raillynews.com/2012/12/cinden-kazakistana-ikinci-demiryolu-hatti-acildi/",
        "The second railway line between China and Kazakhstan was opened.",
        "completed",
        "",
    ),
    (
        "thenews.com.pk/print/1091981-protocol-signed-to-connect-uzbek-rail-network-with-pakistan-through-afghanistan",
        "Pakistan, Uzbekistan and Afghanistan have signed a joint protocol to connect the Uzbek rail"
        " network with Pakistan Railways.",
        "agreed",
        "",
    ),
]


def test_heldout2_score(capsys) -> None:
    """The second held-out score, asserted as measured: each case right unless marked a miss."""
    assert_batch("held-out batch 2", LISTS, STATUSES, capsys)
