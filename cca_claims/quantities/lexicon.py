"""Words around a figure: qualifiers, range connectors, clock and ordinal markers, stop words."""

from __future__ import annotations

# Qualifier phrases written before a figure -> how they move its bounds.
#   gt: (X, inf)   ge: [X, inf)   lt: [0, X)   le: [0, X]   nearly: [X(1-r), X)
#   around: [X(1-r), X(1+r)]
PREFIX_QUALIFIERS: dict[str, str] = {
    "more than": "gt",
    "over": "gt",
    "exceeded": "gt",
    "exceeds": "gt",
    "exceed": "gt",
    "exceeding": "gt",
    "above": "gt",
    "greater than": "gt",
    "larger than": "gt",
    "bigger than": "gt",
    "higher than": "gt",
    "in excess of": "gt",
    "upwards of": "gt",
    "north of": "gt",
    "surpassed": "gt",
    "surpassing": "gt",
    "topped": "gt",
    "tops": "gt",
    "well over": "gt",
    "well above": "gt",
    ">": "gt",
    "surpass": "gt",
    "surpasses": "gt",
    "greater or equal than": "ge",
    "greater than or equal to": "ge",
    "bigger or equal than": "ge",
    "larger or equal than": "ge",
    "higher or equal than": "ge",
    "higher than or equal to": "ge",
    "more than or equal to": "ge",
    "at least or equal to": "ge",
    "less or equal than": "le",
    "less than or equal to": "le",
    "smaller or equal than": "le",
    "smaller than or equal to": "le",
    "lower or equal than": "le",
    "lower than or equal to": "le",
    "fewer than or equal to": "le",
    "at least": "ge",
    "no less than": "ge",
    "not less than": "ge",
    "no fewer than": "ge",
    "a minimum of": "ge",
    "minimum of": "ge",
    "≥": "ge",
    "> =": "ge",
    ">=": "ge",
    "=>": "ge",
    "=<": "le",
    "up to": "le",
    "at most": "le",
    "no more than": "le",
    "not more than": "le",
    "a maximum of": "le",
    "maximum of": "le",
    "as many as": "le",
    "as much as": "le",
    "≤": "le",
    "<=": "le",
    "< =": "le",
    "less than": "lt",
    "fewer than": "lt",
    "under": "lt",
    "below": "lt",
    "lower than": "lt",
    "smaller than": "lt",
    "just under": "nearly",
    "<": "lt",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "around",
    "around": "around",
    "about": "around",
    "approximately": "around",
    "approx": "around",
    "approx.": "around",
    "some": "around",
    "roughly": "around",
    "an estimated": "around",
    "estimated": "around",
    "circa": "around",
    "ca.": "around",
    "c.": "around",
    "~": "around",
    "≈": "around",
    "about a": "around",
    "an approximate": "around",
    "an average of": "around",
    "on the order of": "around",
}
MAX_QUALIFIER_WORDS = 5
# Written after a figure: "15,000+", "100 or more", "5 or so".
POSTFIX_QUALIFIERS: dict[str, str] = {
    "+": "ge",
    "or more": "ge",
    "and more": "ge",
    "or above": "ge",
    "and above": "ge",
    "and over": "ge",
    "or over": "ge",
    "plus": "ge",
    "or greater": "ge",
    "or higher": "ge",
    "or larger": "ge",
    "or less": "le",
    "or lower": "le",
    "or smaller": "le",
    "or fewer": "le",
    "and under": "le",
    "or so": "around",
}
RANGE_DASHES = {"-", "–", "‑", "‒"}
# Words that join two figures into a range ("20 through 100"), besides dashes, "to" and
# "between ... and".
RANGE_WORDS = {"through", "thru"}
# Verbs of change: "rose from 5 to 7" states two values (before, after), not a range; a bare
# "from 5 to 7" ("ranged from", "temperatures from") is a range.
CHANGE_WORDS = frozenset(
    """rose rise rises rising risen fell fall falls falling fallen increased increase increases
    increasing decreased decrease decreases decreasing grew grow grows growing grown dropped drop
    drops dropping jumped jump jumps climbed climb climbs declined decline declines slipped slip
    surged surge soared soar plunged plunge reduced reduce reduces reducing cut cuts raised raise
    raises lowered lower lowers expanded expand shrank shrink shrunk narrowed widened doubled
    tripled halved slid slide tumbled edged changed change moved boosted lifted hiked slashed
    revised upgraded downgraded went gone up down increment decrement""".split()
)
# Joins of two one-sided qualifiers into one range: "above 1000 and below 1500".
QUALIFIER_JOINS = {"and", "but", ",", "while"}
# Not a quantity when a figure is followed by these ("2.15pm", "30th", "3 p.m.").
CLOCK_WORDS = {"am", "pm", "a.m", "p.m", "hrs_clock", "gmt", "utc"}
ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
# Words that end the search for a counted noun after a figure.
STOP_WORDS = frozenset(
    """of in on at to for by with from the a an that which who whom whose were was is are be been
    being have had has will would can could may might must shall should do does did this these
    those it its their his her our your my than as per each every such into onto over under
    between among across through during before after since until till about around including
    worth valued totaling totalling amounting or but if while when where because so not no nor
    also only just more less most least alone""".split()
)
