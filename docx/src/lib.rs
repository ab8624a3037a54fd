//! The Word writer: turns a document of the rules core's model
//! ([`security_matrix_core::takeaways::documents::Document`]) into the bytes of a `.docx`
//! file (Office Open XML) that Word, LibreOffice and Google Docs open.
//!
//! Built on `docx-rs` (0.4, `default-features = false`: no `image` feature, so no image
//! decoder is compiled in). What the file holds for those who cannot see the page:
//!
//! - headings in Word's own Heading 1–3 styles (style ids `Heading1`…`Heading3`, named
//!   "heading 1"… as Word's built-in styles are, with their outline level), so that Word's
//!   navigation pane, the contents list and screen readers follow them;
//! - every table's first row marked as a header row that repeats on each page
//!   (`<w:tblHeader/>`);
//! - the language, en-GB, as the document default (`<w:lang>` in `styles.xml`) and in the
//!   core properties; the title and subject in the core properties (`docProps/core.xml`);
//! - bulleted lists as real Word lists, page breaks as page breaks, the contents list as a
//!   Word contents field filled with the headings of level 1 and 2;
//! - the "How we meet this" placeholder as a shaded, bordered paragraph whose text starts
//!   "How we meet this:".
//!
//! `docx-rs` 0.4.22 has no API for three of these: a row's `tblHeader`, the document's
//! language and the core properties' title and subject; nor does it write a theme, which
//! Word expects (`theme1.xml`: the headings' colour, the body's font). The writer adds them to the parts
//! `docx-rs` builds before it zips them ([`patch`]): each is an insertion at one fixed,
//! tested place, with the values escaped here. Then the children `docx-rs` writes out of
//! the schema's order are put in it (`schema_order.rs`: Word is stricter about it than
//! LibreOffice).
//!
//! Every text is written as text: `docx-rs` escapes `&`, `<`, `>`, `"` and `'` in text
//! runs, so a user's `<w:t>`, `]]>` or `=HYPERLINK("x")` stays those characters, never
//! markup, a field or a hyperlink. Characters XML 1.0 cannot hold (the C0 control
//! characters other than tab, line feed and carriage return, and U+FFFE, U+FFFF) are
//! **replaced** by U+FFFD, the replacement character, so the reader sees that something
//! was there ([`clean`]); C1 control characters, which XML 1.0 allows but Word does not
//! show, are replaced too. A line break in a text becomes a line break (`<w:br/>`), a tab
//! a tab; right-to-left marks and emoji are kept as they are.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod schema_order;

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, BorderType, BreakType, Docx, FieldCharType, IndentLevel, InstrText,
    InstrToC, Level, LevelJc, LevelText, NumberFormat, Numbering, NumberingId, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Shading, ShdType,
    SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableRow, WidthType,
};
use security_matrix_core::takeaways::documents::{
    Block, Document, Table as ModelTable, PLACEHOLDER_LABEL,
};

/// The style ids the writer defines.
pub mod styles {
    /// The title page's title.
    pub const TITLE: &str = "Title";
    /// Heading 1–3, by level.
    pub const HEADINGS: [&str; 3] = ["Heading1", "Heading2", "Heading3"];
    /// A schedule's words.
    pub const QUOTE: &str = "Quote";
    /// The "How we meet this" placeholder.
    pub const PLACEHOLDER: &str = "Placeholder";
    /// A bulleted list's paragraphs.
    pub const LIST: &str = "ListBullet";
    /// The contents list's heading (a styled paragraph, not a heading, so that it is not
    /// listed in itself).
    pub const CONTENTS_TITLE: &str = "TOCHeading";
    /// The contents list's entries, by level ("toc 1", "toc 2").
    pub const TOC: [&str; 2] = ["TOC1", "TOC2"];
}

/// The numbering id of the bulleted lists.
const BULLETS: usize = 2;

/// Why a document could not be written.
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "could not write the Word document: {}", self.0)
    }
}

impl std::error::Error for Error {}

/// A text made fit for XML 1.0 and Word: `\r\n` and a lone `\r` become `\n`; every other
/// control character but tab and line feed, and U+FFFE and U+FFFF, becomes U+FFFD.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\t' | '\n' => out.push(c),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Runs for a text: cleaned ([`clean`]), a line break for each `\n`, a tab for each `\t`;
/// `style` makes each run bold or italic.
fn runs(text: &str, style: fn(Run) -> Run) -> Vec<Run> {
    let text = clean(text);
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let mut run = style(Run::new());
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            if !part.is_empty() {
                run = run.add_text(part);
            }
        }
        out.push(run);
    }
    out
}

fn plain(run: Run) -> Run {
    run
}

