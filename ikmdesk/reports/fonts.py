"""The bundled DejaVu Sans family, registered once so every report style can use it.

DejaVu covers Latin (with accents), Greek, Cyrillic, many symbols (°C, ≤, ±, —) and some
emoji, but no CJK and no shaped Arabic script. What it lacks is replaced before it reaches
ReportLab by a visible placeholder, so the reader sees that something was there and the
document never depends on how a viewer draws a missing glyph:

- an emoji, with everything that belongs to it (skin tone, joiners, selectors, flags), becomes
  one "[emoji]": 😀👍🏽 prints as "[emoji][emoji]", never as a row of "���";
- any other character the font lacks (Chinese, Arabic) becomes one "□" per character.

Characters beyond U+FFFF are replaced even where DejaVu has a glyph: ReportLab 5.1 writes
their ToUnicode entries as odd-length hex, so a PDF reader's copy or search of the text
would not give back what was typed.
"""

from __future__ import annotations

import threading
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ikmdesk.resource import resource_path

FAMILY = "DejaVuSans"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (
    "DejaVuSans",
    "DejaVuSans-Bold",
    "DejaVuSans-Oblique",
    "DejaVuSans-BoldOblique",
)
REPLACEMENT = "\u25a1"
"""One character the font lacks ("□", a white square: the usual mark for a missing glyph)."""
EMOJI_PLACEHOLDER = "[emoji]"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
_lock = threading.Lock()


def register_fonts() -> None:
    """Register the four DejaVu Sans faces and map <b>/<i> to them (safe to call often)."""
    with _lock:
        if REGULAR in pdfmetrics.getRegisteredFontNames():
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        # registerFontFamily maps the family name; map the face name too, which styles use.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD_ITALIC)


@cache
def covered_code_points() -> frozenset[int]:
    """Return the code points every bundled face can draw."""
    register_fonts()
    faces = [pdfmetrics.getFont(name) for name in _FILES]
    common = set(faces[0].face.charToGlyph)
    for face in faces[1:]:
        common &= set(face.face.charToGlyph)
    return frozenset(common)


def printable(text: str) -> str:
    """Return ``text`` with characters the font lacks replaced by placeholders, controls removed.

    Newlines and tabs are kept (the caller decides what they become); other control
    characters would be invisible at best and break the markup parser at worst.
    """
    covered = covered_code_points()
    out: list[str] = []
    in_emoji = False  # the last thing written was an emoji placeholder still open to joiners
    joined = False  # a zero-width joiner asked for the next character to join that emoji
    for char in text:
        code = ord(char)
        if in_emoji and (joined or _extends_emoji(code)):
            joined = code == 0x200D
            continue
        in_emoji = joined = False
        if char in "\n\t":
            out.append(char)
        elif code < 0x20 or 0x7F <= code < 0xA0 or 0xD800 <= code <= 0xDFFF:
            continue
        elif code in covered and code <= 0xFFFF:
            out.append(char)
        elif char in "\u200b\u200c\u200d\ufe0f\ufe0e\u20e3":  # joiners, selectors, keycap: dropped
            continue
        elif _is_emoji(code):
            out.append(EMOJI_PLACEHOLDER)
            in_emoji = True
        else:
            out.append(REPLACEMENT)
    return "".join(out)


def _is_emoji(code: int) -> bool:
    """Tell whether ``code`` starts an emoji (pictographs, symbols, flags, keycap bases)."""
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or 0x1F1E6 <= code <= 0x1F1FF
    )


def _extends_emoji(code: int) -> bool:
    """Tell whether ``code`` belongs to the emoji before it rather than starting a new one."""
    return (
        code in (0x200D, 0xFE0F, 0xFE0E, 0x20E3)
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tag characters (subdivision flags)
        or 0x1F1E6 <= code <= 0x1F1FF  # the second letter of a flag
    )
