"""Figures in Uzbek reporting (Latin and Cyrillic script), read from real passages.

Uzbek in Latin script cannot be told from English by its letters, so these passages are read as
their sources declare them (`language: uz`). The passages were found with the team's search tool
and their figures written down before the reader was first run on them; the first-run score is
kept in FIRST_RUN, the score now in SCORE_FLOOR.
"""

from __future__ import annotations

from lang_cases import Case, Expect, score

CASES = [
    Case(
        "https://www.agro.uz/o-zbekiston-xitoy-hayot-sinovidan-o-tgan-ishonchli-hamkor",
        "2023-12-20",
        "O‘zbekiston savdo tovar aylanmasi bo‘yicha, 2022-yilda Xitoyga umumiy qiymati 121,1 mln "
        "dollarlik 146,8 ming tonna meva-sabzavot mahsulotlari (mosh, quritilgan olxo‘ri, uzum, "
        "gilos) yetkazib berilgan. O‘tgan yillar davomida xitoylik sarmoyadorlar O‘zbekiston "
        "iqtisodiyotiga qariyb 7,8 milliard dollar miqdorida investitsiya kiritgan.",
        (
            Expect("2022-yilda", "date", "2022-01-01..2022-12-31"),
            Expect("121,1 mln dollarlik", "money", "USD", 121.1e6),
            Expect("146,8 ming tonna", "quantity", "kilogram", 146.8e6),
            Expect("qariyb 7,8 milliard dollar", "money", "USD", 7.8e9, "nearly"),
        ),
        language="uz",
    ),
    Case(
        "https://m.kun.uz/news/2024/07/03/ozbekistonning-mdh-mamlakatlari-bilan-tashqi-savdo-aylanmasi-5-oyda-88-mlrd-dollarga-yetdi",
        "2024-07-03",
        "Qayd etilishicha, joriy yilning yanvar-may oylarida O‘zbekistonning MDH mamlakatlari bilan "
        "tashqi savdo aylanmasi 4,9 foizga o‘sib, 8,8 mlrd AQSh dollarini tashkil etgan: 3,1 mlrd "
        "dollari eksport, 5,7 mlrd dollari import. O‘zbekistonning MDH mamlakatlari bilan savdo "
        "aylanmasida eng ko‘p ulush – 4 mlrd 782 mln dollari yoki 55 foizi Rossiyaga to‘g‘ri "
        "kelmoqda.",
        (
            Expect("4,9 foizga", "percent", "percent", 4.9),
            Expect("8,8 mlrd AQSh dollarini", "money", "USD", 8.8e9),
            Expect("3,1 mlrd dollari", "money", "USD", 3.1e9),
            Expect("5,7 mlrd dollari", "money", "USD", 5.7e9),
            Expect("4 mlrd 782 mln dollari", "money", "USD", 4.782e9),
            Expect("55 foizi", "percent", "percent", 55),
        ),
        language="uz",
    ),
    Case(
        "https://one.uz/yangiliklar/ozbekiston/24099-ozbekiston-eksporti-2025-yilda-31-foizga-oshdi.html",
        "2025-09-20",
        "Ayniqsa, ushbu davrda mamlakat eksportining hajmi 23 milliard AQSH dollariga yetdi. Bu "
        "ko‘rsatkich o‘tgan yilning shu davriga nisbatan 31,3 foizga ko‘p ekanligi qayd etildi. "
        "Rossiya birinchi o‘rinda bo‘lib, 2,9 milliard dollar hajmida mahsulot import qilgan. "
        "Ikkinchi o‘rinda Xitoy (1,2 milliard dollar), uchinchi o‘rinda esa Qozog‘iston (910,8 "
        "million dollar) turadi.",
        (
            Expect("23 milliard AQSH dollariga", "money", "USD", 23e9),
            Expect("31,3 foizga", "percent", "percent", 31.3),
            Expect("2,9 milliard dollar", "money", "USD", 2.9e9),
            Expect("1,2 milliard dollar", "money", "USD", 1.2e9),
            Expect("910,8 \nmillion dollar".replace(" \n", " "), "money", "USD", 910.8e6),
        ),
        language="uz",
    ),
    Case(
        "https://spot.uz/oz/2023/07/06/foreign-trade-turnover",
        "2023-07-06",
        "Tashqi savdo aylanmasi hajmi boʻyicha Toshkent shahri ($9,8 mlrd), Toshkent viloyati ($2,4 "
        "mlrd) va Andijon viloyati ($2,1 mlrd) yetakchilik qilmoqda. Undan keyingi oʻrinlarda "
        "Samarqand viloyati — $1,1 mlrd, Farg‘ona viloyati — $791 mln va Buxoro viloyati — $613 mln "
        "bilan turibdi. Shuningdek, yanvar-aprel oylarida O‘zbekistonning tashqi savdo aylanmasi "
        "$19,57 mlrd.ni tashkil etdi va o‘tgan yilning shu davriga nisbatan 13,4%ga o‘sgandi.",
        (
            Expect("$9,8 mlrd", "money", "USD", 9.8e9),
            Expect("$2,4 \nmlrd".replace(" \n", " "), "money", "USD", 2.4e9),
            Expect("$791 mln", "money", "USD", 791e6),
            Expect("$19,57 mlrd", "money", "USD", 19.57e9),
            Expect("13,4%ga", "percent", "percent", 13.4),
        ),
        language="uz",
    ),
    Case(
        "https://sputniknews.uz/20260304/uzbekistan-china-biznes-forum-56078711.html",
        "2026-03-04",
        "Тошкентдаги Ўзбекистон–Хитой бизнес-форумида икки давлат ўртасидаги товар айирбошлашни 20 "
        "млрд долларга етказиш мақсади маълум қилинди. 2025 йилда савдо ҳажми 17,8 млрд долларни "
        "ташкил этган. Бу ўтган йилга нисбатан 34 фоизга кўп.",
        (
            Expect("20 \nмлрд долларга".replace(" \n", " "), "money", "USD", 20e9),
            Expect("2025 йилда", "date", "2025-01-01..2025-12-31"),
            Expect("17,8 млрд долларни", "money", "USD", 17.8e9),
            Expect("34 фоизга", "percent", "percent", 34),
        ),
        language="uz",
    ),
]
FIRST_RUN = 15  # figures read as expected at the first run, before any Uzbek word was added
SCORE_FLOOR = 24


def test_uzbek_passages_score():
    hits, total, misses = score(CASES)
    print(f"\nUzbek real passages: {hits}/{total} figures read as expected (first run {FIRST_RUN})")
    for miss in misses:
        print("  miss:", miss)
    assert hits >= SCORE_FLOOR, misses
