#!/usr/bin/env python3
"""Writes the illustrative address registers of the Sofia profile's pilot districts.

    python3 scripts/sofia_register.py            # rewrites shared/profiles/sofia/register/*.csv

The rows are NOT an official extract: street names, neighbourhoods and postal codes come from
general knowledge of Sofia; which building numbers exist and which entrances a block has are
drawn from a seeded generator (the output is the same on every run). They let the profile be
used and measured until each district's operators import the real register with
`civic register import` (docs/register-csv.md). Format: docs/register-csv.md.
"""

import csv
import pathlib
import random

SOFIA = "68134"
OUT = pathlib.Path(__file__).resolve().parent.parent / "shared/profiles/sofia/register"

# (settlement, type, name, postal code, highest number)
STUDENTSKI_STREETS = [
    (SOFIA, "бул.", "Св. Климент Охридски", "1756", 60),
    (SOFIA, "бул.", "Симеоновско шосе", "1700", 40),
    (SOFIA, "бул.", "Андрей Ляпчев", "1756", 30),
    (SOFIA, "ул.", "Акад. Борис Стефанов", "1700", 40),
    (SOFIA, "ул.", "Акад. Стефан Младенов", "1700", 30),
    (SOFIA, "ул.", "8-ми декември", "1700", 30),
    (SOFIA, "ул.", "Йордан Йосифов", "1700", 24),
    (SOFIA, "ул.", "Атанас Манчев", "1700", 24),
    (SOFIA, "ул.", "Продан Таракчиев", "1700", 20),
    (SOFIA, "ул.", "Никола Габровски", "1700", 90),
    (SOFIA, "ул.", "Студентска", "1700", 16),
    (SOFIA, "ул.", "Проф. Кирил Попов", "1700", 40),
    (SOFIA, "ул.", "Росарио", "1756", 40),
    (SOFIA, "ул.", "Проф. Георги Павлов", "1700", 20),
    (SOFIA, "ул.", "Бъднина", "1734", 30),
    (SOFIA, "ул.", "Малинова долина", "1734", 40),
    (SOFIA, "ул.", "Ясна поляна", "1734", 24),
    (SOFIA, "ул.", "Звездна", "1734", 20),
    (SOFIA, "ул.", "Златни ниви", "1734", 18),
    (SOFIA, "ул.", "Дебър", "1756", 20),
    (SOFIA, "ул.", "Иван Бойков-Пешака", "1797", 30),
    (SOFIA, "ул.", "Тинтява", "1797", 40),
    (SOFIA, "ул.", "Проф. Иван Странски", "1797", 24),
    (SOFIA, "ул.", "Хемус", "1797", 20),
    (SOFIA, "ул.", "Зеленчукова градина", "1756", 16),
    (SOFIA, "ул.", "Мусагеница", "1797", 20),
    (SOFIA, "ул.", "Околовръстен път", "1734", 30),
    (SOFIA, "ул.", "Проф. Васил Златарски", "1700", 16),
    (SOFIA, "ул.", "Св. Пимен Зографски", "1797", 20),
    (SOFIA, "ул.", "Дружба", "1756", 18),
]
# (complex, first block, last block, postal code)
STUDENTSKI_BLOCKS = [
    ("Студентски град", 1, 40, "1700"),
    ("Студентски град", 41, 61, "1734"),
    ("Дървеница", 1, 32, "1756"),
    ("Мусагеница", 60, 112, "1797"),
    ("Малинова долина", 1, 12, "1734"),
]

