"""python-docx side of the export benchmark (benches/export.rs): builds a document of the
given paragraphs (Times New Roman, sizes, bold/italic runs, alignment, first-line indent,
A4 and margins) and saves it to memory, timed per build; prints JSON with the median.

Usage: python export_python_docx.py PARAGRAPHS.json ITERATIONS
"""
import io
import json
import statistics
import sys
import time

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
}


def build(paragraphs):
    d = docx.Document()
    s = d.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin, s.bottom_margin = Mm(20), Mm(20)
    s.left_margin, s.right_margin = Mm(30), Mm(15)
    for p in paragraphs:
        para = d.add_paragraph()
        para.alignment = ALIGN[p["align"]]
        fmt = para.paragraph_format
        fmt.space_after = Pt(6)
        if p.get("indent"):
            fmt.first_line_indent = Mm(10)
        for r in p["runs"]:
            run = para.add_run(r["text"])
            run.bold = r["bold"]
            run.italic = r["italic"]
            run.font.size = Pt(p["size"])
            run.font.name = "Times New Roman"
            run._element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
            run._element.rPr.rFonts.set(qn("w:cs"), "Times New Roman")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def main(path, iterations):
    paragraphs = json.load(open(path, encoding="utf-8"))
    for _ in range(3):
        build(paragraphs)
    times = []
    cpu = []
    for _ in range(iterations):
        cpu_start = time.thread_time()
        start = time.perf_counter()
        build(paragraphs)
        times.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - cpu_start)
    times.sort()
    print(json.dumps({
        "iterations": iterations,
        "median_ms": statistics.median(times) * 1e3,
        "p95_ms": times[len(times) * 95 // 100] * 1e3,
        "median_cpu_ms": statistics.median(cpu) * 1e3,
    }))


if __name__ == "__main__":
    main(sys.argv[1], min(int(sys.argv[2]), 100))