fn bold(run: Run) -> Run {
    run.bold()
}

fn italic(run: Run) -> Run {
    run.italic()
}

/// A paragraph of `text`'s runs.
fn paragraph(text: &str, style: fn(Run) -> Run) -> Paragraph {
    runs(text, style)
        .into_iter()
        .fold(Paragraph::new(), Paragraph::add_run)
}

/// The styles: Word's built-in names, so that Word, LibreOffice and screen readers
/// recognise the headings.
fn add_styles(docx: Docx) -> Docx {
    let heading = |level: usize, size: usize| {
        Style::new(styles::HEADINGS[level - 1], StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .ui_priority(9)
            .outline_lvl(level - 1)
            .bold()
            .size(size)
            .color("1F3864")
    };
    let border = |position| {
        ParagraphBorder::new(position)
            .val(BorderType::Single)
            .size(12)
            .space(4)
            .color("7F7F7F")
    };
    let placeholder = Style::new(styles::PLACEHOLDER, StyleType::Paragraph)
        .name("Placeholder")
        .based_on("Normal")
        .next("Normal")
        .q_format(true);
    let mut placeholder = placeholder;
    placeholder.paragraph_property = placeholder
        .paragraph_property
        .shading(
            Shading::new()
                .shd_type(ShdType::Clear)
                .color("auto")
                .fill("FFF2CC"),
        )
        .set_borders(
            ParagraphBorders::with_empty()
                .set(border(ParagraphBorderPosition::Top))
                .set(border(ParagraphBorderPosition::Left))
                .set(border(ParagraphBorderPosition::Bottom))
                .set(border(ParagraphBorderPosition::Right)),
        );
    docx.default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(22)
        .add_style(
            Style::new(styles::TITLE, StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .bold()
                .size(48)
                .color("1F3864"),
        )
        .add_style(heading(1, 36))
        .add_style(heading(2, 30))
        .add_style(heading(3, 26))
        .add_style(
            Style::new(styles::QUOTE, StyleType::Paragraph)
                .name("Quote")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .italic()
                .indent(Some(720), None, Some(720), None),
        )
        .add_style(placeholder)
        .add_style(
            Style::new(styles::LIST, StyleType::Paragraph)
                .name("List Bullet")
                .based_on("Normal"),
        )
        .add_style(
            Style::new(styles::TOC[0], StyleType::Paragraph)
                .name("toc 1")
                .based_on("Normal")
                .next("Normal"),
        )
        .add_style(
            Style::new(styles::TOC[1], StyleType::Paragraph)
                .name("toc 2")
                .based_on("Normal")
                .next("Normal")
                .indent(Some(440), None, None, None),
        )
        .add_style(
            Style::new(styles::CONTENTS_TITLE, StyleType::Paragraph)
                .name("TOC Heading")
                .based_on("Normal")
                .next("Normal")
                .bold()
                .size(36)
                .color("1F3864"),
        )
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("\u{2022}"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(720),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS))
}

/// A table: its header row marked (`cant_split` here, turned into a repeating header row
/// by [`patch`]), its cells' texts as runs; the header's bold and shaded.
fn table(t: &ModelTable) -> Table {
    let cell = |text: &str, header: bool| {
        let p = paragraph(text, if header { bold } else { plain });
        let c = TableCell::new().add_paragraph(p);
        if header {
            c.shading(
                Shading::new()
                    .shd_type(ShdType::Clear)
                    .color("auto")
                    .fill("D9E2F3"),
            )
        } else {
            c
        }
    };
    let widths = column_widths(t);
    let row = |cells: &[String], header: bool| {
        TableRow::new(
            cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| cell(c, header).width(*w, WidthType::Dxa))
                .collect(),
        )
    };
    let header = row(&t.header, true).cant_split();
    let rows = t.rows.iter().map(|r| row(r, false));
    Table::new(std::iter::once(header).chain(rows).collect())
        .set_grid(widths.clone())
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// The width of the text on the page, in twentieths of a point: A4 (11,906) less
/// `docx-rs`'s default margins (1,701 left, 1,701 right).
const TEXT_WIDTH: usize = 8_504;

/// Each column's width: first room for its longest word (up to 9 characters, at about
/// 100 twips a character, plus the cell's margins), so that short words are not broken;
/// what is
/// left of the page's text width then goes to the columns in proportion to their cells'
/// average length, so that a column of dates stays narrow and one of duties is wide.
fn column_widths(t: &ModelTable) -> Vec<usize> {
    let columns = t.header.len().max(1);
    let cells = |i: usize| {
        std::iter::once(&t.header)
            .chain(&t.rows)
            .filter_map(move |r| r.get(i))
    };
    let floor: Vec<usize> = (0..columns)
        .map(|i| {
            let word = cells(i)
                .flat_map(|c| c.split_whitespace())
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            word.clamp(4, 9) * 100 + 200
        })
        .collect();
    let weight: Vec<usize> = (0..columns)
        .map(|i| {
            let (n, len) = cells(i).fold((0, 0), |(n, len), c| (n + 1, len + c.chars().count()));
            (len / n.max(1)).clamp(1, 200)
        })
        .collect();
    let floors: usize = floor.iter().sum();
    if floors >= TEXT_WIDTH {
        return floor.iter().map(|f| TEXT_WIDTH * f / floors).collect();
    }
    let rest = TEXT_WIDTH - floors;
    let total: usize = weight.iter().sum();
    floor
        .iter()
        .zip(&weight)
        .map(|(f, w)| f + rest * w / total)
        .collect()
}

/// The document's body in `docx`.
fn add_blocks(mut docx: Docx, blocks: &[Block]) -> Docx {
    for block in blocks {
        docx = match block {
            Block::Title(text) => docx.add_paragraph(paragraph(text, plain).style(styles::TITLE)),
            Block::Heading(level, text) => {
                let style = styles::HEADINGS[usize::from(level.number()) - 1];
                docx.add_paragraph(paragraph(text, plain).style(style).keep_next(true))
            }
            Block::Paragraph(text) => docx.add_paragraph(paragraph(text, plain)),
            Block::Field { label, value } => {
                let p = Paragraph::new()
                    .add_run(Run::new().bold().add_text(clean(&format!("{label}: "))));
                docx.add_paragraph(runs(value, plain).into_iter().fold(p, Paragraph::add_run))
            }
            Block::Quote { reference, text } => {
                let mut p =
                    paragraph(&format!("\u{201c}{text}\u{201d}"), plain).style(styles::QUOTE);
                if !reference.is_empty() {
                    p = p.add_run(Run::new().add_text(clean(&format!(" ({reference})"))));
                }
                docx.add_paragraph(p)
            }
            Block::Bullets(items) => items.iter().fold(docx, |d, item| {
                d.add_paragraph(
                    paragraph(item, plain)
                        .style(styles::LIST)
                        .numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
                )
            }),
            Block::Placeholder(prompt) => {
                let p = Paragraph::new()
                    .style(styles::PLACEHOLDER)
                    .add_run(Run::new().bold().add_text(format!("{PLACEHOLDER_LABEL}: ")));
                docx.add_paragraph(runs(prompt, italic).into_iter().fold(p, Paragraph::add_run))
            }
            Block::Table(t) => docx.add_table(table(t)).add_paragraph(Paragraph::new()),
            Block::PageBreak => {
                docx.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
            }
            Block::Contents => contents(docx, blocks),
        };
    }
    docx
}

/// The contents list: a "Contents" line, then a Word contents field (`TOC \o "1-2"`)
/// whose shown result is already the document's headings of level 1 and 2, one paragraph
/// each in the "toc 1" and "toc 2" styles, without page numbers (Word adds them when the
/// field is updated); other readers show the list as written.
fn contents(docx: Docx, blocks: &[Block]) -> Docx {
    let entries: Vec<(u8, &str)> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(level, text) if level.number() <= 2 => {
                Some((level.number(), text.as_str()))
            }
            _ => None,
        })
        .collect();
    let mut docx = docx.add_paragraph(
        Paragraph::new()
            .style(styles::CONTENTS_TITLE)
            .add_run(Run::new().add_text("Contents")),
    );
    let begin = Run::new().add_field_char(FieldCharType::Begin, false);
    let instr =
        Run::new().add_instr_text(InstrText::TOC(InstrToC::new().heading_styles_range(1, 2)));
    let separate = Run::new().add_field_char(FieldCharType::Separate, false);
    let mut field = vec![begin, instr, separate];
    for (level, text) in entries {
        let mut p = Paragraph::new().style(styles::TOC[usize::from(level) - 1]);
        for run in field.drain(..) {
            p = p.add_run(run);
        }
        docx = docx.add_paragraph(runs(text, plain).into_iter().fold(p, Paragraph::add_run));
    }
    let end = Run::new().add_field_char(FieldCharType::End, false);
    let last = field.into_iter().fold(Paragraph::new(), Paragraph::add_run);
    docx.add_paragraph(last.add_run(end))
}

