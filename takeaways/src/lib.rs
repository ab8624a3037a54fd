//! The take-aways module: the writers that only the download buttons need, out of the
//! app's WebAssembly. The production build (`scripts/postbuild.mjs`, step "takeaways")
//! builds this crate for `wasm32`, runs `wasm-bindgen --target web` and `wasm-opt`, and puts
//! the module inside `security-matrix-takeaways-<hash>.js`, which the app loads (through
//! `web/lazy-modules.js`, integrity-checked) the first time a file is asked for
//! (`src/edge.rs`, `make_takeaway`).
//!
//! It exports one function, [`takeaway`]: plain strings in (which file, the saved document
//! the app already writes, today's date, the time now), a plain object out. What each file
//! holds is the core's [`Takeaway::make`], the same function a build with the writers
//! inside the app calls, so nothing changes for the user. A new file (a `.docx`, say) is a
//! new [`Takeaway`] in the core; this module and the loading stay as they are.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use security_matrix_core::file::savefile::from_json;
use security_matrix_core::format::parse_iso_date;
use security_matrix_core::takeaways::download::{Takeaway, TakeawayFile, DOCX_MIME};
use wasm_bindgen::prelude::*;

/// The file `kind` (a [`Takeaway::key`]) for the saved document `document` (the JSON of
/// `savefile::to_json`), its result worked out for `today` (`YYYY-MM-DD`), with `now` (UTC,
/// `YYYY-MM-DDTHH:MM:SS…`, as `Date.prototype.toISOString` gives it) as the calendar's
/// `DTSTAMP`. `Err` says why in words.
pub fn make(kind: &str, document: &str, today: &str, now: &str) -> Result<TakeawayFile, String> {
    let (kind, document, today, now) = read(kind, document, today, now)?;
    kind.make(&document, today, now)
}

/// A Word document (`plan-draft`, `response`, `letters`) for the saved document
/// `document`, its result worked out for `today`: its file name and `.docx` bytes, written
/// by `security-matrix-docx` from the core's contents. `Err` says why in words (among
/// them: this result has no such document).
pub fn make_docx(kind: &str, document: &str, today: &str) -> Result<(String, Vec<u8>), String> {
    let (kind, document, today, _) = read(kind, document, today, "1970-01-01T00:00:00Z")?;
    let (name, model) = kind
        .document(&document, today)?
        .ok_or("this result has no such document (no plan required, or no Customer to notify)")?;
    let bytes = security_matrix_docx::write(&model).map_err(|e| e.to_string())?;
    Ok((name, bytes))
}

/// The arguments as the app gives them, read.
fn read(
    kind: &str,
    document: &str,
    today: &str,
    now: &str,
) -> Result<
    (
        Takeaway,
        security_matrix_core::file::savefile::Document,
        NaiveDate,
        NaiveDateTime,
    ),
    String,
> {
    let kind = Takeaway::from_key(kind).ok_or_else(|| format!("no take-away file {kind:?}"))?;
    let document = from_json(document)
        .map_err(|problems| problems.join(" "))?
        .document;
    let today = parse_iso_date(today).ok_or_else(|| format!("{today:?} is not a date"))?;
    let now = parse_utc(now).ok_or_else(|| format!("{now:?} is not a time"))?;
    Ok((kind, document, today, now))
}

