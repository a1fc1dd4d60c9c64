"""Word lists for the quantity scanner: number words, scales, units, modifiers and change verbs."""

from __future__ import annotations

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
DOZEN = {"dozen": 12}
HALF_OF = {"dozen": 6.0, "century": 50.0}  # "a half-dozen" (6), "a half-century" (50 years)
SCALE_WORDS = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}
# Abbreviated scales written right after a number ("$57m", "£2bn", "25k", "4.3M").
SCALE_ABBREV = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12,
}
# Plural vague amounts: "thousands" alone means 1,000-10,000; "tens of X" means 10X-100X.
VAGUE_PLURALS = {
    "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
}
# Words before "scores of" that make it a noun of results ("the scores of the tests").
SCORES_BLOCKERS = {"the", "their", "his", "her", "its", "our", "your", "my", "test", "high", "low", "top", "these", "those"}
# Number words before a hyphen that still count things: "a seven-count indictment" (seven counts),
# "a four-page letter", "a three-point shot", "a seven-term congressman", and spans of time,
# "five-minute remarks", "a nearly two-year inquiry".
COUNTED_HYPHEN = {"count", "page", "point", "term", "second", "minute", "hour", "day", "week", "month", "year", "decade"}
FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}
TIME_WORDS = {"am", "pm", "a.m", "p.m", "gmt", "bst", "edt", "est", "pdt", "pst", "pt", "et", "utc", "cet"}
ORDINAL_SUFFIXES = {"st", "nd", "rd", "th", "s"}

CURRENCY_SYMBOLS = {"$": "$", "£": "£", "€": "€", "¥": "¥", "₹": "₹", "₽": "₽", "₩": "₩"}
# Codes written before the number ("USD10m", "RM79", "US $58", "$US113").
CURRENCY_CODES = {
    "usd", "us", "aud", "cad", "nzd", "hkd", "sgd", "inr", "rm", "rs", "eur", "gbp", "jpy", "cny",
    "rmb", "chf", "a", "c", "nz", "hk", "s", "r", "y", "zar", "brl", "rub",
}
CURRENCY_WORDS = {
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi",
    "rupee", "rupees", "rouble", "roubles", "ruble", "rubles", "shekel", "shekels", "crowns",
    "kroner", "krona", "kronor", "francs", "won", "pesos", "rand", "ringgit", "lira", "cents",
    "cent", "pence", "p", "usd", "eur", "gbp", "jpy", "cny", "aud", "inr", "hryvnia", "hryvnias",
}

