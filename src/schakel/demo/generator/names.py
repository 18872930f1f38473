"""Name material for the generated region. Combinations are random: nobody real."""

from __future__ import annotations

FIRST_NAMES = [
    "Daan", "Emma", "Noah", "Julia", "Sem", "Mila", "Luuk", "Tess", "Finn", "Zoë", "Levi",
    "Sophie", "Milan", "Nora", "Jesse", "Evi", "Thijs", "Lynn", "Ruben", "Fleur", "Gijs",
    "Anna", "Stijn", "Lieke", "Bram", "Roos", "Mees", "Isa", "Hugo", "Sanne", "Lars", "Eva",
    "Jayden", "Yara", "Mohammed", "Sara", "Adam", "Nina", "Ryan", "Lotte", "Kyan", "Liv",
    "Dex", "Saar", "Ties", "Elin", "Jurre", "Noor", "Siem", "Fenna", "Cas", "Amira", "Mats",
    "Ilse", "Wout", "Lina", "Joep", "Maud", "Teun", "Femke",
]
LAST_NAMES = [
    "Nijenhuis", "Oude Groote Beverborg", "Kamphuis", "Wolters", "Schuurman", "Pierik",
    "Hesselink", "Morsink", "Brinkman", "Lansink", "Wiggers", "Slagman", "Teunissen",
    "Kiekebos", "Tijhuis", "Leferink", "Rouwhorst", "Pots", "Olde Hampsink", "Huisman",
    "Bosch", "Ter Haar", "Smit", "de Vries", "Jansen", "Bakker", "Visser", "Meijer",
    "Mulder", "de Boer", "Yilmaz", "El Idrissi", "Kaya", "Nguyen", "Haverkamp", "Lenferink",
    "Oude Vrielink", "Wessels", "Velthuis", "Kuipers", "Assink", "Geerdink", "Stegeman",
    "Veldhuis", "Hulsegge", "Scholten", "Bruggink", "Wevers", "Hofman", "Lammers",
]
# Twente's municipalities with a weight for their size.
MUNICIPALITIES = [
    ("Enschede", 160), ("Hengelo", 81), ("Almelo", 73), ("Rijssen-Holten", 38),
    ("Hellendoorn", 36), ("Hof van Twente", 35), ("Twenterand", 34), ("Oldenzaal", 32),
    ("Dinkelland", 26), ("Borne", 24), ("Haaksbergen", 24), ("Wierden", 24),
    ("Losser", 22), ("Tubbergen", 21),
]
SCHOOL_NOUNS = [
    "De Esch", "Het Kompas", "De Regenboog", "De Linde", "De Wegwijzer", "Het Palet",
    "De Zonnewijzer", "De Bongerd", "Het Anker", "De Vlier", "De Klimop", "De Sterrenboog",
    "Het Mozaïek", "De Horizon", "De Vlonder", "De Marke", "Het Esdal", "De Kiem",
]
MBO_PROGRAMMES = [
    "Kapper niveau 3", "Verzorgende IG niveau 3", "Pedagogisch medewerker niveau 4",
    "Installatietechniek niveau 2", "Logistiek niveau 2", "Sport en bewegen niveau 4",
    "Software developer niveau 4", "Bakker niveau 2",
]
THEME_WEIGHTS = {
    "gedrag": 18, "welbevinden": 16, "verzuim": 16, "thuissituatie": 10,
    "middelengebruik": 6, "ontwikkeling": 9, "leren": 12, "veiligheid": 4,
    "gezondheid": 5, "sociale-relaties": 10,
}
