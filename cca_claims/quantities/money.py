"""Currencies as written: symbols, ISO codes and names, mapped to ISO 4217 codes.

A currency the tables cannot place (a bare "kr", "som" or "peso") is still money: it keeps its
written name with no ISO code and a note, and is never read as a plain number.
"""

from __future__ import annotations

# Symbols written before or after a figure. "$" is read as the US dollar (the reader notes it).
SYMBOLS: dict[str, str | None] = {
    "$": "USD",
    "US$": "USD",
    "U.S.$": "USD",
    "USD$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD$": "CAD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
    "SG$": "SGD",
    "R$": "BRL",
    "MX$": "MXN",
    "NT$": "TWD",
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "₽": "RUB",
    "₸": "KZT",
    "₩": "KRW",
    "₪": "ILS",
    "₫": "VND",
    "₺": "TRY",
    "₴": "UAH",
    "฿": "THB",
    "₱": "PHP",
    "₦": "NGN",
    "₿": "BTC",
    "₼": "AZN",
    "₾": "GEL",
    "₡": "CRC",
    "đ": "VND",
    "₭": "LAK",
    "₮": "MNT",
    "₲": "PYG",
    "₵": "GHS",
    "₤": "GBP",  # the lira sign, also written for the pound sterling
    "MEX$": "MXN",
    "zl": "PLN",
    "元": "CNY",
    "Kč": "CZK",
    "zł": "PLN",
    "руб": "RUB",
    "руб.": "RUB",
    "р.": "RUB",
    "грн": "UAH",
    "грн.": "UAH",
    "лв": "BGN",
    "лв.": "BGN",
    "Ft": "HUF",
    "lei": "RON",
    "Lei": "RON",
    "LEI": "RON",
    "Rp": "IDR",
    "Rs": "INR",
    "Rs.": "INR",
    "RM": "MYR",
    "TL": "TRY",
    "KD": "KWD",
    "kr": None,
    "kr.": None,
    "Kr": None,
    "Br": None,
    "сўм": "UZS",
    "сом": "KGS",
    "тг": "KZT",
    "тенге": "KZT",
}
YEN_SYMBOLS = ("¥", "￥")

# ISO 4217 codes recognized when written in capitals next to a figure ("USD 1bn", "USD34.6 million").
ISO_CODES = frozenset(
    """USD EUR GBP JPY CNY KZT UZS KGS TJS TMT RUB INR CHF CAD AUD NZD HKD SGD SEK NOK DKK PLN CZK
    HUF RON BGN TRY UAH BRL MXN ZAR KRW IDR MYR THB PHP VND ILS AED SAR KWD QAR EGP NGN PKR BDT IRR
    AZN GEL AMD BYN MNT AFN LKR TWD ARS CLP COP PEN ISK HRK BTC LAK CRC FIM NLG ESP FRF DEM ITL XAU
    BHD OMR JOD MAD TND DZD KES GHS ETB KMF XAF XOF XPF RSD MKD MDL BAM HNL GTQ DOP JMD TTD BBD
    BSD BZD UYU PYG VES NPR MMK KHR LBP SYP IQD YER LYD SDG TZS UGX RWF ZMW MWK MZN AOA NAD BWP
    MUR SCR MVR BND FJD PGK XCD HTG NIO CDF GNF LRD GMD MGA DJF SZL LSL BIF CVE KYD BMD AWG ANG
    SRD GYD MRU SBD VUV KPW BTN""".split()
)
# Codes also recognized in lowercase next to a figure ("10 rmb", "usd 20"): none is an English word.
LOWERCASE_CODES = frozenset(
    "usd eur gbp rmb cny jpy kzt uzs kgs tjs tmt rub inr chf hkd sgd".split()
)
ALIASES = {"RMB": "CNY", "YUAN": "CNY", "EURO": "EUR", "NIS": "ILS"}

