//! The draft plan: the DF Information Security Management Plan at the level that requires
//! one (S2 to S6), or the 2017 Security Management Plan, pre-filled from the assessment.
//!
//! In order: a title page; the contents list; "About this draft" (where the schedule
//! requires the plan, in its words); one section per content requirement the schedule
//! lists, in the schedule's order (the requirement quoted with its paragraph, what it asks
//! in plain English, the duties of this assessment that bear on it with their due dates,
//! status, owner and note, and the "How we meet this" placeholder); where the schedule
//! lists no contents (DF S2 to S5), one section per subject of the task list instead, and
//! a sentence that says so; the approval timetable; the reviews; where the schedule is
//! unclear about the plan; an annex with every duty of the assessment.
use std::collections::BTreeSet;

use super::plans::{duty_ids, plan_spec, required_plan_name, PlanSpec};
use super::{
    dates_text, duty_table, title_page, Block, Document, HeadingLevel, Inputs, Table, LANGUAGE,
};
use crate::dates::plan::Plan;
use crate::duties::{ObligationId, Selected};
use crate::format::long_date;
use crate::report::ObligationGroup;
use crate::takeaways::compliance::{paragraph, record, DutyRecord};

/// The placeholder's prompt in a requirement's section.
pub const REQUIREMENT_PROMPT: &str =
    "Describe how your organisation meets this requirement: the policy, process or control, who owns it and where the evidence is kept.";

/// The placeholder's prompt in a subject's section (DF S2 to S5).
pub const SUBJECT_PROMPT: &str =
    "Describe the processes and procedures you have in place for this subject, who owns them and where the evidence is kept.";

/// The heading of the section that lists every duty.
pub const ANNEX_HEADING: &str = "Annex: every duty of this assessment";

/// The heading of the approval timetable.
pub const TIMETABLE_HEADING: &str = "Approval timetable";

/// The plan the assessment requires, if the schedule requires one at its level and one of
/// its submission duties is among the assessment's duties (none at DF S1; none at S3 or
/// S4 on route (a), where the schedule asks for no plan).
pub fn required_plan(inputs: &Inputs) -> Option<&'static PlanSpec> {
    required_plan_name(
        inputs.schedule(),
        inputs.level(),
        selected(inputs).map(|s| s.obligation.id),
    )?;
    plan_spec(inputs.schedule(), inputs.level())
}

/// The assessment's selected duties, in the groups' order.
fn selected<'a>(inputs: &Inputs<'a>) -> impl Iterator<Item = &'a Selected> {
    inputs.groups().iter().flat_map(|g| &g.items)
}

/// The records of those of `ids` that the assessment selected, in `ids`' order.
fn records_of<'a>(inputs: &Inputs<'a>, ids: &[ObligationId]) -> Vec<DutyRecord<'a>> {
    ids.iter()
        .filter_map(|id| selected(inputs).find(|s| s.obligation.id == *id))
        .map(|s| record(s, inputs.plan(), inputs.tracker.get(&s.obligation.id)))
        .collect()
}

/// The dates of a duty in the plan.
fn dates_of(plan: &Plan, id: ObligationId) -> Vec<chrono::NaiveDate> {
    plan.dated
        .iter()
        .filter(|e| e.obligation.id == id)
        .map(|e| e.date)
        .collect()
}

/// The draft plan, or `None` when the assessment requires no plan ([`required_plan`]).
pub fn plan_draft(inputs: &Inputs) -> Option<Document> {
    let spec = required_plan(inputs)?;
    let title = format!("{} (draft)", spec.name);
    let mut blocks = Vec::new();
    title_page(&title, inputs, &mut blocks);
    blocks.push(Block::PageBreak);
    blocks.push(Block::Contents);
    blocks.push(Block::PageBreak);
    about(spec, inputs, &mut blocks);
    if spec.requirements.is_empty() {
        by_subject(spec, inputs, &mut blocks);
    } else {
        by_requirement(spec, inputs, &mut blocks);
    }
    timetable(spec, inputs, &mut blocks);
    reviews(spec, inputs, &mut blocks);
    unclear(spec, inputs, &mut blocks);
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading(HeadingLevel::H1, ANNEX_HEADING.to_string()));
    blocks.push(Block::Paragraph(
        "Every duty this assessment found, by subject, with what you have recorded for it."
            .to_string(),
    ));
    for g in inputs.groups() {
        subject_duties(inputs, g, &mut blocks);
    }
    Some(Document {
        subject: format!(
            "Draft {} for {}, {}, pre-filled from the Security Matrix self-assessment",
            spec.name,
            inputs.schedule().title(),
            inputs.level_words()
        ),
        title,
        language: LANGUAGE,
        blocks,
    })
}

