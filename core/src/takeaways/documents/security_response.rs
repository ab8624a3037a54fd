//! The security response for the Tender Response: the ¶1.3 statement
//! ([`statement`](crate::takeaways::statement)), why the level (the criteria table of the
//! why view; for 2017, the own-device verdict), where the schedule is unclear and the
//! reading applied, and the compliance table (every duty with its paragraph, due dates,
//! status, owner and evidence or note).
use super::{
    duty_table, title_page, Assessed, Block, Document, HeadingLevel, Inputs, Table, LANGUAGE,
};
use crate::assessment::matrix::LevelAssessment;
use crate::duties::DeviceVerdict;
use crate::takeaways::compliance::{paragraph, records};
use crate::takeaways::statement::{df_statement, sm_statement};

/// The heading of the compliance table.
pub const COMPLIANCE_HEADING: &str = "Compliance table";

/// The header of the criteria table.
pub const CRITERIA_HEADER: [&str; 5] = [
    "Criterion",
    "Your answer",
    "Annex cell",
    "Level",
    "Sets the level",
];

/// The security response.
pub fn security_response(inputs: &Inputs) -> Document {
    let title = match inputs.level() {
        Some(level) => format!("Security response: security level {level}"),
        None => "Security response: Schedule 2.4 (2017)".to_string(),
    };
    let mut blocks = Vec::new();
    title_page(&title, inputs, &mut blocks);
    blocks.push(Block::PageBreak);
    blocks.push(Block::Contents);
    blocks.push(Block::PageBreak);
    let statement_heading = match inputs.assessed {
        Assessed::Df(..) => "Statement under paragraph 1.3",
        Assessed::Sm2017(..) => "Statement",
    };
    blocks.push(Block::Heading(
        HeadingLevel::H1,
        statement_heading.to_string(),
    ));
    let statement = match inputs.assessed {
        Assessed::Df(a, r) => df_statement(a, r),
        Assessed::Sm2017(a, r) => sm_statement(a, r),
    };
    blocks.push(Block::Paragraph(crate::takeaways::statement::with_tender(
        statement,
        inputs.tender,
    )));
    match inputs.assessed {
        Assessed::Df(_, r) => why_level(&r.assessment, &mut blocks),
        Assessed::Sm2017(_, r) => own_devices(&r.verdict, &mut blocks),
    }
    unclear(inputs, &mut blocks);
    blocks.push(Block::PageBreak);
    blocks.push(Block::Heading(
        HeadingLevel::H1,
        COMPLIANCE_HEADING.to_string(),
    ));
    blocks.push(Block::Paragraph(
        "Every duty of this assessment, by subject, with its due dates and what has been recorded for it.".to_string(),
    ));
    let records = records(inputs.groups(), inputs.plan(), inputs.tracker);
    blocks.push(Block::Table(duty_table(&records)));
    Document {
        subject: format!(
            "Security response for the Tender Response: {}, {}",
            inputs.schedule().title(),
            inputs.level_words()
        ),
        title,
        language: LANGUAGE,
        blocks,
    }
}

fn why_level(s: &LevelAssessment, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(
        HeadingLevel::H1,
        format!("Why the level is {}", s.level),
    ));
    blocks.push(Block::Paragraph(format!(
        "Each criterion of the Annex Security Matrix, the level its cell gives for the answers, and which set the level. The level is the highest of them: {}, with the \"{}\" level of Standards under Schedule 2.3.",
        s.level, s.standards
    )));
    blocks.push(Block::Table(Table {
        header: CRITERIA_HEADER.iter().map(|h| h.to_string()).collect(),
        rows: s
            .criteria
            .iter()
            .map(|c| {
                vec![
                    c.criterion.label().to_string(),
                    c.answer.clone(),
                    format!("{} ({})", c.cell, c.cell_plain),
                    c.level.to_string(),
                    if c.deciding { "Yes" } else { "No" }.to_string(),
                ]
            })
            .collect(),
    }));
    if let Some(note) = s.standards_note {
        blocks.push(Block::Field {
            label: "Standards".to_string(),
            value: format!("{} {note}", s.standards),
        });
    }
}

fn own_devices(v: &DeviceVerdict, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(
        HeadingLevel::H1,
        "Own computers".to_string(),
    ));
    blocks.push(Block::Paragraph(v.headline.to_string()));
    blocks.push(Block::Paragraph(v.explanation.to_string()));
    if !v.conditions.is_empty() {
        blocks.push(Block::Bullets(
            v.conditions
                .iter()
                .map(|o| format!("{} {}", paragraph(o.reference), o.title))
                .collect(),
        ));
    }
}

fn unclear(inputs: &Inputs, blocks: &mut Vec<Block>) {
    let notes = match inputs.assessed {
        Assessed::Df(_, r) => r.assessment.ambiguities.as_slice(),
        Assessed::Sm2017(..) => &[],
    };
    let noted: Vec<_> = inputs
        .groups()
        .iter()
        .flat_map(|g| &g.items)
        .filter(|s| s.obligation.note.is_some())
        .collect();
    if notes.is_empty() && noted.is_empty() {
        return;
    }
    blocks.push(Block::Heading(
        HeadingLevel::H1,
        "Where the schedule is unclear".to_string(),
    ));
    blocks.push(Block::Paragraph(
        "Where the schedule can be read more than one way, the Supplier has applied the stricter reading and asks the Customer to confirm it before award.".to_string(),
    ));
    for n in notes {
        blocks.push(Block::Heading(HeadingLevel::H2, n.text.title.to_string()));
        blocks.push(Block::Field {
            label: "The schedule".to_string(),
            value: n.text.quote.to_string(),
        });
        let reading = match &n.detail {
            Some(d) => format!("{} {d}", n.text.reading),
            None => n.text.reading.to_string(),
        };
        blocks.push(Block::Field {
            label: "Reading applied".to_string(),
            value: reading,
        });
    }
    if !noted.is_empty() {
        blocks.push(Block::Heading(
            HeadingLevel::H2,
            "Drafting notes on the duties".to_string(),
        ));
        for s in noted {
            let o = s.obligation;
            blocks.push(Block::Heading(
                HeadingLevel::H3,
                format!("{} {}", paragraph(o.reference), o.title),
            ));
            blocks.push(Block::Paragraph(o.note.unwrap_or_default().to_string()));
        }
    }
}
