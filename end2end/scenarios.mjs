// ============================================================================================
//  DEEP-LINK SCENARIO TABLE
// ============================================================================================
//
// Each row opens the production build at a URL fragment (a deep link that pre-fills every
// answer) and checks the rendered result: the level, the Standards and the warnings on the
// summary the result opens on, then everything else on the "Everything on one page" view
// (opened through the task list), where every obligation and every plan row is.
// tests/scenarios.test.mjs turns every row into one test: adding a row is all it takes. While the table is empty, that test is reported as
// skipped (never as passed).
//
// A row:
//
//   {
//     // Optional: the test's name (the fragment is used when it is missing).
//     name: 'S5: 1,500 data subjects, 18 months',
//
//     // The URL fragment, with its leading '#'.
//     fragment: '#schedule=df&subjects=1500&special=0&value=45000&months=18&access=no&commencement=2027-01-04',
//
//     // The exact text of [data-testid="level"] (whitespace is collapsed before comparing);
//     // null for a 2017 row: that page has no level, and the hook must be absent.
//     level: 'S5',
//
//     // The exact text of [data-testid="standards"] (whitespace collapsed); null for 2017.
//     standards: 'Normal',
//
//     // Paragraph reference (data-ref) -> the datetime of every <time> inside the
//     // obligations [data-testid="obligation"][data-ref=…] citing it (several obligations may
//     // cite one paragraph), compared as a sorted list; the dated plan's rows
//     // [data-testid="plan-entry"][data-ref=…] (one per duty and rule, repeats folded into
//     // it, each date a <time>) must hold exactly the same dates. A string for one date; []
//     // for a paragraph that is listed but has no date.
//     dates: {
//       '3.5.1(b)(ii)': '2027-07-04',
//       '3.5.1(b)(iv)': ['2027-07-04'],
//     },
//
//     // Optional: ids of [data-testid="ambiguity"] notes (data-ambiguity) that must be shown.
//     ambiguities: ['worked-example-1-3'],
//
//     // Optional, 2017: a pattern the own-device verdict must match, and data-refs that
//     // must be (or must not be) among its conditions.
//     verdict: /may use your own computers/i,
//     conditions: ['Annex 1 Appendix (CIO), ¶4'],
//     notConditions: ['Annex 1 Appendix (CIO), ¶3'],
//
//     // Optional: the app disagrees with the hand-worked values, and why. The row still
//     // runs, but node's test runner reports it as "todo" rather than failing the suite
//     // (and says so if it starts to pass).
//     todo: 'reported: …',
//   }
//
// Every row also runs the harness's checks (no request after load, none off 127.0.0.1, no
// CSP violation, no console error) and axe (WCAG 2.2 A and AA) on the summary and on the
// all-on-one-page view.
//
// The expected values must come from the schedules (core/sources/) worked by hand, never
// from running the app. How each row's values were worked out is in the comment above it.
//
// How a DF level is read from the Annex Security Matrix: each cell is the ceiling of its
// column for that row ("<10", "0", "<£30k", "<12 months", "No" for S1 …); the level is the
// lowest row whose every cell admits the answers. Data subjects are counted across all the
// Supplier's Call-Off Contracts under the Framework (¶1.3). Standards (Schedule 2.3): none
// named for S1 (¶3.1 allows no electronic data); "Basic" for S2 (¶3.2.1(f)) and S3
// (¶3.3.1(b)(vii)); S4 "Basic" with Customer Data on a Supplier System only
// (¶3.4.1(b)(vii)) and "Normal" when a Customer Approved System is used (¶3.4.1(b)(viii));
// "Normal" for S5 (¶3.5.1(f)); "Enhanced" for S6 (¶3.6, Assurance).
//
// Dates: "six (6) months from the Call-Off Commencement Date" is the same day six calendar
// months later, clamped to the month's last day; "annually thereafter during the Call-Off
// Term" adds 12 months to that first date while it falls in the term, which for a term of
// N months from date C ends on C + N months less one day. "Six (6) weeks prior to" is 42 days
// before. Duties due "by no later than the date immediately prior to the date on which the
// Supplier … wishes to process the Customer Data" fall on the day before the Commencement
// Date on the result page's stated assumption that processing starts then. "No less than
// Quarterly" (¶3.6, Business Continuity, 3rd paragraph) is due by the last day of each
// quarter of the term, the last included: quarters start on C + 3, 6, 9… months (clamped)
// and end the day before the next, or on the term's last day. The ¶3.6.17 review "at least
// annually" falls 12, 24… months after the ¶3.6.5 deadline (42 days before C) while the term
// runs. The certificate copies of ¶3.5.1(b) and ¶3.6.1(b), "before the deadline for
// compliance", are due the day before each (b)(ii) and (b)(iv) deadline (once for a day
// that serves both). 2017 ¶3.2,
// "within twenty (20) Working Days after the Effective Date", is the 20th day after it that
// is not a Saturday, Sunday or England and Wales bank holiday.
export const SCENARIOS = [
  // S1. 9 data subjects (<10), no special category data (0), £29,999 (<£30k), 11 months
  // (<12), no access (No): every answer at the top of the S1 row. ¶3.1 keeps all Customer
  // Data out of electronic systems and names no Standards level: "None". ¶3.1.1 and ¶3.1.2
  // have no deadline, so they are listed without a date even with a commencement date.
  {
    name: 'S1: every answer at the top of the S1 row',
    fragment: '#schedule=df&subjects=9&special=0&value=29999&months=11&access=no&commencement=2027-01-04',
    level: 'S1',
    standards: 'None',
    dates: { '3.1.1': [], '3.1.2': [] },
  },

  // S2. 99 data subjects: S1 (<10) fails, S2 (<100) admits. £49,999: S1 (<£30k) fails, S2
  // (<£50k) admits. No special category data, 11 months, no access. ¶3.2.1(f): "Basic".
  // Commencement Monday 1 March 2027: ¶3.2.1(a) (Cyber Essentials Basic "by no later than
  // the date immediately prior to" processing) falls on 28 February 2027 (not a leap year).
  // ¶3.2.1(d), the Information Security Management Plan, has no deadline.
  {
    name: 'S2: every answer at the top of the S2 row; the day before 1 March 2027',
    fragment: '#schedule=df&subjects=99&special=0&value=49999&months=11&access=no&commencement=2027-03-01',
    level: 'S2',
    standards: 'Basic',
    dates: { '3.2.1(a)': '2027-02-28', '3.2.1(d)': [] },
  },

  // S3, special category data with a professional recipient. 999 data subjects (<1000), all
  // 999 with special category data, which S1 and S2 ("0") do not admit and S3 admits because
  // the "Recipient is a registered medical practitioner or other professional subject to a
  // professional duty of confidentiality". £99,999 is below S3's "£100k" whichever way it is
  // read; 11 months (<12); no access. ¶3.3.1(b)(vii): "Basic". Commencement Wednesday
  // 1 March 2028: ¶3.3.1(a) and ¶3.3.1(b)(i) are due the day before, 29 February 2028 (a
  // leap year).
  {
    name: 'S3: special category data received by a professional; the day before 1 March 2028',
    fragment:
      '#schedule=df&subjects=999&special=999&professional=yes&value=99999&months=11&access=no&commencement=2028-03-01',
    level: 'S3',
    standards: 'Basic',
    dates: { '3.3.1(a)': '2028-02-29', '3.3.1(b)(i)': '2028-02-29' },
  },

  // S4, access to MoJ systems. S1 to S3 print "No" for access; S4 "See options in security
  // requirements" admits it. 999 (<1000), no special category data, £99,999 (<£100k),
  // 11 months (<12). With access the Supplier uses a Customer Approved System:
  // ¶3.4.1(b)(viii), "Normal". No commencement date: ¶3.4.1(b)(i) is listed undated.
  {
    name: 'S4: access to MoJ systems, no commencement date',
    fragment: '#schedule=df&subjects=999&special=0&value=99999&months=11&access=yes',
    level: 'S4',
    standards: 'Normal',
    dates: { '3.4.1(b)(i)': [] },
  },

  // S5. 2,499 data subjects: S4 (<1000) fails, S5 (<2500) admits. £249,999: S4 (<£100k)
  // fails, S5 (<250k) admits. 23 months: S4 (<12) fails, S5 (<24) admits. 10 special
  // category data subjects, recipient not a professional: "Any" at S4 to S6. Access: S5 "Yes".
  // ¶3.5.1(f): "Normal". Commencement Tuesday 31 August 2027:
  //  - ¶3.5.1(b)(ii), six months: "31 February 2028", clamped to Tuesday 29 February 2028;
  //  - ¶3.5.1(b)(iv), the same and annually in the term: 29 February 2028 + 12 months is
  //    28 February 2029 (31 August 2027 + 18 months clamps to the same day); the term, 23
  //    months, ends on 30 July 2029, so 28 February 2030 is outside it;
  //  - ¶3.5.1(b)(i), before processing: 30 August 2027;
  //  - ¶3.5.1(b), the certificate copies, the day before each of those deadlines:
  //    28 February 2028 (for (b)(ii) and the first ITHC) and 27 February 2029.
  {
    name: 'S5: every answer at the top of the S5 row; six months from 31 August is 29 February',
    fragment:
      '#schedule=df&subjects=2499&special=10&professional=no&value=249999&months=23&access=yes&commencement=2027-08-31',
    level: 'S5',
    standards: 'Normal',
    dates: {
      '3.5.1(b)(ii)': '2028-02-29',
      '3.5.1(b)(iv)': ['2028-02-29', '2029-02-28'],
      '3.5.1(b)(i)': '2027-08-30',
      '3.5.1(b)': ['2028-02-28', '2029-02-27'],
    },
  },

  // S6. 2,501 data subjects: only S6 (">2500") admits them (and 36 months: only S6, "Any").
  // ¶3.6, Assurance: "Enhanced". Commencement Monday 15 February 2027:
  //  - ¶3.6.5: the plan "No later than six (6) weeks prior to any Call-Off Commencement
  //    Date", 42 days before: Monday 4 January 2027; and its changes "by no later than the
  //    date six (6) months from the Call-Off Commencement Date": 15 August 2027;
  //  - ¶3.6.1(b)(ii): 15 August 2027;
  //  - ¶3.6.1(b)(iv): 15 August 2027, 2028 and 2029; the 36-month term ends on
  //    14 February 2030;
  //  - ¶3.6.1(b), the certificate copies, the day before each: 14 August 2027, 2028, 2029;
  //  - ¶3.6.17, the plan reviewed 12 months after its 4 January 2027 deadline and yearly:
  //    4 January 2028, 2029 and 2030 (before 14 February 2030);
  //  - Business Continuity, 3rd paragraph, the Quarterly tests: quarters start on the
  //    15th of February, May, August and November, so each test is due on the 14th of
  //    May, August, November and February, from 14 May 2027 to 14 February 2030, the last
  //    day of the 12th quarter and of the term.
  {
    name: 'S6: 2,501 data subjects over 36 months; ISMP six weeks before commencement',
    fragment: '#schedule=df&subjects=2501&special=0&value=10000&months=36&access=yes&commencement=2027-02-15',
    level: 'S6',
    standards: 'Enhanced',
    dates: {
      '3.6.5': ['2027-01-04', '2027-08-15'],
      '3.6.1(b)(ii)': '2027-08-15',
      '3.6.1(b)(iv)': ['2027-08-15', '2028-08-15', '2029-08-15'],
      '3.6.1(b)': ['2027-08-14', '2028-08-14', '2029-08-14'],
      '3.6.17': ['2028-01-04', '2029-01-04', '2030-01-04'],
      '3.6, Business Continuity, 3rd paragraph': [
        '2027-05-14', '2027-08-14', '2027-11-14', '2028-02-14',
        '2028-05-14', '2028-08-14', '2028-11-14', '2029-02-14',
        '2029-05-14', '2029-08-14', '2029-11-14', '2030-02-14',
      ],
    },
  },

  // S6 over a six-month term. Commencement Monday 15 February 2027; the term ends on
  // 14 August 2027. ¶3.6.1(b)(ii), ISO/IEC 27001 "by no later than six (6) months from the
  // Call-Off Commencement Date": 15 August 2027. ¶3.6.1(b)(iv) has the same first deadline,
  // "by no later than six (6) months from the Call-Off Commencement Date and annually
  // thereafter during the Call-Off Term": "during the Call-Off Term" limits the yearly
  // repeats, of which none falls in this term, not the first deadline; so 15 August 2027
  // too, dated like ¶3.6.1(b)(ii) (both one day after the term). The certificate copy for
  // both, ¶3.6.1(b), the day before: 14 August 2027, the term's last day. ¶3.6.17: the plan
  // is due 4 January 2027, so its first review, 4 January 2028, is after the term: listed
  // without a date. The Quarterly tests: 14 May 2027 and 14 August 2027 (two quarters).
  {
    name: 'S6 over 6 months: the first CHECK ITHC is due six months from commencement like ISO 27001',
    fragment: '#schedule=df&subjects=2501&special=0&value=10000&months=6&access=yes&commencement=2027-02-15',
    level: 'S6',
    standards: 'Enhanced',
    dates: {
      '3.6.1(b)(ii)': '2027-08-15',
      '3.6.1(b)(iv)': '2027-08-15',
      '3.6.1(b)': '2027-08-14',
      '3.6.17': [],
      '3.6, Business Continuity, 3rd paragraph': ['2027-05-14', '2027-08-14'],
    },
  },

  // The aggregation example of ¶1.3: 1,000 data sets under a Call-Off Contract the Supplier
  // holds (at S3, "level 3 security requirements") and a new one "for a period of less than
  // 24 months" (18) with 2,000 more. The aggregate, 3,000, is more than 2,500: by the Annex
  // only S6 admits it, although ¶1.3 says S5 (the note on that must show), and this
  // contract alone (2,000) would be S5 (so the note on ¶1.2's "under each Call-Off
  // Contract" must show too). £200k (<250k) and access (Yes) would fit S5. "Enhanced".
  // Commencement Thursday 1 April 2027:
  //  - ¶3.6.5: 42 days before is Thursday 18 February 2027; six months: 1 October 2027;
  //  - ¶3.6.1(b)(iv): 1 October 2027; the 18-month term ends on 30 September 2028, so
  //    1 October 2028 is one day outside it.
  {
    name: '¶1.3 example: 2,000 here + 1,000 in another contract = 3,000, S6 by the Annex',
    fragment:
      '#schedule=df&subjects=2000&special=0&value=200000&months=18&access=yes&other_subjects=1000&other_special=0&current_level=S3&commencement=2027-04-01',
    level: 'S6',
    standards: 'Enhanced',
    dates: {
      '3.6.5': ['2027-02-18', '2027-10-01'],
      '3.6.1(b)(ii)': '2027-10-01',
      '3.6.1(b)(iv)': ['2027-10-01'],
    },
    ambiguities: ['worked-example-1-3', 'aggregate-each-or-all'],
  },

  // Exactly 2,500 data subjects: S5 admits "<2500" and S6 ">2500", so no row admits 2,500.
  // The stricter reading, the higher level, gives S6, "Enhanced", with the note shown.
  // (£10k, 6 months, access: S4 would admit those.)
  {
    name: 'exactly 2,500 data subjects: in neither S5 (<2500) nor S6 (>2500), S6 read strictly',
    fragment: '#schedule=df&subjects=2500&special=0&value=10000&months=6&access=yes',
    level: 'S6',
    standards: 'Enhanced',
    dates: {},
    ambiguities: ['subjects-2500'],
  },

  // £100,000 without access. S1 (<£30k) and S2 (<£50k) fail; S4 and S5 are clear: "<£100k"
  // fails, "<250k" admits. S3 prints "£100k" with no sign: read as "up to £100k" it would
  // admit £100,000 (S3); read like S4's "<£100k" it does not. The stricter reading gives S5,
  // "Normal" (¶3.5.1(f)), and the note must show. (50 subjects, 6 months, no access: S2.)
  {
    name: '£100,000 without access: S3\'s "£100k" read strictly, S5',
    fragment: '#schedule=df&subjects=50&special=0&value=100000&months=6&access=no',
    level: 'S5',
    standards: 'Normal',
    dates: {},
    ambiguities: ['value-100k'],
  },

  // £100,000 with access: access rules out S1 to S3 ("No"), S4 admits only "<£100k", S5
  // "<250k" admits it: S5 with no ambiguity, "Normal".
  {
    name: '£100,000 with access: not below S4\'s "<£100k", S5',
    fragment: '#schedule=df&subjects=50&special=0&value=100000&months=6&access=yes',
    level: 'S5',
    standards: 'Normal',
    dates: {},
  },

  // £99,999 with access: S4 admits "<£100k" and access: S4, with a Customer Approved System
  // "Normal" (¶3.4.1(b)(viii)).
  {
    name: '£99,999 with access: S4',
    fragment: '#schedule=df&subjects=50&special=0&value=99999&months=6&access=yes',
    level: 'S4',
    standards: 'Normal',
    dates: {},
    // The S4 access cell says only "See options in security requirements": read as
    // admitting access, with a note; the Standards line comes from route (b).
    ambiguities: ['access-s4'],
    standardsNote: /under route \(b\), ¶3\.4\.1\(b\)\(vii\) and \(viii\)/,
  },

  // ¶1.1, ¶1.3: one level for all Call-Off Contracts concurrently in place. This contract,
  // 50 + 10 data subjects, £40,000 (<£50k), 6 months, no access, is S2 by the Annex; the
  // other contracts are at S6, so S6 ("Enhanced") applies to this one too, with the note
  // on that reading, and no ¶1.4 notice (the level does not rise).
  {
    name: '¶1.1: a small contract beside contracts at S6 is S6, with no ¶1.4 notice',
    fragment: '#schedule=df&subjects=50&special=0&value=40000&months=6&access=no&other_subjects=10&other_special=0&current_level=S6',
    level: 'S6',
    standards: 'Enhanced',
    dates: {},
    ambiguities: ['one-level-all-contracts'],
    levelChange: null,
  },

  // The same contract when no level has been set for the others: S2 by the Annex ("Basic",
  // ¶3.2.1(f)); ¶1.4 says plainly that the change cannot be told, inventing none.
  {
    name: '¶1.4: no level set for the other contracts, said plainly',
    fragment: '#schedule=df&subjects=50&special=0&value=40000&months=6&access=no&other_subjects=10&other_special=0&current_level=none',
    level: 'S2',
    standards: 'Basic',
    dates: {},
    levelChange: /no level has been set for your other Call-Off Contracts/,
    notice: null,
  },

  // S1 (5 subjects, £1,000, 6 months, no access): nothing electronic at all (¶3.1.1,
  // ¶3.1.2), said prominently; no Standards level.
  {
    name: 'S1: no Customer Data held or sent electronically, said prominently',
    fragment: '#schedule=df&subjects=5&special=0&value=1000&months=6&access=no',
    level: 'S1',
    standards: 'None',
    dates: {},
    notice: /no Customer Data may be held or sent electronically at all/,
    standardsNote: null,
  },

  // 2017 schedule with an Effective Date, Friday 20 August 2027; no own computers. ¶3.2,
  // 20 Working Days after it, with the Summer bank holiday on Monday 30 August 2027:
  // 23–27 August (5), 31 August–3 September (9), 6–10 (14), 13–17 (19), Monday
  // 20 September 2027 (20). No S-level in this schedule. Without own computers the CIO
  // conditions on "these computing facilities" (¶1 to ¶5) do not apply.
  {
    name: '2017: Effective Date 20 August 2027, SMP 20 Working Days later over the Summer bank holiday',
    fragment: '#schedule=sm2017&effective=2027-08-20&own_devices=no',
    level: null,
    standards: null,
    dates: { '3.2': '2027-09-20' },
    verdict: /not using your own computers/i,
    notConditions: [1, 2, 3, 4, 5].map((n) => `Annex 1 Appendix (CIO), ¶${n}`),
  },

  // 2017 across Christmas: Effective Date Friday 18 December 2026. Christmas Day (Friday
  // 25 December), Boxing Day's substitute (Monday 28 December, the 26th being a Saturday)
  // and New Year's Day (Friday 1 January 2027) are bank holidays: 21–24 December (4),
  // 29–31 December (7), 4–8 January (12), 11–15 January (17), 18–20 January (20):
  // Wednesday 20 January 2027. Own computers, OFFICIAL data, no bulk: they may be used on
  // the CIO conditions, including disk encryption to FIPS140-2 or CAPS (¶3), but not the
  // OFFICIAL-SENSITIVE rule (¶4).
  {
    name: '2017: Effective Date 18 December 2026, SMP over Christmas and New Year',
    fragment: '#schedule=sm2017&effective=2026-12-18&own_devices=yes&marking=official&bulk=no',
    level: null,
    standards: null,
    dates: { '3.2': '2027-01-20' },
    verdict: /may use your own computers/i,
    conditions: ['Annex 1 Appendix (CIO), ¶3'],
    notConditions: ['Annex 1 Appendix (CIO), ¶4'],
  },

  // CIO ¶4: "If long term access to OFFICIAL SENSITIVE data is required MoJ computing
  // facilities must be provided". Own computers, OFFICIAL-SENSITIVE, long-term, no bulk:
  // MoJ facilities. The SMP date is the one worked out above for 20 August 2027.
  {
    name: '2017: long-term access to OFFICIAL-SENSITIVE data needs MoJ computing facilities',
    fragment: '#schedule=sm2017&effective=2027-08-20&own_devices=yes&marking=official-sensitive&long_term=yes&bulk=no',
    level: null,
    standards: null,
    dates: { '3.2': '2027-09-20' },
    verdict: /must use MoJ computing facilities[\s\S]*¶4/,
  },
];
