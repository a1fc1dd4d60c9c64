"""The world's sovereign states by their common English names, for the readings that need to know
a place is a state ("the country" after "intervention in Syria" is Syria) where the shared state
lexicon (``onrecord.names``: the states linking and the other tasks know by their variants) lacks
it. Names are compared normalised (:func:`onrecord.names.norm`); "Georgia" is left out (in US news,
mostly the US state)."""

from __future__ import annotations

from onrecord.names import norm, state_of

_NAMES = """
afghanistan, albania, algeria, andorra, angola, antigua and barbuda, argentina, armenia, australia,
austria, azerbaijan, bahamas, bahrain, bangladesh, barbados, belarus, belgium, belize, benin, bhutan,
bolivia, bosnia and herzegovina, bosnia, botswana, brazil, brunei, bulgaria, burkina faso, burundi,
cabo verde, cape verde, cambodia, cameroon, canada, central african republic, chad, chile, china,
colombia, comoros, congo, democratic republic of the congo, republic of the congo, costa rica,
cote d'ivoire, ivory coast, croatia, cuba, cyprus, czech republic, czechia, denmark, djibouti,
dominica, dominican republic, ecuador, egypt, el salvador, equatorial guinea, eritrea, estonia,
eswatini, swaziland, ethiopia, fiji, finland, france, gabon, gambia, germany, ghana, greece,
grenada, guatemala, guinea, guinea-bissau, guyana, haiti, honduras, hungary, iceland, india,
indonesia, iran, iraq, ireland, israel, italy, jamaica, japan, jordan, kazakhstan, kenya, kiribati,
kosovo, kuwait, kyrgyzstan, laos, latvia, lebanon, lesotho, liberia, libya, liechtenstein,
lithuania, luxembourg, madagascar, malawi, malaysia, maldives, mali, malta, marshall islands,
mauritania, mauritius, mexico, micronesia, moldova, monaco, mongolia, montenegro, morocco,
mozambique, myanmar, burma, namibia, nauru, nepal, netherlands, holland, new zealand, nicaragua,
niger, nigeria, north korea, north macedonia, macedonia, norway, oman, pakistan, palau, palestine,
panama, papua new guinea, paraguay, peru, philippines, poland, portugal, qatar, romania, russia,
rwanda, saint kitts and nevis, saint lucia, saint vincent and the grenadines, samoa, san marino,
sao tome and principe, saudi arabia, senegal, serbia, seychelles, sierra leone, singapore, slovakia,
slovenia, solomon islands, somalia, south africa, south korea, south sudan, spain, sri lanka, sudan,
suriname, sweden, switzerland, syria, taiwan, tajikistan, tanzania, thailand, timor-leste,
east timor, togo, tonga, trinidad and tobago, tunisia, turkey, turkmenistan, tuvalu, uganda,
ukraine, united arab emirates, uae, united kingdom, uruguay, uzbekistan, vanuatu, vatican,
venezuela, vietnam, yemen, zambia, zimbabwe, yugoslavia
"""
COUNTRIES = frozenset(norm(n) for n in _NAMES.replace("\n", " ").split(",") if n.strip())


def is_country(name: str) -> bool:
    """The name is a sovereign state's (the shared lexicon's states and their variants, or the list)."""
    return state_of(name) is not None or norm(name) in COUNTRIES
