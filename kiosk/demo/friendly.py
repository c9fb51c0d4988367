"""The friendly demo community `kiosk demo` seeds: thirty members in their own words, a
busy morning, shout-outs, a question of the week, and eight weeks of visits."""

from __future__ import annotations

from kiosk.models import Status

DEMO_MEMBERS = (
    ("Zoë Martin", ("3D printing", "design")),
    ("María José Pérez", ("languages", "gardening")),
    ("Björn Andersson", ("woodworking", "coffee")),
    ("Chloé Dubois", ("design", "startups")),
    ("Ngozi Okafor", ("Python", "music")),
    ("Hiroshi Tanaka", ("electronics", "3D printing")),
    ("Aisha Rahman", ("startups", "Python")),
    ("Mateus Gonçalves", ("music", "coffee")),
    ("Priya Natarajan", ("Python", "data")),
    ("Jürgen Weiß", ("woodworking", "electronics")),
    ("Siobhán O'Connor", ("languages", "writing")),
    ("Dmitri Volkov", ("chess", "Python")),
    ("Léa Fontaine", ("design", "photography")),
    ("Kwame Mensah", ("startups", "music")),
    ("Elif Yılmaz", ("gardening", "coffee")),
    ("Tomás Ruiz", ("electronics", "cycling")),
    ("Anneke de Vries", ("photography", "writing")),
    ("Mei Lin Chen", ("3D printing", "data")),
    ("Oluwaseun Adeyemi", ("Python", "startups")),
    ("Inês Castro", ("languages", "design")),
    ("Rafał Nowak", ("woodworking", "cycling")),
    ("Fatima Zahra Benali", ("writing", "coffee")),
    ("Jonas Berg", ("music", "electronics")),
    ("Camille Laurent", ("gardening", "photography")),
    ("Pedro Álvarez", ("cycling", "startups")),
    ("Saanvi Iyer", ("data", "chess")),
    ("Liam O'Brien", ("coffee", "woodworking")),
    ("Noa Ben-David", ("design", "languages")),
    ("Åsa Lindqvist", ("gardening", "music")),
    ("Kofi Boateng", ("electronics", "Python")),
)
# Profiles, by member index: pronouns, intro, ask me about, looking for, learning,
# happy to mentor in, and the fields kept for hosts.
DEMO_PROFILES: dict[
    int,
    tuple[
        str,
        str,
        tuple[str, ...],
        tuple[str, ...],
        tuple[str, ...],
        tuple[str, ...],
        tuple[str, ...],
    ],
] = {
    0: (
        "she/her",
        "Prints tiny furniture for a dolls' house museum.",
        ("Blender",),
        ("laser cutting",),
        ("electronics",),
        (),
        (),
    ),
    1: (
        "she/her",
        "Translator by day, tomato whisperer by night.",
        ("Spanish", "composting"),
        (),
        ("Python",),
        ("languages",),
        (),
    ),
    2: (
        "he/him",
        "Building a canoe in the workshop, one rib at a time.",
        ("hand tools", "woodworking"),
        (),
        (),
        ("woodworking",),
        (),
    ),
    3: (
        "she/her",
        "Brand designer, always up for a critique.",
        ("branding",),
        ("a co-founder",),
        (),
        ("design",),
        ("looking_for",),
    ),
    4: (
        "she/her",
        "Writing a music sequencer in Python.",
        ("Python", "synths"),
        ("soldering",),
        (),
        ("Python",),
        (),
    ),
    5: (
        "he/him",
        "Keeps the printers happy. Ask before you unjam one!",
        ("3D printing", "CAD"),
        (),
        ("Japanese calligraphy",),
        ("3D printing",),
        (),
    ),
    6: (
        "she/her",
        "Second startup, first hardware one.",
        ("fundraising",),
        ("electronics",),
        ("electronics",),
        (),
        (),
    ),
    7: (
        "he/him",
        "Bass player; repairs amps on the side.",
        ("amp repair",),
        (),
        ("woodworking",),
        (),
        (),
    ),
    8: (
        "she/her",
        "Data scientist, maps bus delays for fun.",
        ("pandas", "data"),
        (),
        ("Rust",),
        ("data",),
        (),
    ),
    9: (
        "he/him",
        "Cabinet maker. Runs the laser cutter induction.",
        ("laser cutting", "woodworking"),
        (),
        ("Python",),
        ("woodworking",),
        (),
    ),
    10: (
        "she/her",
        "Novelist; writing group on Tuesdays.",
        ("writing",),
        (),
        ("photography",),
        ("writing",),
        (),
    ),
    12: (
        "she/her",
        "Product designer who shoots film.",
        ("photography", "Figma"),
        (),
        ("Python",),
        (),
        (),
    ),
    13: (
        "he/him",
        "Hosts the Friday demo nights.",
        ("pitching",),
        ("beta testers",),
        (),
        ("startups",),
        (),
    ),
    15: (
        "he/him",
        "Bike mechanic, building a cargo bike frame.",
        ("cycling",),
        ("laser cutter induction",),
        (),
        (),
        (),
    ),
    17: (
        "she/her",
        "Prototyping a plant-watering sensor.",
        ("data",),
        ("electronics",),
        ("electronics",),
        (),
        (),
    ),
    19: (
        "she/her",
        "Learning to code, one kata a day.",
        (),
        ("Python",),
        ("Python",),
        (),
        ("looking_for",),
    ),
    20: (
        "he/him",
        "Bike mechanic and weekend joiner.",
        ("bike repair", "cycling"),
        (),
        ("electronics",),
        ("cycling",),
        (),
    ),
    28: (
        "she/her",
        "Sound artist; records the city at night.",
        ("field recording",),
        (),
        ("Python",),
        (),
        (),
    ),
    29: (
        "he/him",
        "Just moved here; into home automation.",
        ("home automation",),
        ("home automation",),
        ("3D printing",),
        (),
        (),
    ),
}
NOT_ON_BOARD = (25,)
"""Members who chose to be counted only, not shown."""
KEYHOLDERS = (2, 3)
"""Members who hold a key to the space: Björn and Chloé (neither here this morning)."""

