// The result's workspace of views (issue 14): the S6 example the issue measures, each
// view's document title, and the page count of a PDF.
import assert from 'node:assert/strict';

/**
 * The issue's S6 example: 3,000 data subjects (more than S5's "<2500"), 40 with special
 * category data and no professional recipient, £450,000, 36 months, access to MoJ systems,
 * no other contracts, commencement 1 April 2027. Only the Annex's S6 row admits 3,000.
 */
export const S6_EXAMPLE =
  '#schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&other=no&commencement=2027-04-01';

/** Every subject's view key and name (core `Category::key`, `Category::name`), in order. */
export const SUBJECTS = [
  ['certification', 'Certification'],
  ['governance', 'Governance'],
  ['data-handling', 'Data handling'],
  ['standards', 'Standards'],
  ['incidents', 'Incidents and notification'],
  ['business-continuity', 'Business continuity'],
  ['personnel', 'Personnel'],
  ['technical', 'Technical'],
  ['audit', 'Audit'],
  ['devices', 'Devices'],
];

const TITLE_END = 'Your result – Work out your security level';

/**
 * The heading of a view other than the summary (`level` is the DF level, null for the 2017
 * schedule), as the issue names them.
 */
export function viewHeading(key, level) {
  const subject = SUBJECTS.find(([k]) => `subject-${k}` === key);
  if (subject) return subject[1];
  const headings = {
    why: level ? `Why your level is ${level}` : 'Using your own computers',
    notes: 'Where the schedule is unclear',
    plan: 'Your dated plan',
    take: 'Take it with you',
    all: 'Your security obligations: all on one page',
  };
  assert.ok(key in headings, `unknown view ${key}`);
  return headings[key];
}

/** The document title of a view: "Your result – …" for the summary, else its heading first. */
export function viewTitle(key, level) {
  return key === 'summary' ? TITLE_END : `${viewHeading(key, level)} – ${TITLE_END}`;
}

/**
 * The number of pages of a PDF (Chromium's printToPDF output): its page objects,
 * `/Type /Page` (not `/Pages`), checked against the page tree root's `/Count`.
 * @param {Buffer} pdf
 */
export function pdfPageCount(pdf) {
  const text = pdf.toString('latin1');
  assert.ok(text.startsWith('%PDF-'), 'a PDF');
  const pages = (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) =>
    Number(m[1] ?? m[2]),
  );
  if (counts.length) assert.equal(pages, Math.max(...counts), 'page objects and the page tree agree');
  return pages;
}
