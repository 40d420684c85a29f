"""The fixed part of the demo clinic: letterhead, staff, ingredient library, recipes, products.

Concentrations are those of the finished mixture, in the ingredient's default unit, so a
template item never needs a unit conversion; dutasteride is the one pregnancy hard stop.
"""

from __future__ import annotations

from dataclasses import dataclass

from mesodesk.domain.enums import ConcentrationUnit, IngredientClass, Role

CLINIC = {
    "name": "Lindenhof Hair & Scalp Clinic (demo)",
    "address": "Lindenstraße 14\n10969 Berlin\nGermany",
    "phone": "+49 30 1234 5678",
    "email": "praxis@lindenhof-demo.example",
    "website": "www.lindenhof-demo.example",
    "record_number_prefix": "P",
}

DEMO_ACTOR_NAME = "demo-generator"


@dataclass(frozen=True)
class StaffMember:
    username: str
    display_name: str
    role: Role
    credentials: str


STAFF = (
    StaffMember("dr.vogel", "Dr Lena Vogel", Role.PRACTITIONER, "MD, dermatologist"),
    StaffMember("a.okafor", "Adaeze Okafor", Role.PRACTITIONER, "RN, aesthetic nurse"),
    StaffMember("s.rossi", "Sofia Rossi", Role.FRONT_DESK, ""),
    StaffMember("admin", "Clinic administrator", Role.ADMINISTRATOR, ""),
)


@dataclass(frozen=True)
class IngredientSpec:
    name: str
    ingredient_class: IngredientClass
    concentration: float
    unit: ConcentrationUnit
    pregnancy_contraindicated: bool = False
    notes: str = ""


_MG, _PCT = ConcentrationUnit.MG_PER_ML, ConcentrationUnit.PERCENT
_C = IngredientClass

INGREDIENTS = (
    IngredientSpec("Biotin", _C.VITAMIN, 5.0, _MG, notes="Vitamin B7 (H)."),
    IngredientSpec("Dexpanthenol", _C.VITAMIN, 50.0, _MG, notes="Pro-vitamin B5."),
    IngredientSpec(
        "Organic silicon", _C.MINERAL, 0.5, _PCT, notes="Monomethylsilanetriol; keratin support."
    ),
    IngredientSpec("Zinc gluconate", _C.MINERAL, 1.0, _MG, notes="Anti-inflammatory, sebum."),
    IngredientSpec("Copper peptide (GHK-Cu)", _C.PEPTIDE, 1.0, _MG),
    IngredientSpec(
        "Amino-acid complex (L-cysteine)", _C.AMINO_ACID, 10.0, _MG, notes="Cysteine, methionine."
    ),
    IngredientSpec("Polynucleotides", _C.NUCLEIC_ACID, 20.0, _MG, notes="Nucleic acids (PDRN)."),
    IngredientSpec(
        "Hyaluronic acid (non-cross-linked)", _C.VEHICLE, 10.0, _MG, notes="Carrier, hydration."
    ),
    IngredientSpec(
        "Red-clover isoflavones (biochanin A)", _C.PLANT_EXTRACT, 2.0, _PCT, notes="5α-R modulator."
    ),
    IngredientSpec("Acetyl tetrapeptide-3", _C.PEPTIDE, 1.0, _MG, notes="Follicle anchoring."),
    IngredientSpec("Coenzyme Q10", _C.COENZYME, 1.0, _MG),
    IngredientSpec(
        "Dutasteride",
        _C.DRUG,
        0.01,
        _PCT,
        pregnancy_contraindicated=True,
        notes="0.01–0.05 %. Never in pregnancy, breastfeeding or planned conception.",
    ),
    IngredientSpec("Minoxidil", _C.DRUG, 0.5, _PCT, notes="Vasodilator."),
    IngredientSpec("Lidocaine", _C.DRUG, 1.0, _PCT, notes="Rarely used: no anaesthesia is usual."),
    IngredientSpec("Sodium chloride 0.9 %", _C.VEHICLE, 0.9, _PCT, notes="Diluent."),
)


@dataclass(frozen=True)
class TemplateSpec:
    key: str
    name: str
    total_volume_ml: float
    items: tuple[tuple[str, float], ...]  # (ingredient name, concentration in its default unit)
    notes: str = ""

    @property
    def ingredients(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.items)