# Currency names, lowercase, as phrases of up to three words (the longest match wins).
NAMES: dict[str, str | None] = {
    "dollar": "USD",
    "dollars": "USD",
    "us dollar": "USD",
    "us dollars": "USD",
    "u.s. dollar": "USD",
    "u.s. dollars": "USD",
    "american dollars": "USD",
    "united states dollars": "USD",
    "canadian dollar": "CAD",
    "canadian dollars": "CAD",
    "australian dollar": "AUD",
    "australian dollars": "AUD",
    "hong kong dollar": "HKD",
    "hong kong dollars": "HKD",
    "new zealand dollar": "NZD",
    "new zealand dollars": "NZD",
    "singapore dollar": "SGD",
    "singapore dollars": "SGD",
    "taiwan dollars": "TWD",
    "yuan": "CNY",
    "chinese yuan": "CNY",
    "renminbi": "CNY",
    "yuan renminbi": "CNY",
    "euro": "EUR",
    "euros": "EUR",
    "pound sterling": "GBP",
    "pounds sterling": "GBP",
    "british pound": "GBP",
    "british pounds": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "japanese yen": "JPY",
    "rupee": "INR",
    "rupees": "INR",
    "indian rupee": "INR",
    "indian rupees": "INR",
    "sri lankan rupee": "LKR",
    "sri lankan rupees": "LKR",
    "pakistani rupee": "PKR",
    "pakistani rupees": "PKR",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "russian rubles": "RUB",
    "tenge": "KZT",
    "kazakh tenge": "KZT",
    "kazakhstani tenge": "KZT",
    "som": None,
    "soms": None,
    "kyrgyz som": "KGS",
    "kyrgyz soms": "KGS",
    "uzbek som": "UZS",
    "uzbek soms": "UZS",
    "uzbek sum": "UZS",
    "uzbek soum": "UZS",
    "uzbek soums": "UZS",
    "soum": "UZS",
    "soums": "UZS",
    "somoni": "TJS",
    "tajik somoni": "TJS",
    "manat": None,
    "turkmen manat": "TMT",
    "azerbaijani manat": "AZN",
    "won": "KRW",
    "korean won": "KRW",
    "south korean won": "KRW",
    "swiss franc": "CHF",
    "swiss francs": "CHF",
    "franc": None,
    "francs": None,
    "mexican peso": "MXN",
    "mexican pesos": "MXN",
    "peso": None,
    "pesos": None,
    "turkish lira": "TRY",
    "lira": "TRY",
    "lari": "GEL",
    "georgian lari": "GEL",
    "kip": "LAK",
    "lao kip": "LAK",
    "colón": "CRC",
    "colones": "CRC",
    "costa rican colón": "CRC",
    "markka": "FIM",
    "finnish markka": "FIM",
    "guilder": "NLG",
    "guilders": "NLG",
    "netherlands guilder": "NLG",
    "dutch guilders": "NLG",
    "peseta": "ESP",
    "pesetas": "ESP",
    "rand": "ZAR",
    "riyal": "SAR",
    "riyals": "SAR",
    "dirham": "AED",
    "dirhams": "AED",
    "zloty": "PLN",
    "zlotys": "PLN",
    "forint": "HUF",
    "koruna": "CZK",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "dram": None,
    "bitcoin": "BTC",
    "bitcoins": "BTC",
    "reais": "BRL",
    "brazilian real": "BRL",
    "ringgit": "MYR",
    "baht": "THB",
    "dong": "VND",
    "rupiah": "IDR",
    "shekel": "ILS",
    "shekels": "ILS",
}
# "pounds" is money only next to a magnitude word or "£"; otherwise it is the unit of mass.
POUND_NAMES = {"pound": "GBP", "pounds": "GBP"}
# Subunits: (ISO code of the main unit, share of it)
SUBUNITS: dict[str, tuple[str, float]] = {
    "cent": ("USD", 0.01),
    "cents": ("USD", 0.01),
    "pence": ("GBP", 0.01),
    "penny": ("GBP", 0.01),
    "pennies": ("GBP", 0.01),
    "kopecks": ("RUB", 0.01),
    "tiyn": ("KZT", 0.01),
    "satoshi": ("BTC", 1e-8),
    "satoshis": ("BTC", 1e-8),
}
MAX_NAME_WORDS = 3
# Currencies written with a bare "$": a code next to "$" says which dollar (or peso) it is.
DOLLAR_CODES = frozenset(
    """USD AUD CAD NZD HKD SGD TWD BND FJD JMD TTD BBD BSD BZD XCD LRD NAD SRD GYD KYD BMD SBD
    MXN ARS CLP COP UYU""".split()
)
# Currencies whose prices are written in whole units, so "Rp 31.500" or "1.727 Ft" group
# thousands with a dot: a dot followed by exactly three digits is never a decimal point there.
WHOLE_UNIT_CODES = frozenset("IDR VND HUF KRW JPY CLP COP IRR UZS ISK PYG LAK MNT KHR".split())


def million_code(word: str) -> str | None:
    """The ISO code in a finance-style "million" code: "MUSD", "MEUR" (millions of that currency)."""
    if len(word) == 4 and word[0] == "M" and word.isupper() and word[1:] in ISO_CODES:
        return word[1:]
    return None


AMBIGUOUS_NOTE = {
    "som": "'som' may be the Kyrgyz som (KGS) or the Uzbek som (UZS): not converted",
    "manat": "'manat' may be Turkmen (TMT) or Azerbaijani (AZN): not converted",
}
