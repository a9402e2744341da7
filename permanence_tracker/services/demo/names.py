"""Invented names and places for the synthetic demo authority.

Nothing here describes a real child, worker or council. Forenames and surnames are common
English-language names combined at random; localities are invented and grouped into five areas.
"""

from __future__ import annotations

AUTHORITY = "Northmoor Borough Council (demo)"

AREAS: dict[str, tuple[str, ...]] = {
    "North": ("Ashby Vale", "Brackenridge", "Coldwater"),
    "South": ("Dunmere", "Elmstead", "Fairholme"),
    "East": ("Greyfriars", "Hollins Cross"),
    "West": ("Irondale", "Juniper Hill", "Kestrel Park"),
    "Central": ("Longmarket", "Millbrook"),
}
LOCALITIES: tuple[tuple[str, str], ...] = tuple(
    (locality, area) for area, places in AREAS.items() for locality in places
)

BOYS = (
    "Aaron", "Adam", "Alfie", "Ali", "Archie", "Ben", "Callum", "Charlie", "Daniel", "Dylan",
    "Ethan", "Finley", "Freddie", "George", "Harry", "Isaac", "Jack", "Jacob", "Jayden",
    "Kai", "Kieran", "Leo", "Liam", "Logan", "Louie", "Mason", "Max", "Mohammed", "Noah",
    "Oliver", "Oscar", "Reuben", "Riley", "Ryan", "Sam", "Theo", "Thomas", "Tyler", "Zak",
)
GIRLS = (
    "Aisha", "Amber", "Amelia", "Ava", "Bella", "Chloe", "Daisy", "Ella", "Ellie", "Emily",
    "Evie", "Faith", "Grace", "Hannah", "Isla", "Jade", "Jasmine", "Kayla", "Lacey", "Leah",
    "Lily", "Maisie", "Maya", "Mia", "Millie", "Nadia", "Olivia", "Poppy", "Rosie", "Ruby",
    "Scarlett", "Sienna", "Sophie", "Summer", "Tia", "Willow", "Zara", "Zoe",
)
SURNAMES = (
    "Adams", "Ahmed", "Allen", "Bailey", "Baker", "Barnes", "Bell", "Bennett", "Brooks",
    "Brown", "Butler", "Campbell", "Carter", "Clarke", "Collins", "Cook", "Cooper", "Cox",
    "Davies", "Dixon", "Edwards", "Ellis", "Evans", "Fisher", "Foster", "Graham", "Gray",
    "Green", "Hall", "Harris", "Hayes", "Hill", "Holmes", "Hughes", "Hussain", "Jackson",
    "James", "Johnson", "Jones", "Kaur", "Kelly", "Khan", "King", "Knight", "Lee", "Lewis",
    "Marshall", "Martin", "Mason", "Mills", "Mitchell", "Moore", "Morgan", "Morris",
    "Murphy", "Murray", "Owen", "Palmer", "Parker", "Patel", "Pearson", "Phillips", "Price",
    "Reid", "Richards", "Roberts", "Robinson", "Rose", "Russell", "Scott", "Shaw", "Simpson",
    "Smith", "Stevens", "Stewart", "Taylor", "Thomas", "Thompson", "Turner", "Walker",
    "Ward", "Watson", "White", "Williams", "Wilson", "Wood", "Wright", "Young",
)
IRO_FORENAMES = (
    "Alison", "Bernadette", "Carol", "Deborah", "Elaine", "Fiona", "Gareth", "Helen", "Imran",
    "Janet", "Keith", "Lorraine", "Martin", "Nasreen", "Owen", "Patricia", "Rachel", "Simon",
    "Tracey", "Valerie", "Wendy", "Yusuf",
)
TEAMS = ("Children in Care 1", "Children in Care 2", "Permanence", "Leaving Care",
         "Disabled Children", "Assessment")

# 903 ETHNIC codes with a rough weighting (most children White British).
ETHNICITY_WEIGHTS = (
    ("WBRI", 70), ("WOTH", 5), ("WIRT", 1), ("WROM", 1), ("MWBC", 4), ("MWBA", 2),
    ("MWAS", 2), ("MOTH", 3), ("AIND", 1), ("APKN", 2), ("ABAN", 1), ("AOTH", 1),
    ("BCRB", 1), ("BAFR", 3), ("BOTH", 1), ("OOTH", 2),
)