DEMO_INDUCTORS = ((9, "Laser cutter"), (2, "Table saw"), (20, "Table saw"), (5, "3D printers"))
"""(member index, tool): who may induct others, and so supervise. Jürgen and Rafał are here
this morning; Björn and Hiroshi are not."""
DEMO_INDUCTIONS: tuple[tuple[int, str, int, int, int | None], ...] = (
    (0, "3D printers", 5, 200, 20),
    (0, "Laser cutter", 9, 120, None),
    (8, "Laser cutter", 9, 60, 300),
    (20, "Table saw", 2, 400, None),
)
"""(member index, tool, inducted by, days ago, expires in days or None): Zoë's 3D printer
induction expires within the month."""

# (member index, minutes ago, status); the visits of this morning.
DEMO_PRESENT: tuple[tuple[int, int, Status], ...] = (
    (1, 150, "open"),
    (4, 95, "heads-down"),
    (9, 60, "open"),
    (17, 45, "open"),
    (12, 35, "open"),
    (29, 20, "open"),
    (20, 12, "open"),
    (28, 4, "heads-down"),
)
NEWCOMER = 29
"""Joined this morning: a first visit, "new here, say hi"."""
TENTH_VISIT = 17
"""Here on her tenth visit."""
GUEST = (9, 55, "Sam Okoro")
"""(host index, minutes ago, name): a guest signed in this morning."""

DEMO_SHOUTOUTS = (
    (5, 0, "Thanks for fixing the jammed printer nozzle before my deadline!"),
    (13, None, "Pizza and demos on Friday at 18:00, everyone welcome."),
    (2, 9, "Your dovetail jig saved my weekend. Drinks on me."),
    (18, 4, "Loved pairing on the scraper. Same time next week?"),
    (7, None, "Someone left a lovely sourdough in the kitchen. Whoever you are: hero."),
)

DEMO_QUESTION = "What are you making this week?"
DEMO_ANSWERS = (
    (9, "A walnut box with a sliding lid"),
    (1, "Seed tape for the balcony garden"),
    (12, "A zine of night photos"),
    (4, "A drum machine in 200 lines of Python"),
    (10, "Chapter nine, finally"),
)

HISTORY_WEEKS = 8
"""Weeks of past visits, so attendance has a shape."""

DEMO_EVENTS = (
    (0, "12:30", 60, "Lunch and learn: Python", 8, "Python", "FREQ=WEEKLY"),
    (0, "19:00", 150, "Soldering 101", 9, "electronics", "FREQ=WEEKLY"),
    (1, "18:30", 90, "Language table", 1, "languages", "FREQ=WEEKLY"),
    (2, "10:00", 180, "Repair café", 20, "woodworking", ""),
    (4, "14:00", 120, "Garden work party", 14, "gardening", ""),
)
"""(days from the demo's day, local time, minutes, title, host index, topic, RRULE): a
week of events, today's first, hosted by members on the board."""
DEMO_FRIDAY_EVENT = ("18:00", 180, "Pizza and demos", 13, "", "FREQ=WEEKLY;BYDAY=FR")
"""Kwame's Friday evening, which his shout-out announces: on the coming Friday."""