/// Writes `doc` as the bytes of a `.docx` file.
pub fn write(doc: &Document) -> Result<Vec<u8>, Error> {
    let docx = add_blocks(add_styles(Docx::new()), &doc.blocks);
    let mut parts = docx.build();
    patch(&mut parts, doc)?;
    for part in [
        &mut parts.document,
        &mut parts.styles,
        &mut parts.numberings,
        &mut parts.settings,
    ] {
        *part = schema_order::in_schema_order(part)?;
    }
    package(parts)
}

/// Zips the parts `docx-rs` built, and the theme, into the package (each part deflated).
/// `docx-rs`'s own `pack` writes its parts stored, and cannot take a part it does not
/// build; the documents have no headers, footers, images or add-ins, which it would add.
fn package(parts: docx_rs::XMLDocx) -> Result<Vec<u8>, Error> {
    let fail = |e: zip::result::ZipError| Error(e.to_string());
    if !(parts.headers.is_empty()
        && parts.footers.is_empty()
        && parts.media.is_empty()
        && parts.taskpanes.is_none()
        && parts.custom_items.is_empty())
    {
        return Err(Error("a part the package does not write".into()));
    }
    let files: [(&str, &[u8]); 14] = [
        ("[Content_Types].xml", &parts.content_type),
        ("_rels/.rels", &parts.rels),
        ("docProps/app.xml", &parts.doc_props.app),
        ("docProps/core.xml", &parts.doc_props.core),
        ("docProps/custom.xml", &parts.doc_props.custom),
        ("word/_rels/document.xml.rels", &parts.document_rels),
        ("word/document.xml", &parts.document),
        ("word/styles.xml", &parts.styles),
        ("word/settings.xml", &parts.settings),
        ("word/fontTable.xml", &parts.font_table),
        ("word/comments.xml", &parts.comments),
        ("word/numbering.xml", &parts.numberings),
        ("word/commentsExtended.xml", &parts.comments_extended),
        ("word/footnotes.xml", &parts.footnotes),
    ];
    let theme = [(THEME_PART, THEME.as_bytes())];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files.iter().chain(&theme) {
        zip.start_file(*name, deflated).map_err(fail)?;
        std::io::Write::write_all(&mut zip, bytes).map_err(|e| Error(e.to_string()))?;
    }
    Ok(zip.finish().map_err(fail)?.into_inner())
}

