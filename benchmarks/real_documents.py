"""Documents for the relevance benchmark: the real seed documents (/work/shared/seeds, or SEEDS_DIR)
and the project's own realistic documents (benchmarks/data/real_documents/), split into sections.

The five seed files are real documents (a 运行保障工作制度, 政务公开工作要点, a
信息发布管理办法, a collection of Shanghai regulations, a 栏目管理实施意见).
The files in benchmarks/data/real_documents/ are written for this benchmark in
the form of the kinds of document a bureau's site holds and the seeds lack
(emergency plans, a disclosure guide, an annual disclosure report, an accident
investigation report, a department budget, regulations, notices); they are not
generated from templates and are labelled as written, not real.

Each file is split mechanically, never by hand:
- a document's title is its first line that reads like a title (关于…, or ending
  in 办法/规定/制度/要点/意见/通知/预案/指南/报告/预算/条例…); letterheads
  (…文件) and bare 文号 lines are skipped;
- inside a collection, a new document starts at a line repeated on the next
  line (how the collection page prints each document's title), and the
  download-site notice lines end a document (what follows is the file's own
  titled document);
- a section starts at a chapter (第X章) or a top-level item (一、).
Every section is one search document titled "<document title> <heading>" (the
heading only when there is one); its id is ``<file>-<n>``.
"""
import os
import re
from dataclasses import dataclass
from pathlib import Path

SEEDS_DIR = Path(os.environ.get("SEEDS_DIR", "/work/shared/seeds"))
WRITTEN_DIR = Path(__file__).resolve().parent / "data" / "real_documents"
HEADING_RE = re.compile(r"^\s*(第[一二三四五六七八九十]+章|[一二三四五六七八九十]+、)\s*(.{0,20}?)(?=第[一二三四五六七八九十百]+条|$|。)")
TITLE_RE = re.compile(r"关于|(办法|规定|制度|要点|意见|通知|通报|预案|指南|报告|预算|决算|条例|细则|计划|方案)(草案|（[^）]*）|\([^)]*\))?$")
LETTERHEAD_RE = re.compile(r"(文件|^[\u4e00-\u9fff]{1,10}[〔\[（(]\d{4}[〕\]）)]\d+号)$")
BOILERPLATE_RE = re.compile(r"^(合集下载|相关文档|最新文档|\d+\.\s*\d+、.*(文档|预览|客服))")


@dataclass
class RealDocument:
    id: str
    title: str
    body: str


def _clean(line):
    return re.sub(r"^#+\s*", "", line.strip())


def _file_title(lines, stem):
    for line in lines[:5]:
        if TITLE_RE.search(line) and not LETTERHEAD_RE.search(line) and len(line) < 80:
            return re.sub(r"的通知.*$", "", line)[:60]
    return lines[0][:60] if lines else stem


def split_file(path):
    lines = [_clean(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    stem = path.name.split("_")[0]
    file_title = _file_title(lines, stem)
    docs = []
    state = {"title": file_title, "heading": "", "body": []}

    def flush():
        text = "\n".join(state["body"]).strip()
        if len(text) >= 40:
            docs.append(RealDocument(f"{stem}-{len(docs) + 1}",
                                     f"{state['title']} {state['heading']}".strip()[:120], text))
        state["body"] = []

    i = 0
    while i < len(lines):
        line = lines[i]
        if BOILERPLATE_RE.match(line):
            if state["body"]:
                flush()
                state.update(title=file_title, heading="")
            i += 1
            continue
        if i + 1 < len(lines) and lines[i + 1] == line and len(line) < 90:
            flush()
            state.update(title=re.sub(r"的通知.*$", "", line)[:60], heading="", body=[line])
            i += 2
            continue
        match = HEADING_RE.match(line)
        if match and len(state["body"]) > 1:
            flush()
            state.update(heading=(match.group(1) + match.group(2)).strip()[:30], body=[line])
            i += 1
            continue
        state["body"].append(line)
        i += 1
    flush()
    return docs


def split_seeds(seeds_dir=SEEDS_DIR, written_dir=WRITTEN_DIR):
    paths = sorted(Path(seeds_dir).glob("0*.txt")) + sorted(Path(written_dir).glob("w*.txt"))
    return [d for path in paths for d in split_file(path)]


if __name__ == "__main__":
    for d in split_seeds():
        print(d.id, len(d.body), d.title)