PERCENT_PHRASES = (
    ("per", "cent"), ("percent",), ("pc",), ("pct",), ("percentage", "points"), ("percentage", "point"),
    ("basis", "points"), ("basis", "point"), ("bps",), ("bp",),
)
# Measurement units after a number (lower-cased tokens); the longest match wins.
UNIT_PHRASES = {
    ("km", "/", "h"), ("km", "/", "hr"), ("miles", "per", "hour"), ("miles", "per", "gallon"),
    ("metres", "per", "second"), ("meters", "per", "second"), ("square", "feet"),
    ("square", "foot"), ("square", "metres"), ("square", "meters"), ("square", "miles"),
    ("square", "kilometres"), ("square", "kilometers"), ("sq", "m"), ("sq", "ft"),
    ("sq", "km"), ("cubic", "feet"), ("cubic", "metres"), ("cubic", "meters"),
    ("degrees", "celsius"), ("degrees", "fahrenheit"), ("degrees", "c"), ("degrees", "f"),
    ("degree", "celsius"), ("degree", "fahrenheit"), ("light", "years"), ("a", "/", "cm2"),
    ("kv", "/", "cm"),
}
UNIT_WORDS = {
    "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles", "m",
    "metre", "metres", "meter", "meters", "cm", "centimetres", "centimeters", "mm",
    "millimetres", "millimeters", "μm", "nm", "ft", "foot", "feet", "inch", "inches",
    "yard", "yards", "yd", "kg", "kgs", "kilogram", "kilograms", "kilo", "kilos", "g", "gram",
    "grams", "mg", "milligrams", "lb", "lbs", "ounce", "ounces", "oz", "ton", "tons", "tonne",
    "tonnes", "t", "mph", "kph", "kmh", "knots", "kt", "degrees", "degree", "°", "°c", "°f",
    "c", "f", "celsius", "fahrenheit", "degf", "degc", "deg", "gb", "mb", "tb", "kb", "gbps",
    "mbps", "kw", "mw", "gw", "kwh", "mwh", "gwh", "w", "watts", "v", "volts", "kv", "a",
    "amps", "hz", "khz", "mhz", "ghz", "mah", "ml", "l", "litre", "litres", "liter", "liters",
    "gallons", "gallon", "hp", "bhp", "horsepower", "rpm", "psi", "db", "decibels", "ppm",
    "ppb", "acres", "acre", "hectares", "hectare", "ha", "barrels", "bpd", "gigawatts",
    "megawatts", "kilowatts", "gigapascals", "gpa", "calories", "kcal", "seconds", "second",
    "secs", "minutes", "minute", "mins", "hours", "hour", "hrs", "days", "day", "weeks", "week",
    "months", "month", "years", "year", "decades", "points", "pts", "mpg", "ppg", "rpg",
    "apg", "drams", "mmbtu", "lightyears", "x",
}

APPROX = {
    ("about",), ("around",), ("roughly",), ("approximately",), ("approx",), ("nearly",),
    ("almost",), ("some",), ("circa",), ("ca",), ("close", "to"), ("an", "estimated"),
    ("estimated",), ("just", "about"), ("~",), ("more", "or", "less"), ("an", "approximate"),
    ("somewhere", "around"), ("roughly", "around"),
}
LESS = {
    ("up", "to"), ("fewer", "than"), ("less", "than"), ("under",), ("below",), ("at", "most"),
    ("no", "more", "than"), ("not", "more", "than"), ("just", "under"), ("as", "few", "as"),
    ("as", "little", "as"), ("a", "maximum", "of"), ("maximum", "of"), ("sub",), ("lower", "than"),
    ("just", "below"), ("<",),
}
MORE = {
    ("more", "than"), ("over",), ("at", "least"), ("above",), ("greater", "than"),
    ("upwards", "of"), ("in", "excess", "of"), ("a", "minimum", "of"), ("minimum", "of"),
    ("just", "over"), ("well", "over"), ("higher", "than"), ("exceeding",), ("no", "fewer", "than"),
    ("no", "less", "than"), (">",), ("some", "more", "than"), ("well", "above"),
}
UP_VERBS = {
    "rose", "rise", "rises", "rising", "risen", "up", "gained", "gain", "gains", "gaining",
    "climbed", "climb", "climbs", "climbing", "jumped", "jump", "jumps", "jumping", "increased",
    "increase", "increases", "increasing", "advanced", "advance", "advances", "advancing",
    "rallied", "rally", "rallies", "grew", "grow", "grows", "growing", "grown", "surged", "surge",
    "surges", "soared", "soar", "soars", "spiked", "added", "upward", "higher", "+",
}
DOWN_VERBS = {
    "fell", "fall", "falls", "falling", "fallen", "dropped", "drop", "drops", "dropping", "down",
    "declined", "decline", "declines", "declining", "lost", "lose", "loses", "losing", "slid",
    "slide", "slides", "sliding", "slipped", "slip", "slips", "tumbled", "tumble", "tumbles",
    "decreased", "decrease", "decreases", "dipped", "dip", "dips", "plunged", "plunge",
    "plunges", "sank", "sink", "sinks", "shed", "sheds", "eased", "ease", "eases", "slumped",
    "slump", "slumps", "shrank", "shrink", "shrinks", "lower", "downward", "cut", "cuts",
    "retreated", "sagged", "skidded", "plummeted", "tanked",
}
# Words that may stand between a change verb and its number ("rose by about 3%").
CHANGE_FILLERS = {"by", "about", "around", "nearly", "some", "roughly", "almost", "just",
                  "a", "another", "an", "only", "marginally", "slightly", "sharply", "further"}
