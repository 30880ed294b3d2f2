"""Real government documents for the relevance benchmark, split from /work/shared/seeds (or SEEDS_DIR).

The five seed files are real documents (a 运行保障工作制度, 政务公开工作要点, a
信息发布管理办法, a collection of Shanghai regulations, a 栏目管理实施意见).
Each is split mechanically, never by hand: a new document starts at a line
that announces a new regulation (…关于印发…), and a section starts at a
chapter (第X章) or a top-level item (一、). Every section is one search
document titled "<document title> <heading>"; its id is ``<file>-<n>``.
"""
import os
import re
from dataclasses import dataclass
from pathlib import Path

SEEDS_DIR = Path(os.environ.get("SEEDS_DIR", "/work/shared/seeds"))
HEADING_RE = re.compile(r"^\s*(第[一二三四五六七八九十]+章|[一二三四五六七八九十]+、)\s*(.{0,20}?)(?=第[一二三四五六七八九十百]+条|$|。)")
NEW_DOC_RE = re.compile(r"^(上海市人民政府(办公厅)?关于印发|上海市.{2,20}(办法|规定|指南)(草案)?$)")


@dataclass
class RealDocument:
    id: str
    title: str
    body: str


def split_seeds(seeds_dir=SEEDS_DIR):
    docs = []
    for path in sorted(Path(seeds_dir).glob("0*.txt")):
        lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
        stem = path.name[:3]
        doc_title = lines[0][:60] if lines else stem
        heading, body = "", []

        def flush():
            text = "\n".join(body).strip()
            if len(text) >= 40:
                docs.append(RealDocument(f"{stem}-{len([d for d in docs if d.id.startswith(stem)]) + 1}",
                                         f"{doc_title} {heading}".strip()[:120], text))

        for line in lines:
            if NEW_DOC_RE.match(line) and len(line) < 80:
                flush()
                doc_title, heading, body = re.sub(r"的通知.*$", "", line)[:60], "", [line]
                continue
            match = HEADING_RE.match(line)
            if match and len(body) > 1:
                flush()
                heading, body = (match.group(1) + match.group(2)).strip()[:30], [line]
                continue
            body.append(line)
        flush()
    return docs


if __name__ == "__main__":
    for d in split_seeds():
        print(d.id, len(d.body), d.title)