fn about(spec: &PlanSpec, inputs: &Inputs, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(
        HeadingLevel::H1,
        "About this draft".to_string(),
    ));
    blocks.push(Block::Paragraph(format!(
        "This is a draft of the {} that {} requires. It was pre-filled on {} from a self-assessment ({}): each section quotes what the schedule asks, lists the duties of the assessment that bear on it with what you have recorded, and leaves a marked place, \u{201c}How we meet this\u{201d}, for your own text. Replace every placeholder before you submit the plan.",
        spec.name,
        inputs.schedule().title(),
        long_date(inputs.today),
        inputs.level_words(),
    )));
    blocks.push(Block::Paragraph(format!(
        "Where the schedule requires the plan (paragraph {}):",
        spec.purpose.reference
    )));
    blocks.push(Block::Quote {
        reference: paragraph(spec.purpose.reference).into_owned(),
        text: spec.purpose.quote.to_string(),
    });
}

fn by_requirement(spec: &PlanSpec, inputs: &Inputs, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(
        HeadingLevel::H1,
        "What the plan must contain".to_string(),
    ));
    if let Some(lead_in) = spec.lead_in {
        blocks.push(Block::Paragraph(format!(
            "The sections follow the schedule's list, in its order (paragraph {}):",
            lead_in.reference
        )));
        blocks.push(Block::Quote {
            reference: paragraph(lead_in.reference).into_owned(),
            text: lead_in.quote.to_string(),
        });
    }
    for r in spec.requirements {
        blocks.push(Block::Heading(
            HeadingLevel::H2,
            format!("{} {}", paragraph(r.text.reference), r.title),
        ));
        blocks.push(Block::Quote {
            reference: paragraph(r.text.reference).into_owned(),
            text: r.text.quote.to_string(),
        });
        blocks.push(Block::Field {
            label: "What it asks".to_string(),
            value: r.plain.to_string(),
        });
        blocks.push(Block::Heading(
            HeadingLevel::H3,
            "Duties of this assessment that bear on it".to_string(),
        ));
        let records = records_of(inputs, &duty_ids(r.duties));
        if records.is_empty() {
            blocks.push(Block::Paragraph(
                "None of this assessment's duties bears on it directly.".to_string(),
            ));
        } else {
            blocks.push(Block::Table(duty_table(&records)));
        }
        blocks.push(Block::Placeholder(REQUIREMENT_PROMPT.to_string()));
    }
}

/// The sentence that says the sections follow the subjects.
pub fn by_subject_sentence(spec: &PlanSpec) -> String {
    format!(
        "The schedule lists no contents for the {} at this level: paragraph {} gives only its purpose. The sections below therefore follow the subjects of your task list, each with the duties of this assessment on that subject.",
        spec.name, spec.purpose.reference
    )
}

fn by_subject(spec: &PlanSpec, inputs: &Inputs, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(
        HeadingLevel::H1,
        "What the plan must cover".to_string(),
    ));
    blocks.push(Block::Paragraph(by_subject_sentence(spec)));
    for g in inputs.groups() {
        subject_duties(inputs, g, blocks);
        blocks.push(Block::Placeholder(SUBJECT_PROMPT.to_string()));
    }
}

/// A subject's heading (level 2) and the table of its duties with what was recorded: the
/// annex's sections, and the by-subject sections of a plan whose contents the schedule does
/// not list.
fn subject_duties(inputs: &Inputs, g: &ObligationGroup, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(
        HeadingLevel::H2,
        g.category.name().to_string(),
    ));
    let records: Vec<DutyRecord> = g
        .items
        .iter()
        .map(|s| record(s, inputs.plan(), inputs.tracker.get(&s.obligation.id)))
        .collect();
    blocks.push(Block::Table(duty_table(&records)));
}