# Words before a capitalised name that make "Name 5" an identifier rather than an amount.
NOT_NAME_WORDS = {
    "the", "a", "an", "about", "some", "around", "nearly", "almost", "over", "under", "up", "to",
    "between", "from", "more", "than", "at", "in", "on", "by", "with", "of", "for", "and", "or",
    "just", "only", "approximately", "roughly", "estimated", "another", "all", "each", "those",
}
ONE_BLOCKERS_BEFORE = {
    "the", "each", "same", "this", "that", "any", "every", "another", "no", "which", "on", "only",
    "one", "someone", "anyone", "as", "new", "big", "right", "little", "last",
}
ONE_BLOCKERS_AFTER = {
    "another", "in", "to", "that", "who", "which", "is", "was", "and", "or", "can", "could",
    "will", "would", "should", "might", "may", "must", "does", "did", "has", "had",
}
STOPWORDS = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "that", "this", "is", "was", "were", "are", "be", "been", "has", "have", "had", "it", "its",
    "their", "his", "her", "as", "than", "per", "each", "who", "which", "while", "but", "so",
    "more", "less", "after", "before", "since", "during", "over", "under", "into", "up",
    "will", "would", "can", "could", "may", "might", "must", "should", "shall", "do", "does",
    "did", "not", "also", "ago", "later", "earlier", "every", "if", "when", "where", "all",
    "only", "just", "now", "then", "there", "here", "said", "says", "say", "told", "whom",
}
# Change verbs that also take a plain object ("Ukraine lost 71,500 soldiers"): they mark a
# change only for percentages, money and points.
OBJECT_VERBS = {"lost", "lose", "loses", "losing", "gained", "gain", "gains", "gaining", "added",
                "shed", "sheds", "cut", "cuts"}
# Lower-case nouns that make the next number a label ("category 4", "row 21", "game 7").
ID_NOUNS = {
    "category", "no", "number", "section", "chapter", "article", "page", "room", "gate",
    "platform", "route", "flight", "game", "round", "grade", "phase", "stage", "step", "part",
    "rule", "clause", "lot", "row", "seat", "pier", "terminal", "channel", "model", "version",
    "type", "class", "series", "generation", "gen", "season", "episode", "level", "tier",
    "division", "group", "zone", "highway", "interstate", "district", "ward", "unit", "suite",
    "apartment", "bus", "line", "track", "exit", "code", "act", "resolution", "amendment",
}
# Verbs whose "up"/"down" is a particle ("gave up 517 yards", "called up 300,000").
PARTICLE_VERBS = {
    "gave", "give", "gives", "giving", "set", "sets", "put", "puts", "took", "take", "takes",
    "broke", "break", "turned", "turn", "shut", "went", "go", "goes", "signed", "sign", "called",
    "call", "brought", "bring", "picked", "pick", "made", "make", "boiling", "boil", "boils",
    "backed", "ramped", "stepped", "wound", "scaled", "beefed", "racked", "rack", "piled",
    "summed", "added", "adds", "add", "built", "build", "laid", "lay", "wrote", "write",
}
YEAR_PREPOSITIONS = {
    "in", "by", "since", "until", "till", "before", "after", "during", "from", "circa", "of",
    "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "ad", "bc",
}
HALF_BLOCKERS = {"first", "second", "the", "this", "that", "a", "in", "last", "next", "other",
                 "each", "one", "latter", "former", "its", "and", "back", "better", "own"}
HALF_FOLLOWERS = {"the", "of", "a", "an", "its", "their", "his", "her", "our", "all", "those",
                  "these", "them", "my", "your", "that", "this"}
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
