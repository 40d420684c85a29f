"""The editable handout and consent texts: their small format, and the shipped files."""

from __future__ import annotations

from mesodesk.reports.texts import Block, BlockKind, load_text, parse


def test_the_format_reads_headings_bullets_questions_slots_and_paragraphs() -> None:
    blocks = parse(
        "# a comment\n## Aftercare\nFirst line\ncontinues.\n\n- one\n? Pregnant?\n[[today]]\n"
    )
    assert blocks == (
        Block(BlockKind.HEADING, "Aftercare"),
        Block(BlockKind.PARAGRAPH, "First line continues."),
        Block(BlockKind.BULLET, "one"),
        Block(BlockKind.QUESTION, "Pregnant?"),
        Block(BlockKind.SLOT, "today"),
    )


def test_the_shipped_texts_have_their_slots_and_the_aftercare_rules() -> None:
    handout = load_text("handout")
    slots = {b.text for b in handout if b.kind is BlockKind.SLOT}
    assert slots == {"today", "next_appointment", "contact"}
    advice = " ".join(b.text for b in handout)
    for rule in ("12 hours", "8 hours", "24 hours", "48 hours", "one week"):
        assert rule in advice
    consent = load_text("consent")
    assert {b.text for b in consent if b.kind is BlockKind.SLOT} == {
        "patient",
        "photo_consent",
        "signatures",
    }
    assert sum(b.kind is BlockKind.QUESTION for b in consent) >= 6