fn timetable(spec: &PlanSpec, inputs: &Inputs, blocks: &mut Vec<Block>) {
    let plan = inputs.plan();
    let a = &spec.approval;
    blocks.push(Block::Heading(
        HeadingLevel::H1,
        TIMETABLE_HEADING.to_string(),
    ));
    let submission: Vec<_> = duty_ids(spec.submission)
        .into_iter()
        .flat_map(|id| dates_of(plan, id))
        .collect();
    let no_date = match plan.needs_start {
        Some(message) => format!("No date yet. {message}"),
        None => "No date is set by the schedule: agree it with the Customer".to_string(),
    };
    let event_due = |duty: &str| {
        duty_ids(&[duty])
            .into_iter()
            .flat_map(|id| {
                plan.event_duties
                    .iter()
                    .filter(move |e| e.obligation.id == id)
                    .filter_map(|e| e.due)
            })
            .collect::<Vec<_>>()
    };
    let when = |days: u32, after: &str, due: Vec<chrono::NaiveDate>| {
        let rule = format!("Within {days} Working Days {after}");
        if due.is_empty() {
            rule
        } else {
            format!("{rule}: by {}", dates_text(&due, ""))
        }
    };
    blocks.push(Block::Table(Table {
        header: vec!["Step".into(), "Paragraph".into(), "When".into()],
        rows: vec![
            vec![
                "Submit the plan for approval".into(),
                paragraph(spec.purpose.reference).into_owned(),
                dates_text(&submission, &no_date),
            ],
            vec![
                "If it is not approved: amend it and re-submit it".into(),
                paragraph(a.reference).into_owned(),
                when(
                    a.amend_days,
                    "of the notice of non-approval",
                    event_due(a.amend_duty),
                ),
            ],
            vec![
                "Approval, at the latest".into(),
                paragraph(a.reference).into_owned(),
                when(
                    a.approve_days,
                    "of the first submission (or as the Parties agree in writing)",
                    event_due(a.approve_duty),
                ),
            ],
        ],
    }));
    blocks.push(Block::Quote {
        reference: paragraph(a.reference).into_owned(),
        text: a.amend.to_string(),
    });
    blocks.push(Block::Quote {
        reference: paragraph(a.reference).into_owned(),
        text: a.approve.to_string(),
    });
}

fn reviews(spec: &PlanSpec, inputs: &Inputs, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(HeadingLevel::H1, "Reviews".to_string()));
    let ids = duty_ids(spec.review);
    let reviews = records_of(inputs, &ids);
    if reviews.is_empty() {
        blocks.push(Block::Paragraph(
            "The schedule sets no review of the plan at this level; review it when the Services, the risks or the Customer's requirements change.".to_string(),
        ));
        return;
    }
    for r in &reviews {
        blocks.push(Block::Paragraph(format!(
            "{} {}.",
            paragraph(r.obligation.reference),
            r.obligation.title
        )));
        if r.due.is_empty() {
            blocks.push(Block::Paragraph(
                "No review date yet: the dates follow once the plan's start date is known."
                    .to_string(),
            ));
        } else {
            blocks.push(Block::Bullets(
                r.due.iter().map(|d| long_date(*d)).collect(),
            ));
        }
    }
}

fn unclear(spec: &PlanSpec, inputs: &Inputs, blocks: &mut Vec<Block>) {
    // The duties of the plan: its requirements', submission's, approval paragraph's and
    // reviews', where the assessment selected them and the catalogue notes a reading.
    let mut ids: Vec<ObligationId> = duty_ids(spec.submission);
    ids.extend(spec.requirements.iter().flat_map(|r| duty_ids(r.duties)));
    ids.extend(duty_ids(spec.review));
    ids.extend(
        selected(inputs)
            .filter(|s| s.obligation.reference == spec.approval.reference)
            .map(|s| s.obligation.id),
    );
    let mut seen = BTreeSet::new();
    let noted: Vec<&Selected> = ids
        .into_iter()
        .filter(|id| seen.insert(*id))
        .filter_map(|id| selected(inputs).find(|s| s.obligation.id == id))
        .filter(|s| s.obligation.note.is_some())
        .collect();
    if spec.notes.is_empty() && noted.is_empty() {
        return;
    }
    blocks.push(Block::Heading(
        HeadingLevel::H1,
        "Where the schedule is unclear".to_string(),
    ));
    blocks.push(Block::Paragraph(
        "Where the schedule can be read more than one way, this draft applies the stricter reading. Ask the Customer to confirm it.".to_string(),
    ));
    for n in spec.notes {
        blocks.push(Block::Heading(HeadingLevel::H2, n.title.to_string()));
        blocks.push(Block::Quote {
            reference: String::new(),
            text: n.quote.to_string(),
        });
        blocks.push(Block::Field {
            label: "Reading applied".to_string(),
            value: n.reading.to_string(),
        });
    }
    for s in noted {
        let o = s.obligation;
        blocks.push(Block::Heading(
            HeadingLevel::H2,
            format!("{} {}", paragraph(o.reference), o.title),
        ));
        blocks.push(Block::Field {
            label: "Reading applied".to_string(),
            value: o.note.unwrap_or_default().to_string(),
        });
    }
}
