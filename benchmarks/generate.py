"""Write synthetic network files for the benchmark: deterministic, realistic, varied.

    python benchmarks/generate.py DIR --count 10000 [--members 40] [--start 0]

File i is the same whatever --count is (its random generator is seeded with i), so a batch of
1,000 is the first tenth of a batch of 10,000. Networks vary the way real submissions do: most
meet the criteria, some miss a discipline, have a Verwijsgids share between about 40% and 80%,
an outdated website or a missing document. Disciplines are written in many of the spellings the
vocabulary accepts (accents, capitals, aliases).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

# (as written in the file, whether the profession is in the Verwijsgids)
VERWIJSGIDS = [
    "fysiotherapeut", "Fysiotherapeut", "oncologiefysiotherapeut", "diëtist", "Dietist",
    "psycholoog", "GZ-psycholoog", "klinisch psycholoog", "maatschappelijk werker",
    "geestelijk verzorger", "ergotherapeut", "huid- en oedeemtherapeut", "haarwerker",
]
OTHERS = ["huisarts", "apotheker", "podotherapeut", "POH-GGZ", "oncologieverpleegkundige",
          "logopedist", "oefentherapeut", "seksuoloog"]
NON_COUNTING = ["inloophuis", "ervaringsdeskundige", "patiëntenorganisatie"]
FIRST = ["A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "J.", "K.", "L.", "M.", "N.", "P."]
LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "El Amrani", "Yılmaz", "Öztürk"]
TOWNS = ["Amersfoort", "Zwolle", "Deventer", "Apeldoorn", "Ede", "Tiel", "Assen", "Hoorn",
         "Alkmaar", "Gouda", "Delft", "Venlo", "Weert", "Oss", "Breda", "Goes"]


def network(i: int, members: int) -> str:
    """The text of synthetic network file number i."""
    rnd = random.Random(i)
    town = f"{rnd.choice(TOWNS)} {i}"
    share = rnd.uniform(0.40, 0.85)  # of the Verwijsgids professions, the part that is listed
    lines = [
        "format: 1",
        *(["criteria: loppsoz@2024"] if rnd.random() < 0.3 else []),
        "network:",
        f"  name: Oncologiezorgnetwerk {town}",
        f"  status: {'actief' if rnd.random() < 0.95 else 'in_oprichting'}",
        f"  website: https://www.ozn-{i}.nl",
        f"  website_updated: 2026-{rnd.randint(1, 10):02d}-{rnd.randint(1, 28):02d}",
        f"  website_lists_verwijsgids_members: {'ja' if rnd.random() < 0.9 else 'nee'}",
        f"  legal_form: {'stichting' if rnd.random() < 0.93 else 'bv'}",
        "  non_profit: ja",
        "  area:",
        "    scope: gemeente",
        f"    municipalities: [{town.split()[0]}]",
        f"    postcodes: [\"{1000 + i % 8000}\", {1001 + i % 8000}]",
        "  vision:",
        "    document: docs/visie.md",
        "    summary: Passende zorg voor de gevolgen van kanker, dichtbij huis.",
        "  participation_agreement:",
        f"    min_meetings_per_year: {rnd.choice([2, 3, 4, 4, 4, 6])}",
        "  contact_point:",
        f"    name: {rnd.choice(FIRST)} {rnd.choice(LAST)}, coördinator",
        f"    email: info@ozn-{i}.nl",
        f"    phone: 0{rnd.randint(10, 99)} {rnd.randint(100, 999)} {rnd.randint(1000, 9999)}",
        "  hospital_contacts:",
        f"    - name: Ziekenhuis {town}",
        f"      structural: {'ja' if rnd.random() < 0.9 else 'nee'}",
        "  gp_contacts:",
        f"    - name: Huisartsen {town}",
        "      structural: ja",
        "",
        "members:",
    ]
    for n in range(members):
        kind = rnd.random()
        if kind < 0.70:
            discipline = rnd.choice(VERWIJSGIDS)
            listed = rnd.random() < share
        elif kind < 0.95:
            discipline, listed = rnd.choice(OTHERS), None
        else:
            discipline, listed = rnd.choice(NON_COUNTING), None
        lines += [f"  - name: {rnd.choice(FIRST)} {rnd.choice(LAST)} ({n + 1})",
                  f"    discipline: {discipline}"]
        if rnd.random() < 0.5:
            lines.append(f"    organisation: Praktijk {rnd.choice(LAST)}")
        if rnd.random() < 0.3:
            lines.append(f"    postcode: {1000 + (i + n) % 8000}")
        if listed is not None:
            lines.append(f"    verwijsgids: {'ja' if listed else 'nee'}")
    return "\n".join(lines) + "\n"


def generate(folder: Path, count: int, members: int = 40, start: int = 0) -> list[Path]:
    """Write files start..start+count-1 (and the vision document they name) into folder."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "docs" / "visie.md").write_text("# Visie\n\nPassende zorg, dichtbij huis.\n",
                                              encoding="utf-8")
    paths = []
    for i in range(start, start + count):
        path = folder / f"netwerk-{i:05d}.yaml"
        path.write_text(network(i, members), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--members", type=int, default=40)
    parser.add_argument("--start", type=int, default=0)
    args = parser.parse_args()
    generate(args.folder, args.count, args.members, args.start)


if __name__ == "__main__":
    main()