SREDETS_STREETS = [
    (SOFIA, "бул.", "Витоша", "1000", 80),
    (SOFIA, "бул.", "Васил Левски", "1000", 70),
    (SOFIA, "бул.", "Патриарх Евтимий", "1000", 60),
    (SOFIA, "бул.", "Евлоги и Христо Георгиеви", "1142", 60),
    (SOFIA, "бул.", "Цар Освободител", "1000", 20),
    (SOFIA, "ул.", "Граф Игнатиев", "1000", 60),
    (SOFIA, "ул.", "Раковски", "1000", 160),
    (SOFIA, "ул.", "Цар Шишман", "1000", 40),
    (SOFIA, "ул.", "Шипка", "1504", 60),
    (SOFIA, "ул.", "6-ти септември", "1000", 60),
    (SOFIA, "ул.", "Гурко", "1000", 60),
    (SOFIA, "ул.", "Аксаков", "1000", 40),
    (SOFIA, "ул.", "Бенковски", "1000", 40),
    (SOFIA, "ул.", "11-ти август", "1000", 20),
    (SOFIA, "ул.", "Солунска", "1000", 60),
    (SOFIA, "ул.", "Ангел Кънчев", "1000", 40),
    (SOFIA, "ул.", "Хан Аспарух", "1000", 70),
    (SOFIA, "ул.", "Неофит Рилски", "1000", 70),
    (SOFIA, "ул.", "Иван Вазов", "1000", 40),
    (SOFIA, "ул.", "Париж", "1000", 10),
    (SOFIA, "ул.", "Оборище", "1504", 30),
    (SOFIA, "ул.", "Сан Стефано", "1504", 30),
    (SOFIA, "ул.", "Кракра", "1504", 30),
    (SOFIA, "ул.", "Стефан Караджа", "1000", 30),
    (SOFIA, "ул.", "Венелин", "1000", 20),
    (SOFIA, "ул.", "Екзарх Йосиф", "1000", 20),
    (SOFIA, "ул.", "Ивац войвода", "1000", 16),
    (SOFIA, "ул.", "Доктор Вълкович", "1000", 20),
    (SOFIA, "ул.", "Врабча", "1000", 20),
    (SOFIA, "ул.", "Московска", "1000", 40),
    (SOFIA, "ул.", "Гладстон", "1000", 40),
    (SOFIA, "ул.", "Марин Дринов", "1504", 40),
    (SOFIA, "ул.", "Латинка", "1124", 40),
    (SOFIA, "ул.", "Постоянство", "1124", 40),
    (SOFIA, "ул.", "Фредерик Жолио-Кюри", "1113", 30),
    (SOFIA, "пл.", "Славейков", "1000", 10),
    (SOFIA, "пл.", "Народно събрание", "1000", 12),
]
SREDETS_BLOCKS = [
    ("Яворов", 1, 40, "1124"),
    ("Лозенец", 200, 215, "1142"),
]

SLATINA_STREETS = [
    (SOFIA, "бул.", "Шипченски проход", "1111", 70),
    (SOFIA, "бул.", "Ситняково", "1505", 80),
    (SOFIA, "бул.", "Асен Йорданов", "1592", 30),
    (SOFIA, "бул.", "Христофор Колумб", "1592", 40),
    (SOFIA, "ул.", "Гео Милев", "1111", 150),
    (SOFIA, "ул.", "Николай Коперник", "1111", 50),
    (SOFIA, "ул.", "Слатинска", "1574", 90),
    (SOFIA, "ул.", "Тодорини кукли", "1574", 60),
    (SOFIA, "ул.", "Кап. Димитър Списаревски", "1592", 40),
    (SOFIA, "ул.", "Атанас Далчев", "1111", 40),
    (SOFIA, "ул.", "Хайдушко изворче", "1574", 40),
    (SOFIA, "ул.", "Райко Алексиев", "1113", 50),
    (SOFIA, "ул.", "Свети Пимен Зографски", "1111", 16),
    (SOFIA, "ул.", "Никола Мушанов", "1111", 20),
    (SOFIA, "ул.", "Острец", "1574", 40),
    (SOFIA, "ул.", "Поручик Герчо Атанасов", "1574", 40),
    (SOFIA, "ул.", "Букет", "1574", 30),
    (SOFIA, "ул.", "Брезовско шосе", "1574", 20),
    (SOFIA, "ул.", "Рачо Петков Казанджията", "1574", 30),
    (SOFIA, "ул.", "Мадара", "1505", 40),
    (SOFIA, "ул.", "Плачковица", "1505", 20),
    (SOFIA, "ул.", "Гоце Делчев", "1592", 20),
    (SOFIA, "ул.", "Постоянство", "1111", 60),
    (SOFIA, "ул.", "Илия Бешков", "1113", 20),
    (SOFIA, "ул.", "Самоковско шосе", "1592", 20),
]
SLATINA_BLOCKS = [
    ("Гео Милев", 1, 80, "1111"),
    ("Слатина", 1, 60, "1574"),
    ("Редута", 1, 40, "1505"),
    ("Христо Смирненски", 1, 30, "1113"),
]