TEMPLATES = (
    TemplateSpec(
        "aga",
        "AGA standard",
        5.0,
        (
            ("Dutasteride", 0.01),
            ("Biotin", 2.5),
            ("Dexpanthenol", 50.0),
            ("Copper peptide (GHK-Cu)", 1.0),
            ("Organic silicon", 0.5),
        ),
        "Male pattern androgenetic alopecia.",
    ),
    TemplateSpec(
        "female",
        "Female pattern – dutasteride-free",
        5.0,
        (
            ("Acetyl tetrapeptide-3", 1.0),
            ("Red-clover isoflavones (biochanin A)", 2.0),
            ("Biotin", 2.5),
            ("Amino-acid complex (L-cysteine)", 10.0),
        ),
        "Women of child-bearing age: no 5α-reductase drug.",
    ),
    TemplateSpec(
        "inflammatory",
        "Inflammatory scalp",
        4.0,
        (
            ("Zinc gluconate", 1.0),
            ("Dexpanthenol", 50.0),
            ("Hyaluronic acid (non-cross-linked)", 10.0),
        ),
        "Seborrhoea, erythema, itch: soothe before stimulating.",
    ),
    TemplateSpec(
        "te",
        "Telogen effluvium – nutritive",
        5.0,
        (
            ("Biotin", 5.0),
            ("Amino-acid complex (L-cysteine)", 10.0),
            ("Zinc gluconate", 1.0),
            ("Organic silicon", 0.5),
            ("Coenzyme Q10", 1.0),
        ),
    ),
    TemplateSpec(
        "areata",
        "Alopecia areata – supportive",
        3.0,
        (("Polynucleotides", 20.0), ("Hyaluronic acid (non-cross-linked)", 10.0)),
        "Adjunct to the dermatologist's treatment of the patches.",
    ),
    TemplateSpec(
        "minoxidil",
        "Minoxidil booster",
        4.0,
        (("Minoxidil", 0.5), ("Biotin", 2.5), ("Copper peptide (GHK-Cu)", 1.0)),
        "For patients who do not tolerate topical minoxidil.",
    ),
)


@dataclass(frozen=True)
class ProductSpec:
    ingredient: str
    product_name: str
    code: str  # prefix of its lot numbers
    supplier: str
    unit: str = "ampoules"


PRODUCTS = (
    ProductSpec("Dutasteride", "Dutasteride 0.01 % – 2 mL ampoule", "DU", "Farmacia Galenica Roma"),
    ProductSpec("Biotin", "Biotin 5 mg/mL – 2 mL ampoule", "BI", "MesoPharm Labs"),
    ProductSpec("Dexpanthenol", "Dexpanthenol 250 mg/mL – 2 mL ampoule", "DX", "MesoPharm Labs"),
    ProductSpec("Copper peptide (GHK-Cu)", "GHK-Cu 2 mg/mL – 5 mL vial", "CU", "Peptidea", "vials"),
    ProductSpec("Organic silicon", "Organic silicon 0.5 % – 5 mL vial", "SI", "Silicea", "vials"),
    ProductSpec(
        "Acetyl tetrapeptide-3", "Tetrapeptide-3 2 mg/mL – 5 mL vial", "TP", "Peptidea", "vials"
    ),
    ProductSpec(
        "Red-clover isoflavones (biochanin A)", "Red clover 4 % – 5 mL vial", "RC", "Botanica Meso"
    ),
    ProductSpec(
        "Amino-acid complex (L-cysteine)", "Amino-acid complex – 5 mL vial", "AA", "MesoPharm Labs"
    ),
    ProductSpec("Zinc gluconate", "Zinc gluconate 2 mg/mL – 2 mL ampoule", "ZN", "MesoPharm Labs"),
    ProductSpec("Hyaluronic acid (non-cross-linked)", "HA 20 mg/mL – 2 mL syringe", "HA", "Hyalis"),
    ProductSpec("Polynucleotides", "Polynucleotides 40 mg/mL – 2 mL syringe", "PN", "Hyalis"),
    ProductSpec("Coenzyme Q10", "Coenzyme Q10 2 mg/mL – 2 mL ampoule", "CQ", "Botanica Meso"),
    ProductSpec("Minoxidil", "Minoxidil 1 % – 2 mL ampoule", "MX", "Farmacia Galenica Roma"),
)
# The single expired lot and the single lot close to expiry belong to these products.
EXPIRED_PRODUCT = "Biotin 5 mg/mL – 2 mL ampoule"
NEAR_EXPIRY_PRODUCT = "Dexpanthenol 250 mg/mL – 2 mL ampoule"

IMMEDIATE_REACTIONS = (
    "Mild erythema, settled within 30 min.",
    "Pinpoint bleeding, stopped with light pressure.",
    "Slight tenderness at the vertex.",
    "Small papules visible, expected.",
    "None.",
    "None.",
    "None.",
)
SESSION_NOTES = (
    "",
    "",
    "",
    "Tolerated well.",
    "Hair washed the evening before, as advised.",
    "Asked about results: first changes expected after 2–3 sessions.",
    "Reminded about aftercare (no washing for 12 h).",
)
AMENDMENT_REASONS = (
    "Volume corrected: syringe read after the session.",
    "Wrong zone ticked: vertex, not mid-scalp.",
    "Pain score entered on the wrong line.",
)
ALLERGY_TEXTS = (
    ("Lidocaine", "Lidocaine: urticaria after dental anaesthesia (2019)."),
    ("Copper peptide (GHK-Cu)", "Copper peptide: local itching and wheals."),
    ("Minoxidil", "Minoxidil: contact dermatitis with the topical solution."),
)
FREE_TEXT_ALLERGIES = ("Nickel (earrings).", "Penicillin.", "Latex: use nitrile gloves.")