/// The document's theme (colours and fonts: Word expects one; the headings' colour and the
/// body's font), a part `docx-rs` does not write.
const THEME: &str = include_str!("theme1.xml");

/// Where the theme goes in the package.
const THEME_PART: &str = "word/theme/theme1.xml";

/// XML-escapes a text for an element's content or an attribute (after [`clean`]).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Inserts `what` before the first `at` of `part`, or fails naming `at`.
fn insert_before(part: &mut Vec<u8>, at: &str, what: &str, all: bool) -> Result<(), Error> {
    let text = std::str::from_utf8(part).map_err(|e| Error(e.to_string()))?;
    if !text.contains(at) {
        return Err(Error(format!("`{at}` not found in a part docx-rs built")));
    }
    let patched = if all {
        text.replace(at, &format!("{what}{at}"))
    } else {
        text.replacen(at, &format!("{what}{at}"), 1)
    };
    *part = patched.into_bytes();
    Ok(())
}

/// Adds what `docx-rs` has no API for: the header rows' `<w:tblHeader/>` (after the
/// `<w:cantSplit/>` only header rows carry), the document language in the style
/// defaults, the theme's relationship and content type, and the title, subject and
/// language in the core properties.
pub fn patch(parts: &mut docx_rs::XMLDocx, doc: &Document) -> Result<(), Error> {
    let document = std::str::from_utf8(&parts.document).map_err(|e| Error(e.to_string()))?;
    let marked = document.replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />");
    parts.document = marked.into_bytes();
    let lang = escape(doc.language);
    // The run defaults' properties: the language joins them.
    insert_before(
        &mut parts.styles,
        "</w:rPr></w:rPrDefault>",
        &format!("<w:lang w:val=\"{lang}\" w:eastAsia=\"{lang}\" w:bidi=\"ar-SA\" />"),
        false,
    )?;
    // The theme (added to the package by `write`): its relationship and content type.
    insert_before(
        &mut parts.document_rels,
        "</Relationships>",
        "<Relationship Id=\"rIdTheme1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" Target=\"theme/theme1.xml\" />",
        false,
    )?;
    insert_before(
        &mut parts.content_type,
        "</Types>",
        &format!("<Override PartName=\"/{THEME_PART}\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\" />"),
        false,
    )?;
    insert_before(
        &mut parts.doc_props.core,
        "</cp:coreProperties>",
        &format!(
            "<dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:language>{lang}</dc:language>",
            escape(&doc.title),
            escape(&doc.subject)
        ),
        false,
    )?;
    Ok(())
}