VLADAYA, MARCHAEVO = "11394", "49597"
VITOSHA_STREETS = [
    # кв. Бояна
    (SOFIA, "ул.", "Кумата", "1616", 120),
    (SOFIA, "ул.", "Бялата черква", "1616", 40),
    (SOFIA, "ул.", "Бояна", "1616", 60),
    (SOFIA, "ул.", "Моравица", "1616", 50),
    (SOFIA, "ул.", "Витошко лале", "1616", 70),
    (SOFIA, "ул.", "Боянски водопад", "1616", 60),
    (SOFIA, "ул.", "Сребърна", "1616", 40),
    (SOFIA, "ул.", "Беловодски път", "1616", 80),
    (SOFIA, "ул.", "Калина Малина", "1616", 40),
    (SOFIA, "ул.", "Жеравица", "1616", 30),
    (SOFIA, "ул.", "Мила родина", "1616", 60),
    (SOFIA, "ул.", "Кръстова поляна", "1616", 30),
    (SOFIA, "ул.", "Яворова горичка", "1616", 30),
    # кв. Драгалевци
    (SOFIA, "ул.", "Ябълкова градина", "1415", 90),
    (SOFIA, "ул.", "Камелия", "1415", 60),
    (SOFIA, "ул.", "Детелина", "1415", 50),
    (SOFIA, "ул.", "Пчелина", "1415", 40),
    (SOFIA, "ул.", "Папрат", "1415", 40),
    (SOFIA, "ул.", "Крайречна", "1415", 60),
    (SOFIA, "ул.", "Стара планина", "1415", 50),
    (SOFIA, "ул.", "Мечо кладенче", "1415", 40),
    (SOFIA, "ул.", "Св. Богородица", "1415", 30),
    (SOFIA, "ул.", "Дюлева градина", "1415", 30),
    (SOFIA, "ул.", "Витошки извор", "1415", 30),
    (SOFIA, "бул.", "Черни връх", "1415", 80),
    # кв. Симеоново
    (SOFIA, "бул.", "Симеоновско шосе", "1434", 120),
    (SOFIA, "ул.", "Сирак Скитник", "1434", 60),
    (SOFIA, "ул.", "Елов дол", "1434", 50),
    (SOFIA, "ул.", "Кладенеца", "1434", 40),
    (SOFIA, "ул.", "Мургаш", "1434", 40),
    (SOFIA, "ул.", "Планински поток", "1434", 30),
    (SOFIA, "ул.", "Самоковско шосе", "1434", 30),
    (SOFIA, "ул.", "Рилски езера", "1434", 40),
    # кв. Княжево
    (SOFIA, "бул.", "Цар Борис III", "1619", 140),
    (SOFIA, "ул.", "Ген. Кутузов", "1619", 60),
    (SOFIA, "ул.", "Бели Искър", "1619", 40),
    (SOFIA, "ул.", "Вихрен", "1619", 40),
    (SOFIA, "ул.", "Княжевска", "1619", 50),
    (SOFIA, "ул.", "Горнобански път", "1619", 60),
    (SOFIA, "ул.", "Дюстабанов", "1619", 30),
    (SOFIA, "ул.", "Лозарска", "1619", 30),
    # кв. Павлово
    (SOFIA, "бул.", "България", "1618", 100),
    (SOFIA, "ул.", "Деян Белишки", "1618", 70),
    (SOFIA, "ул.", "Рикардо Вакарини", "1618", 40),
    (SOFIA, "ул.", "Мизия", "1618", 30),
    (SOFIA, "ул.", "Пирин", "1618", 40),
    (SOFIA, "ул.", "Хан Кубрат", "1618", 40),
    (SOFIA, "ул.", "Ломско шосе", "1618", 30),
    (SOFIA, "ул.", "Тодор Каблешков", "1618", 60),
    (SOFIA, "ул.", "Бъкстон", "1618", 50),
    (SOFIA, "ул.", "Пеньо Пенев", "1618", 30),
    # кв. Манастирски ливади
    (SOFIA, "ул.", "Казбек", "1404", 40),
    (SOFIA, "ул.", "Ралица", "1404", 30),
    (SOFIA, "ул.", "Руски паметник", "1404", 30),
    # с. Владая
    (VLADAYA, "ул.", "Христо Ботев", "1641", 80),
    (VLADAYA, "ул.", "Васил Левски", "1641", 60),
    (VLADAYA, "ул.", "Иван Вазов", "1641", 40),
    (VLADAYA, "ул.", "Владайско въстание", "1641", 50),
    (VLADAYA, "ул.", "Св. Георги", "1641", 30),
    (VLADAYA, "ул.", "Църковна", "1641", 30),
    # с. Мърчаево
    (MARCHAEVO, "ул.", "Ален мак", "1696", 40),
    (MARCHAEVO, "ул.", "Витоша", "1696", 40),
    (MARCHAEVO, "ул.", "Стефан Караджа", "1696", 30),
    (MARCHAEVO, "ул.", "Люлякова", "1696", 30),
    (MARCHAEVO, "ул.", "Дъбрава", "1696", 30),
]
VITOSHA_BLOCKS = [
    ("Манастирски ливади", 1, 40, "1404"),
    ("Павлово", 1, 30, "1618"),
    ("Бояна", 1, 12, "1616"),
]


