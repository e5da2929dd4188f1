"""Reads a .docx with python-docx (an independent reader) and prints what the tests check,
as JSON: page setup, every paragraph (body and table cells, in order) with its runs and
their effective font facts, the headers, footnotes and the style defaults.

Usage: python inspect_docx.py FILE.docx
"""
import json
import sys

import docx
from docx.oxml.ns import qn

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def twips(length):
    return None if length is None else int(round(length.twips))


def fonts_of(rpr):
    if rpr is None:
        return {}
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        return {}
    return {k: rf.get(qn("w:" + k)) for k in ("ascii", "hAnsi", "eastAsia", "cs")}


def run_facts(run):
    r = run._element
    rpr = r.find(qn("w:rPr"))
    return {
        "text": run.text,
        "size_pt": run.font.size.pt if run.font.size is not None else None,
        "bold": run.bold,
        "italic": run.italic,
        "underline": bool(run.underline) if run.underline is not None else None,
        "fonts": fonts_of(rpr),
        "footnote_reference": r.find(qn("w:footnoteReference")) is not None,
    }


def para_facts(p, where):
    pf = p.paragraph_format
    ppr = p._p.pPr
    border_bottom = None
    border_sides = []
    if ppr is not None:
        bdr = ppr.find(qn("w:pBdr"))
        if bdr is not None:
            for side in bdr:
                if side.get(qn("w:val")) not in ("nil", "none"):
                    border_sides.append(side.tag.replace(W, ""))
            if bdr.find(qn("w:bottom")) is not None:
                border_bottom = bdr.find(qn("w:bottom")).get(qn("w:val"))
    return {
        "where": where,
        "text": p.text,
        "alignment": str(pf.alignment) if pf.alignment is not None else None,
        "first_line_indent": twips(pf.first_line_indent),
        "left_indent": twips(pf.left_indent),
        "right_indent": twips(pf.right_indent),
        "space_after": twips(pf.space_after),
        "keep_with_next": pf.keep_with_next,
        "border_bottom": border_bottom,
        "border_sides": border_sides,
        "runs": [run_facts(r) for r in p.runs],
    }


def header_facts(header):
    xml = header._element.xml
    return {
        "text": "".join(p.text for p in header.paragraphs),
        "has_page_field": "PAGE" in "".join(
            t.text or "" for t in header._element.iter(qn("w:instrText"))
        ) and xml.count("fldChar") >= 3,
        "is_linked": header.is_linked_to_previous,
    }


def main(path):
    d = docx.Document(path)
    s = d.sections[0]
    paragraphs = []
    for ti, block in enumerate(d.element.body.iterchildren()):
        if block.tag == qn("w:p"):
            paragraphs.append(para_facts(docx.text.paragraph.Paragraph(block, d), "body"))
        elif block.tag == qn("w:tbl"):
            table = docx.table.Table(block, d)
            for ri, row in enumerate(table.rows):
                for ci, cell in enumerate(row.cells):
                    for p in cell.paragraphs:
                        paragraphs.append(para_facts(p, f"table{ti}:{ri}:{ci}"))
    tables = []
    for t in d.tables:
        trs = t._tbl.findall(qn("w:tr"))
        tables.append({
            "rows": len(trs),
            "cant_split": [tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in trs],
            "borders": [b.get(qn("w:val")) for b in t._tbl.iter(qn("w:top"))][:1],
        })
    footnotes = []
    for part in d.part.package.parts:
        if str(part.partname) == "/word/footnotes.xml":
            from lxml import etree
            root = etree.fromstring(part.blob)
            for fn in root.findall(qn("w:footnote")):
                fid = int(fn.get(qn("w:id")))
                if fid > 0:
                    footnotes.append({
                        "id": fid,
                        "text": "".join(t.text or "" for t in fn.iter(qn("w:t"))),
                        "has_number": fn.find(f".//{W}footnoteRef") is not None,
                    })
    styles = d.styles.element
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    lang = defaults.find(qn("w:lang")) if defaults is not None else None
    out = {
        "page": {
            "width": twips(s.page_width),
            "height": twips(s.page_height),
            "top": twips(s.top_margin),
            "bottom": twips(s.bottom_margin),
            "left": twips(s.left_margin),
            "right": twips(s.right_margin),
            "header_distance": twips(s.header_distance),
            "different_first_page": s.different_first_page_header_footer,
        },
        "header": header_facts(s.header),
        "first_page_header": header_facts(s.first_page_header),
        "paragraphs": paragraphs,
        "tables": tables,
        "footnotes": footnotes,
        "footnote_references": sum(
            1 for _ in d.element.body.iter(qn("w:footnoteReference"))
        ),
        "defaults": {
            "fonts": fonts_of(defaults),
            "lang": lang.get(qn("w:val")) if lang is not None else None,
        },
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
