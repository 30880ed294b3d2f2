"""Split a draft into the parts a comment may refer to: its articles (第X条), or its paragraphs."""
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

ARTICLE = re.compile(r"^\s*(第[一二三四五六七八九十百千零〇两0-9]+条)")


@dataclass(frozen=True)
class Part:
    number: int  # 1-based, stable as long as the draft text is
    label: str  # 第三条, or 第3段
    text: str


def split_draft(text):
    """The draft's articles when it has any (text before the first belongs to none), else its paragraphs."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    parts, current, label = [], [], None
    if any(ARTICLE.match(line) for line in lines):
        for line in lines:
            match = ARTICLE.match(line)
            if match:
                if label:
                    parts.append((label, "\n".join(current).strip()))
                label, current = match.group(1), [line.strip()]
            elif label:
                current.append(line.strip())
        if label:
            parts.append((label, "\n".join(current).strip()))
        return [Part(n, lab, body) for n, (lab, body) in enumerate(parts, start=1)]
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", "\n".join(lines)) if p.strip()]
    return [Part(n, _("Paragraph %(n)s") % {"n": n}, p) for n, p in enumerate(paragraphs, start=1)]


def part_label(text, number):
    """The label of part ``number`` of the draft, or None if it has no such part."""
    for part in split_draft(text):
        if part.number == number:
            return part.label
    return None