def street_rows(rng, streets):
    """One row per building: most numbers exist, some have a lettered neighbour (5А, 5Б)."""
    for settlement, kind, name, postal, highest in streets:
        for number in range(1, highest + 1):
            if rng.random() < 0.12:
                continue
            yield [settlement, kind, name, str(number), "", "", "", postal]
            if rng.random() < 0.08:
                for letter in "АБ"[: rng.randint(1, 2)]:
                    yield [settlement, kind, name, f"{number}{letter}", "", "", "", postal]


def block_rows(rng, blocks):
    """One row per block; a block has 1-6 entrances, lettered (А, Б...) or, rarely, numbered."""
    for complex_name, first, last, postal in blocks:
        for number in range(first, last + 1):
            count = rng.choice([1, 2, 2, 3, 3, 4, 4, 5, 6])
            if rng.random() < 0.1:
                entrances = [str(n) for n in range(1, count + 1)]
            else:
                entrances = list("АБВГДЕ"[:count])
            yield [SOFIA, "", "", "", complex_name, str(number), ";".join(entrances), postal]
            if rng.random() < 0.06:
                yield [SOFIA, "", "", "", complex_name, f"{number}А", "А;Б", postal]


def write(district, streets, blocks):
    rng = random.Random(district)
    path = OUT / f"{district}.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["settlement", "street_type", "street", "number", "complex", "block",
                         "entrances", "postal_code"])
        writer.writerows(street_rows(rng, streets))
        writer.writerows(block_rows(rng, blocks))


def main():
    write("68134-01", SREDETS_STREETS, SREDETS_BLOCKS)
    write("68134-07", SLATINA_STREETS, SLATINA_BLOCKS)
    write("68134-16", STUDENTSKI_STREETS, STUDENTSKI_BLOCKS)
    # Vitosha, mostly houses on long streets, is the largest register (the suggestion bench's).
    write("68134-17", VITOSHA_STREETS, VITOSHA_BLOCKS)


if __name__ == "__main__":
    main()
