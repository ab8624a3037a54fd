//! The ¶1.4 letters: one letter per Customer of the other Call-Off Contracts whose level
//! the award changes ([`notices`](crate::takeaways::notices)), each starting on a new
//! page, dated. Only for DF, and only when there is a Customer to notify.
use super::{Assessed, Block, Document, HeadingLevel, Inputs, LANGUAGE};
use crate::format::long_date;
use crate::takeaways::notices::notices;

/// The letters, or `None` when there is no Customer to notify (or the schedule is 2017).
pub fn letters(inputs: &Inputs) -> Option<Document> {
    let Assessed::Df(a, r) = inputs.assessed else {
        return None;
    };
    let other = a.other.as_ref()?;
    let to = r.assessment.level;
    let notices = notices(other, to);
    if notices.is_empty() {
        return None;
    }
    let mut blocks = Vec::new();
    for (i, n) in notices.iter().enumerate() {
        if i > 0 {
            blocks.push(Block::PageBreak);
        }
        blocks.push(Block::Heading(
            HeadingLevel::H1,
            format!("Letter to {}", n.customer),
        ));
        if !inputs.details.organisation.trim().is_empty() {
            blocks.push(Block::Paragraph(inputs.details.organisation.clone()));
        }
        blocks.push(Block::Paragraph(long_date(inputs.today)));
        // The draft's paragraphs are separated by blank lines; the lines of its list of
        // contracts stay one paragraph, a line each.
        for part in n.draft.split("\n\n") {
            let part = part.trim_end_matches('\n');
            if !part.is_empty() {
                blocks.push(Block::Paragraph(part.to_string()));
            }
        }
    }
    Some(Document {
        title: format!("Notices under paragraph 1.4: security level {to}"),
        subject: format!(
            "Letters to the Customers of other Call-Off Contracts whose security level becomes {to} (DF Schedule 2.4, paragraph 1.4)"
        ),
        language: LANGUAGE,
        blocks,
    })
}
