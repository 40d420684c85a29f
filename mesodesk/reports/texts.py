"""The editable texts of the handout and the consent form, read from resources/texts.

A clinic changes its aftercare advice or its consent wording without touching code, so the
texts are plain files in a small format (see the head of each file): "## " headings, "- "
bullets, "? " yes/no questions, "[[name]]" slots the application fills in, "**bold**".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from mesodesk import paths
from mesodesk.reports.styles import Styles, rich, table_style

BOX = "\u2610"  # ☐, in the shipped font


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    QUESTION = "question"
    SLOT = "slot"


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str  # raw text (escaped only when laid out); the slot's name for SLOT


def text_path(name: str) -> Path:
    return paths.resources_dir() / "texts" / f"{name}.txt"


def load_text(name: str) -> tuple[Block, ...]:
    """The blocks of resources/texts/NAME.txt."""
    return parse(text_path(name).read_text(encoding="utf-8"))


def parse(source: str) -> tuple[Block, ...]:
    """Blocks in order; consecutive plain lines join into one paragraph."""
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(Block(BlockKind.PARAGRAPH, " ".join(paragraph)))
            paragraph.clear()

    for raw in source.splitlines():
        line = raw.strip()
        if line.startswith("## "):
            flush()
            blocks.append(Block(BlockKind.HEADING, line[3:].strip()))
        elif line == "#" or line.startswith("# "):
            flush()  # a comment
        elif not line:
            flush()
        elif line.startswith("- "):
            flush()
            blocks.append(Block(BlockKind.BULLET, line[2:].strip()))
        elif line.startswith("? "):
            flush()
            blocks.append(Block(BlockKind.QUESTION, line[2:].strip()))
        elif line.startswith("[[") and line.endswith("]]"):
            flush()
            blocks.append(Block(BlockKind.SLOT, line[2:-2].strip()))
        else:
            paragraph.append(line)
    flush()
    return tuple(blocks)


def layout_blocks(
    blocks: Sequence[Block],
    styles: Styles,
    width: float,
    slots: Mapping[str, Callable[[], list[Flowable]]],
) -> list[Flowable]:
    """Flowables for the blocks; each "[[name]]" becomes what `slots[name]` returns.

    An unknown slot prints nothing (a typo in an edited file must not stop printing); yes/no
    questions that follow each other form one table with tick boxes.
    """
    story: list[Flowable] = []
    questions: list[str] = []
    for index, block in enumerate(blocks):
        if block.kind is BlockKind.QUESTION:
            questions.append(block.text)
            last = index + 1 == len(blocks) or blocks[index + 1].kind is not BlockKind.QUESTION
            if last:
                story.append(question_table(questions, styles, width))
                questions = []
        elif block.kind is BlockKind.HEADING:
            story.append(Paragraph(rich(block.text), styles.h2))
        elif block.kind is BlockKind.BULLET:
            story.append(Paragraph(rich(block.text), styles.bullet, bulletText="•"))
        elif block.kind is BlockKind.SLOT:
            fill = slots.get(block.text)
            story += fill() if fill else []
        else:
            story.append(Paragraph(rich(block.text), styles.body))
            story.append(Spacer(1, styles.body.fontSize * 0.4))
    return _keep_headings(story)


def question_table(questions: Sequence[str], styles: Styles, width: float) -> Table:
    """Each question with "Yes" and "No" tick boxes to its right."""
    box = f'<font size="{styles.body.fontSize * 1.3:.1f}">{BOX}</font>'
    rows = [
        [Paragraph(rich(q), styles.body), Paragraph(f"{box} Yes", styles.body),
         Paragraph(f"{box} No", styles.body)]
        for q in questions
    ]  # fmt: skip
    table = Table(rows, colWidths=[width - 40 * mm, 20 * mm, 20 * mm])
    table.setStyle(table_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"), header=False))
    return table


def _keep_headings(story: list[Flowable]) -> list[Flowable]:
    """A heading never ends a page: it is kept with what follows it."""
    out: list[Flowable] = []
    skip = False
    for index, item in enumerate(story):
        if skip:
            skip = False
            continue
        is_heading = isinstance(item, Paragraph) and item.style.name == "h2"
        if is_heading and index + 1 < len(story):
            out.append(KeepTogether([item, story[index + 1]]))
            skip = True
        else:
            out.append(item)
    return out
