"""Reads a .docx with python-docx, as another program would (docx/tests/write.rs runs it).

Prints each paragraph in a heading style as "<style name>\t<text>" (python-docx gives the
built-in "heading 1" as "Heading 1"), then how many tables mark their first row, and only
it, as a header row that repeats (w:trPr/w:tblHeader). Exits non-zero if a heading style
is not a built-in heading or the document language is not en-GB.
"""
import sys

import docx
from docx.oxml.ns import qn

document = docx.Document(sys.argv[1])
for p in document.paragraphs:
    name = p.style.name if p.style is not None else ""
    if name.startswith("Heading"):
        if name not in ("Heading 1", "Heading 2", "Heading 3"):
            sys.exit(f"unexpected heading style {name!r}")
        print(f"{name}\t{p.text}")

marked = 0
for table in document.tables:
    flags = []
    for row in table.rows:
        tr_pr = row._tr.trPr
        flags.append(tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None)
    if flags and flags[0] and not any(flags[1:]):
        marked += 1
print(f"tables with a header row: {marked} of {len(document.tables)}")

lang = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
if lang is None or lang.get(qn("w:val")) != "en-GB":
    sys.exit("the document language is not en-GB")
print(f"title: {document.core_properties.title}")
