// The documents suite (./scripts/test documents): the Word files the take-aways module writes
// (the S6 example's draft plan and security response, its letters with two other Call-Off
// Contracts, the 2017 plan and response; written by `cargo run -p security-matrix-docx
// --example s6_documents -- DIR`, the same writer and contents the app uses) opened in a real
// office suite: LibreOffice headless converts each to PDF, and the PDF's text (pdftotext)
// holds every Heading 1 and 2 of the file (in the contents list and at its section), the
// paragraph reference of a duty, and the owner typed for it. And each is valid Office Open
// XML for Word (openxml-audit: ECMA-376's schemas and the Open XML SDK's rules, from PyPI).
//
// Usage: SMX_DOCUMENTS=DIR node --test scripts/check-documents.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const DIR = process.env.SMX_DOCUMENTS;
assert.ok(DIR && fs.existsSync(DIR), "SMX_DOCUMENTS names the folder the example wrote");
const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".docx")).sort();

// Each Heading 1 and 2 paragraph's text, read from the package by Python's standard library.
const HEADINGS = `
import json, sys, zipfile
import xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
body = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('word/document.xml'))
out = []
for p in body.iter(W + 'p'):
    s = p.find(W + 'pPr/' + W + 'pStyle')
    if s is not None and s.get(W + 'val') in ('Heading1', 'Heading2'):
        out.append(''.join(t.text or '' for t in p.iter(W + 't')))
print(json.dumps(out))
`;

const squash = (s) => s.replace(/\s+/g, " ").trim();

/** The PDF text LibreOffice makes of a .docx (a profile of its own, so runs never share one). */
function pdfText(file) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "smx-office-"));
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${out}/profile`, "--headless", "--convert-to", "pdf", "--outdir", out, path.join(DIR, file)],
      { stdio: "pipe", timeout: 120000 },
    );
    const pdf = path.join(out, file.replace(/\.docx$/, ".pdf"));
    assert.ok(fs.existsSync(pdf), `LibreOffice made no PDF of ${file}`);
    return squash(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

test("the example wrote the five documents", () => {
  const kinds = files.map((f) => f.replace(/-\d{4}-\d{2}-\d{2}\.docx$/, ""));
  assert.deepEqual(kinds, [
    "security-letters-S6",
    "security-plan-draft-S6",
    "security-plan-draft-sm2017",
    "security-response-S6",
    "security-response-sm2017",
  ]);
});

for (const file of files) {
  test(`LibreOffice opens ${file}: its headings, and what was typed, are in the PDF`, () => {
    const text = pdfText(file);
    const headings = JSON.parse(execFileSync("python3", ["-c", HEADINGS, path.join(DIR, file)], { encoding: "utf8" }));
    assert.ok(headings.length > 0, "the file has headings");
    // A document with a contents list names each heading there and again at its section.
    // (pdftotext joins a word hyphenated at a line's end, "pre-employment" to
    // "preemployment": hyphens are left out of this comparison.)
    const times = text.includes("Contents") ? 2 : 1;
    const unhyphenated = text.replace(/-/g, "");
    for (const h of headings) {
      const found = unhyphenated.split(squash(h).replace(/-/g, "")).length - 1;
      assert.ok(found >= times, `the heading "${h}" is in the PDF ${found} time(s), not ${times}`);
    }
    if (file.startsWith("security-plan-draft-S6")) {
      // ¶3.6.7(a), marked with an owner in the example.
      assert.match(text, /3\.6\.7\(a\)/);
      // (The owner's cell is narrow and LibreOffice may wrap it; pdftotext gives the cell's
      // lines in order, which squash() joins.)
      assert.ok(text.includes("Head of Security"), "the typed owner");
      assert.match(text, /How we meet this/);
      assert.ok(text.includes("Acme Care Ltd"), "the organisation on the title page");
    }
    if (file.startsWith("security-letters-S6")) {
      assert.ok(text.includes("HMPPS") && text.includes("Probation Service"), "a letter to each Customer");
    }
  });
}

// Word holds a file to the schema (the order of an element's children, the attributes and
// parts it allows) more strictly than LibreOffice, which opens nearly anything: docx-rs writes
// some elements out of order, and docx/src/schema_order.rs puts them in order.
test("each document is valid Office Open XML for Word: no finding of the validator", () => {
  for (const file of files) {
    let out;
    try {
      out = execFileSync("python3", ["-m", "openxml_audit", "-f", "microsoft365", "-m", "0", "-o", "json", path.join(DIR, file)], { encoding: "utf8" });
    } catch (e) {
      out = e.stdout; // (it exits non-zero on findings; the report says which)
    }
    const [report] = JSON.parse(out);
    const findings = report.errors.map((e) => `${e.description} (${e.part_uri} ${e.path})`);
    assert.equal(report.error_count, 0, `${file}:\n${findings.join("\n")}`);
    assert.equal(report.verdict.prediction, "opens-clean", `${file}: ${report.verdict.headline}`);
  }
});
