"""The plan templates every installation starts with. The steps are copied here (not imported)
so that this migration keeps working when the code moves on."""

from django.db import migrations

SEVEN_STEPS = [
    {"number": 0, "title": "Betrokkenen en start", "questions": [
        "Wie zijn de betrokkenen bij de casus?",
        "Welke betrokkenen hebben de handreiking samen ingevuld en hebben een kopie ontvangen?"]},
    {"number": 1, "title": "Signaleren en starten", "questions": [
        "Welke signalen zijn er?",
        "Waarom vinden we dat er hulpverlening of aanvullende hulpverlening moet starten?"]},
    {"number": 2, "title": "Informatie verzamelen", "questions": [
        "Welke informatiebronnen zijn er rond dit gezin?",
        "Welke informatie is er al? En is deze toegankelijk?",
        "Hoe komen we aan ontbrekende informatie die belangrijk is voor dit plan?"]},
    {"number": 3, "title": "Gewenste situatie vaststellen", "records_consensus": True,
     "questions": [
        "Wat is de gewenste situatie voor het gezin en is hier consensus over onder de "
        "betrokkenen?",
        "Wat en wie is er voor nodig om daaraan mee te werken?"]},
    {"number": 4, "title": "Praktisch inhoudelijke afspraken", "questions": [
        "Wat gaan we doen?",
        "Wie doet wat en wanneer? (waar neemt wie regie over?)",
        "Wie of wat missen we nog om de gewenste situatie (stap 3) te bereiken?"]},
    {"number": 5, "title": "Overstijgende procesafspraken", "questions": [
        "Wie mag waarover bepalen? Wie is waarvoor verantwoordelijk, nu en in toekomstige "
        "(crisis)situaties?",
        "Is het voor de cliënt duidelijk wie waarvoor verantwoordelijk is?"]},
    {"number": 6, "title": "Evaluatie", "records_consensus": True, "questions": [
        "Hebben we de goede afspraken gemaakt?",
        "Maken we stappen richting de gewenste situatie (stap 3)? Vermeld afwijkende meningen "
        "concreet.",
        "Wat kan erbij? Wat kan eraf?"]},
    {"number": 7, "title": "Besluiten en plannen", "questions": [
        "Hoe gaan we verder? Hoe volgen we de voortgang en welke samenwerkingsafspraken zijn "
        "daarvoor nodig?",
        "Hoe vinden we elkaar weer als het nodig is?"]},
]

ONE_FAMILY_ONE_PLAN = [
    {"number": 1, "title": "Krachten", "questions": [
        "Wat gaat goed? Welke krachten heeft het gezin en zijn netwerk?"]},
    {"number": 2, "title": "Zorgen", "questions": ["Waar maken gezin en betrokkenen zich zorgen over?"]},
    {"number": 3, "title": "Doelen", "records_consensus": True, "questions": [
        "Wat wil het gezin bereiken? Zijn de betrokkenen het daarover eens?"]},
    {"number": 4, "title": "Acties", "questions": ["Wat gaan we doen om de doelen te bereiken?"]},
    {"number": 5, "title": "Wie doet wat wanneer", "questions": [
        "Wie doet wat, en wanneer? Wie is het aanspreekpunt voor het gezin?"]},
    {"number": 6, "title": "Evaluatie", "records_consensus": True, "questions": [
        "Zijn de doelen dichterbij gekomen? Wat stellen we bij?"]},
]


def create_templates(apps, schema_editor):
    PlanTemplate = apps.get_model("cases", "PlanTemplate")
    PlanTemplate.objects.update_or_create(
        code="regie-7-stappen",
        defaults={"name": "Regie in 7 samenwerkingsstappen", "steps": SEVEN_STEPS,
                  "is_default": True})
    PlanTemplate.objects.update_or_create(
        code="1gezin1plan",
        defaults={"name": "1Gezin1Plan", "steps": ONE_FAMILY_ONE_PLAN, "is_default": False})


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_initial")]
    operations = [migrations.RunPython(create_templates, migrations.RunPython.noop)]
