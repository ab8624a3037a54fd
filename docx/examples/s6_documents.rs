//! Writes the three documents of the S6 example (`end2end/lib/workspace.mjs` S6_EXAMPLE),
//! with a few duties marked and owners typed, to a folder, for a person to open:
//!
//! ```sh
//! cargo run -p security-matrix-docx --example s6_documents -- /tmp/documents
//! ```
//!
//! The letters need Customers to notify, which the S6 example (no other contracts) has
//! not: they are written for the same answers with two other Call-Off Contracts. The
//! 2017 example's plan and response are written too. Today's date is the machine's (UTC).
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use security_matrix_core::dates::plan::EventDates;
use security_matrix_core::file::link::from_fragment;
use security_matrix_core::file::tracker::{Status, Track, Tracker};
use security_matrix_core::report::{df_report, sm_report};
use security_matrix_core::takeaways::documents::letters::letters;
use security_matrix_core::takeaways::documents::plan_draft::plan_draft;
use security_matrix_core::takeaways::documents::security_response::security_response;
use security_matrix_core::takeaways::documents::{
    file_name, Assessed, Document, DocumentDetails, Inputs, Kind,
};
use security_matrix_core::ObligationId;

/// The S6 example's answers, as a link fragment.
const S6: &str = "schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&other=no&commencement=2027-04-01";
/// The same with two other Call-Off Contracts whose level rises.
const S6_WITH_OTHERS: &str = "schedule=df&subjects=3000&special=40&professional=no&value=450000&months=36&access=yes&commencement=2027-04-01\
    &c1_customer=HMPPS&c1_name=Prison%20health&c1_subjects=10&c1_special=0&c1_level=S2\
    &c2_customer=Probation%20Service&c2_name=Unpaid%20work&c2_subjects=5&c2_special=0&c2_level=S3";
/// The 2017 example.
const SM: &str = "schedule=sm2017&effective=2026-12-14&own_devices=yes&marking=official-sensitive&bulk=no&long_term=yes";

fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()
        + chrono::Duration::days(i64::try_from(secs / 86_400).unwrap_or(0))
}

fn tracker() -> Tracker {
    let mut t = Tracker::new();
    let mut mark = |id: &str, status, owner: &str, note: &str| {
        let id = ObligationId::parse(id).expect("a duty of the catalogue");
        t.insert(
            id,
            Track {
                status: Some(status),
                owner: owner.into(),
                note: note.into(),
            },
        );
    };
    mark(
        "df-3-6-7-a",
        Status::InProgress,
        "Head of Security",
        "Gap analysis against ISO/IEC 27001 started in January",
    );
    mark(
        "df-3-6-7-b",
        Status::InPlace,
        "Chief Operating Officer",
        "Roles in the governance handbook, section 2",
    );
    mark(
        "df-3-6-11",
        Status::InPlace,
        "IT Manager",
        "Malware, patching and password policies v4",
    );
    mark("df-3-6-technical-1", Status::NotStarted, "IT Manager", "");
    mark("df-3-6-5", Status::InProgress, "Head of Security", "");
    mark(
        "sm2017-3-3-7",
        Status::InPlace,
        "Service Desk Lead",
        "Incident plan v3",
    );
    t
}

fn write(folder: &Path, name: String, doc: &Document) {
    let bytes = security_matrix_docx::write(doc).expect("a Word document");
    let path = folder.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    println!("{}", path.display());
}

fn main() {
    let folder = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "documents".into()),
    );
    std::fs::create_dir_all(&folder).expect("the folder");
    let today = today();
    let tracker = tracker();
    let details = DocumentDetails {
        organisation: "Acme Care Ltd".into(),
        contract: "Resettlement services, CO-2027-14".into(),
        customer: "Ministry of Justice".into(),
    };
    for fragment in [S6, S6_WITH_OTHERS] {
        let a = from_fragment(fragment).answers.df().expect("a DF link");
        let r = df_report(&a, &EventDates::new(), today);
        let inputs = Inputs {
            assessed: Assessed::Df(&a, &r),
            tracker: &tracker,
            today,
            details: &details,
            tender: None,
        };
        let level = Some(r.assessment.level);
        let schedule = inputs.schedule();
        if fragment == S6 {
            let plan = plan_draft(&inputs).expect("S6 requires a plan");
            write(
                &folder,
                file_name(Kind::PlanDraft, level, schedule, today),
                &plan,
            );
            let response = security_response(&inputs);
            write(
                &folder,
                file_name(Kind::SecurityResponse, level, schedule, today),
                &response,
            );
        } else {
            let letters = letters(&inputs).expect("two Customers to notify");
            write(
                &folder,
                file_name(Kind::Letters, level, schedule, today),
                &letters,
            );
        }
    }
    let a = from_fragment(SM).answers.sm().expect("a 2017 link");
    let r = sm_report(&a, &EventDates::new(), today);
    let inputs = Inputs {
        assessed: Assessed::Sm2017(&a, &r),
        tracker: &tracker,
        today,
        details: &details,
        tender: None,
    };
    let schedule = inputs.schedule();
    let plan = plan_draft(&inputs).expect("2017 requires a plan");
    write(
        &folder,
        file_name(Kind::PlanDraft, None, schedule, today),
        &plan,
    );
    let response = security_response(&inputs);
    write(
        &folder,
        file_name(Kind::SecurityResponse, None, schedule, today),
        &response,
    );
}
