// ============================================================================================
//  DEEP-LINK SCENARIO TABLE
// ============================================================================================
//
// Each row opens the production build at a URL fragment (a deep link that pre-fills every
// answer) and checks the rendered result. tests/scenarios.test.mjs turns every row into one
// test: adding a row is all it takes. While the table is empty, that test is reported as
// skipped (never as passed).
//
// A row:
//
//   {
//     // Optional: the test's name (the fragment is used when it is missing).
//     name: 'DF schedule: 3,000 data subjects, £200k, 18 months, no system access',
//
//     // The URL fragment, with its leading '#'.
//     fragment: '#schedule=df&subjects=3000&special=0&value=200000&months=18&access=no&commencement=2027-01-04',
//
//     // The exact text of [data-testid="level"] (whitespace is collapsed before comparing).
//     level: 'S2',
//
//     // The exact text of [data-testid="standards"] (whitespace collapsed).
//     standards: '…',
//
//     // Paragraph reference (the element's data-ref attribute) -> the datetime attribute of
//     // the <time> inside it. Several dates in one paragraph: an array, in document order.
//     // Each data-ref must match exactly one element.
//     dates: {
//       '2.3': '2027-02-01',
//       '4.1': ['2027-01-18', '2027-03-01'],
//     },
//   }
//
// Every row also runs the harness's checks (no request after load, none off 127.0.0.1, no
// CSP violation, no console error) and axe (WCAG 2.2 A and AA) on the result.
//
// The expected values must come from the schedules (core/sources/) worked by hand, never
// from running the app.
export const SCENARIOS = [
  // (none yet: the question flow and result page are being written)
];