/// `YYYY-MM-DDTHH:MM:SS`, and whatever follows (fractions, `Z`).
fn parse_utc(s: &str) -> Option<NaiveDateTime> {
    let date = parse_iso_date(s.get(..10)?)?;
    let time = s.get(10..19)?;
    let (sep, time) = time.split_at(1);
    if sep != "T" && sep != " " {
        return None;
    }
    let mut parts = time.split(':').map(|p| {
        (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    });
    let (h, m, sec) = (parts.next()??, parts.next()??, parts.next()??);
    Some(NaiveDate::and_time(
        &date,
        NaiveTime::from_hms_opt(h, m, sec)?,
    ))
}

/// [`make`] for the app: `{ name, mime, text }`, or, for a Word document ([`make_docx`]),
/// `{ name, mime, bytes }` (a `Uint8Array`); or a thrown string saying why not.
#[wasm_bindgen]
pub fn takeaway(kind: &str, document: &str, today: &str, now: &str) -> Result<JsValue, String> {
    if matches!(Takeaway::from_key(kind), Some(Takeaway::Document(_))) {
        let (name, bytes) = make_docx(kind, document, today)?;
        let object = js_sys::Object::new();
        let bytes = js_sys::Uint8Array::from(bytes.as_slice());
        for (key, value) in [
            ("name", JsValue::from(name)),
            ("mime", JsValue::from(DOCX_MIME)),
            ("bytes", bytes.into()),
        ] {
            js_sys::Reflect::set(&object, &key.into(), &value)
                .map_err(|_| "could not set the file's fields".to_string())?;
        }
        return Ok(object.into());
    }
    let file = make(kind, document, today, now)?;
    let object = js_sys::Object::new();
    for (key, value) in [
        ("name", file.name.as_str()),
        ("mime", file.mime),
        ("text", file.text.as_str()),
    ] {
        js_sys::Reflect::set(&object, &key.into(), &value.into())
            .map_err(|_| "could not set the file's fields".to_string())?;
    }
    Ok(object.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use security_matrix_core::file::link::from_fragment;
    use security_matrix_core::file::savefile::{to_json, Document};
    use security_matrix_core::file::tracker::{Status, Track, Tracker};
    use security_matrix_core::report::{df_report, sm_report};
    use security_matrix_core::takeaways::calendar_file::{ics_file_name, plan_ics};
    use security_matrix_core::takeaways::compliance::{compliance_csv, csv_file_name};
    use security_matrix_core::{EventId, Level, ObligationId, Schedule};

    const S6: &str = "schedule=df&subjects=3000&special=0&value=200000&months=18&access=no&commencement=2027-01-04";

    fn day(s: &str) -> NaiveDate {
        parse_iso_date(s).unwrap()
    }

    /// A DF document with a tracker entry that needs quoting and guarding, and an event date.
    fn df_document() -> Document {
        let mut tracker = Tracker::new();
        tracker.insert(
            ObligationId::parse("df-3-6-5").unwrap(),
            Track {
                status: Some(Status::InProgress),
                owner: "=cmd".into(),
                note: "Board, \"ISMP\"\nsigned".into(),
            },
        );
        let mut doc = Document {
            answers: from_fragment(S6).answers,
            tracker,
            ..Document::default()
        };
        let event = EventId::parse("ismp-non-approval").expect("a DF event");
        doc.event_dates.insert(event, day("2027-03-01"));
        doc
    }

    #[test]
    fn the_saved_document_reads_back_as_the_app_wrote_it() {
        let doc = df_document();
        assert_eq!(from_json(&to_json(&doc)).unwrap().document, doc);
    }

    #[test]
    fn the_compliance_matrix_is_the_core_writer_s_for_the_same_report() {
        let doc = df_document();
        let today = day("2026-11-22");
        let file = make(
            "compliance-matrix",
            &to_json(&doc),
            "2026-11-22",
            "2026-11-22T10:11:12.345Z",
        )
        .unwrap();
        let r = df_report(&doc.answers.df().unwrap(), &doc.event_dates, today);
        assert_eq!(
            file.text,
            compliance_csv(
                Schedule::Df,
                Some(Level::S6),
                &r.groups,
                &r.plan,
                &doc.tracker
            )
        );
        assert_eq!(
            file.name,
            csv_file_name(Some(Level::S6), Schedule::Df, today)
        );
        assert_eq!(file.name, "security-obligations-S6-2026-11-22.csv");
        assert_eq!(file.mime, "text/csv;charset=utf-8");
        assert!(file.text.contains("'=cmd,\"Board, \"\"ISMP\"\"\nsigned\""));
        // The clauses' words are built in here (no `lazy-words`).
        assert!(file
            .text
            .contains("No later than six (6) weeks prior to any Call-Off Commencement Date"));
    }

    #[test]
    fn the_calendar_is_the_core_writer_s_for_the_same_plan() {
        let doc = df_document();
        let today = day("2026-11-22");
        let now = today.and_hms_opt(10, 11, 12).unwrap();
        let file = make(
            "calendar",
            &to_json(&doc),
            "2026-11-22",
            "2026-11-22T10:11:12.345Z",
        )
        .unwrap();
        let r = df_report(&doc.answers.df().unwrap(), &doc.event_dates, today);
        assert_eq!(file.text, plan_ics(&r.plan, now));
        assert!(
            file.text.contains("DTSTAMP:20261122T101112Z"),
            "{}",
            file.text
        );
        assert_eq!(file.name, ics_file_name(&r.plan, Some(Level::S6)));
        assert_eq!(file.mime, "text/calendar;charset=utf-8");

        let sm = Document {
            answers: from_fragment("schedule=sm2017&effective=2026-12-14&own_devices=no").answers,
            ..Document::default()
        };
        let r = sm_report(&sm.answers.sm().unwrap(), &sm.event_dates, today);
        let file = make(
            "calendar",
            &to_json(&sm),
            "2026-11-22",
            "2026-11-22 10:11:12",
        )
        .unwrap();
        assert_eq!(file.text, plan_ics(&r.plan, now));
        assert_eq!(file.name, "security-plan-sm2017-2026-12-14.ics");
    }

    #[test]
    fn the_word_documents_are_the_docx_writer_s_of_the_core_s_contents() {
        let mut doc = df_document();
        doc.details.organisation = "Acme <Secure> Ltd".into();
        let json = to_json(&doc);
        let today = day("2026-11-22");
        for (key, stem) in [
            ("plan-draft", "security-plan-draft"),
            ("response", "security-response"),
        ] {
            let (name, bytes) = make_docx(key, &json, "2026-11-22").unwrap();
            assert_eq!(name, format!("{stem}-S6-2026-11-22.docx"));
            let kind = Takeaway::from_key(key).unwrap();
            let (_, model) = kind.document(&doc, today).unwrap().unwrap();
            assert_eq!(bytes, security_matrix_docx::write(&model).unwrap(), "{key}");
            assert!(bytes.starts_with(b"PK"), "{key}: a zip package");
        }
        // The details reach the title page; the file keeps them.
        assert_eq!(from_json(&json).unwrap().document.details, doc.details);
        // No other Customer to notify: no letters, and the reason in words.
        let err = make_docx("letters", &json, "2026-11-22").unwrap_err();
        assert!(err.contains("no such document"), "{err}");
        // A text file's key is not a Word document.
        assert!(make_docx("calendar", &json, "2026-11-22").is_err());
    }

    #[test]
    fn what_cannot_be_made_says_why() {
        let doc = to_json(&df_document());
        let now = "2026-11-22T10:11:12Z";
        assert!(make("docx", &doc, "2026-11-22", now)
            .unwrap_err()
            .contains("docx"));
        assert!(make("calendar", "{", "2026-11-22", now)
            .unwrap_err()
            .contains("JSON"));
        assert!(make("calendar", &doc, "22/11/2026", now)
            .unwrap_err()
            .contains("not a date"));
        assert!(make("calendar", &doc, "2026-11-22", "2026-11-22T25:00:00Z")
            .unwrap_err()
            .contains("not a time"));
        assert!(make("calendar", &doc, "2026-11-22", "2026-11-22").is_err());
        let incomplete = to_json(&Document {
            answers: from_fragment("schedule=df&subjects=3000").answers,
            ..Document::default()
        });
        assert!(make("calendar", &incomplete, "2026-11-22", now)
            .unwrap_err()
            .contains("not complete"));
    }
}
