//! The schema's order. ECMA-376's WordprocessingML schema (`wml.xsd`) gives the children of
//! many elements as a sequence, and Microsoft Word holds a file to it more strictly than
//! LibreOffice does: a file with children out of order may be "repaired", or refused.
//! docx-rs writes some of them in its own order (a paragraph's style after its other
//! properties, a style's run properties before its paragraph properties, a list level's
//! run properties inside its paragraph properties, …). This pass puts the children of the
//! elements below in the schema's order, leaves everything else as it is, and drops the two
//! things the schema does not allow where docx-rs puts them: an empty `w:rPr` inside the
//! paragraph properties of a style, of a list level or of the defaults (`CT_PPrGeneral`
//! has none; one with content moves out beside them), and the `w:type` attribute docx-rs
//! writes on `w:gridCol`. The documents suite checks the files with a validator.
use crate::Error;

/// The order of each element's children (local names in the `w:` namespace), from the
/// schema's sequences; a child not listed keeps its place after those listed.
const ORDERS: &[(&str, &[&str])] = &[
    // CT_PPr (CT_PPrBase, then the paragraph mark's run properties and the rest).
    (
        "pPr",
        &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
    ),
    // CT_RPr and CT_ParaRPr (the revision marks first, the change last).
    (
        "rPr",
        &[
            "ins",
            "del",
            "moveFrom",
            "moveTo",
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
            "rPrChange",
        ],
    ),
    // CT_NumPr.
    ("numPr", &["ilvl", "numId", "numberingChange", "ins"]),
    // CT_Style.
    (
        "style",
        &[
            "name",
            "aliases",
            "basedOn",
            "next",
            "link",
            "autoRedefine",
            "hidden",
            "uiPriority",
            "semiHidden",
            "unhideWhenUsed",
            "qFormat",
            "locked",
            "personal",
            "personalCompose",
            "personalReply",
            "rsid",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "tblStylePr",
        ],
    ),
    // CT_Lvl.
    (
        "lvl",
        &[
            "start",
            "numFmt",
            "lvlRestart",
            "pStyle",
            "isLgl",
            "suff",
            "lvlText",
            "lvlPicBulletId",
            "legacy",
            "lvlJc",
            "pPr",
            "rPr",
        ],
    ),
    // CT_PBdr.
    (
        "pBdr",
        &["top", "left", "bottom", "right", "between", "bar"],
    ),
    // CT_Settings, the elements before `compat` that docx-rs can write, then the rest.
    (
        "settings",
        &[
            "writeProtection",
            "view",
            "zoom",
            "removePersonalInformation",
            "removeDateAndTime",
            "doNotDisplayPageBoundaries",
            "displayBackgroundShape",
            "mirrorMargins",
            "hideSpellingErrors",
            "hideGrammaticalErrors",
            "proofState",
            "attachedTemplate",
            "documentType",
            "trackRevisions",
            "documentProtection",
            "defaultTabStop",
            "autoHyphenation",
            "evenAndOddHeaders",
            "characterSpacingControl",
            "updateFields",
            "footnotePr",
            "endnotePr",
            "compat",
            "docVars",
            "rsids",
            "mathPr",
            "themeFontLang",
            "clrSchemeMapping",
            "shapeDefaults",
            "decimalSymbol",
            "listSeparator",
        ],
    ),
];

/// The parents whose paragraph properties are `CT_PPrGeneral` (no run properties inside).
const GENERAL_PPR_PARENTS: &[&str] = &["style", "lvl", "pPrDefault"];

/// One node of a part, as its text: an element (its start tag, its children, its end tag;
/// an element without children is all in `start`), or anything else as it was.
enum Node {
    Element {
        /// The local name, for an element of WordprocessingML's namespace (prefix `w`, as
        /// docx-rs writes it).
        w_name: Option<String>,
        start: String,
        children: Vec<Node>,
        end: String,
    },
    Other(String),
}

impl Node {
    fn w_name(&self) -> Option<&str> {
        match self {
            Node::Element { w_name, .. } => w_name.as_deref(),
            Node::Other(_) => None,
        }
    }
}

/// Rewrites one XML part in the schema's order (see the module's notes).
pub fn in_schema_order(part: &[u8]) -> Result<Vec<u8>, Error> {
    let text = std::str::from_utf8(part).map_err(|e| Error(format!("a part is not UTF-8: {e}")))?;
    let mut nodes = read(text)?;
    let mut out = String::with_capacity(text.len());
    for mut node in nodes.drain(..) {
        order(&mut node, None);
        write(&mut out, node);
    }
    Ok(out.into_bytes())
}

/// An element being read: what its node will hold, and where its start tag began.
struct Open {
    /// The qualified name, as written.
    name: String,
    w_name: Option<String>,
    from: usize,
    start: String,
    children: Vec<Node>,
    /// An attribute to leave out of the start tag.
    dropped: Option<std::ops::Range<usize>>,
}

impl Open {
    /// The start tag, ending at `to`, without the attribute dropped (and the space before it).
    fn start_tag(&self, text: &str, to: usize) -> String {
        match &self.dropped {
            Some(attr) => format!(
                "{}{}",
                &text[self.from..attr.start - 1],
                &text[attr.end..to]
            ),
            None => text[self.from..to].to_string(),
        }
    }
}

/// `prefix:local`, or `local` without a prefix.
fn qname(prefix: &str, local: &str) -> String {
    match prefix {
        "" => local.to_string(),
        p => format!("{p}:{local}"),
    }
}

/// The part's nodes, each as its text (xmlparser: a tokenizer that keeps every token's place).
fn read(text: &str) -> Result<Vec<Node>, Error> {
    use xmlparser::{ElementEnd, Token};
    let malformed = || Error("a part docx-rs built is not well-formed XML".into());
    let mut top = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    for token in xmlparser::Tokenizer::from(text) {
        let token = token.map_err(|e| Error(format!("a part docx-rs built is not XML: {e}")))?;
        let node = match token {
            Token::ElementStart {
                prefix,
                local,
                span,
            } => {
                open.push(Open {
                    name: qname(prefix.as_str(), local.as_str()),
                    w_name: (prefix.as_str() == "w").then(|| local.to_string()),
                    from: span.start(),
                    start: String::new(),
                    children: Vec::new(),
                    dropped: None,
                });
                continue;
            }
            Token::Attribute {
                prefix,
                local,
                span,
                ..
            } => {
                let element = open.last_mut().ok_or_else(malformed)?;
                // `w:type` on a grid column: the schema does not allow it.
                if element.w_name.as_deref() == Some("gridCol")
                    && (prefix.as_str(), local.as_str()) == ("w", "type")
                {
                    element.dropped = Some(span.range());
                }
                continue;
            }
            Token::ElementEnd {
                end: ElementEnd::Open,
                span,
            } => {
                let element = open.last_mut().ok_or_else(malformed)?;
                element.start = element.start_tag(text, span.end());
                continue;
            }
            Token::ElementEnd {
                end: ElementEnd::Empty,
                span,
            } => {
                let element = open.pop().ok_or_else(malformed)?;
                Node::Element {
                    start: element.start_tag(text, span.end()),
                    w_name: element.w_name,
                    children: Vec::new(),
                    end: String::new(),
                }
            }
            Token::ElementEnd {
                end: ElementEnd::Close(prefix, local),
                span,
            } => {
                let element = open.pop().ok_or_else(malformed)?;
                if element.name != qname(prefix.as_str(), local.as_str()) {
                    return Err(malformed());
                }
                Node::Element {
                    w_name: element.w_name,
                    start: element.start,
                    children: element.children,
                    end: span.as_str().to_string(),
                }
            }
            Token::Text { text } => Node::Other(text.to_string()),
            Token::Cdata { span, .. }
            | Token::Comment { span, .. }
            | Token::Declaration { span, .. }
            | Token::ProcessingInstruction { span, .. }
            | Token::DtdStart { span, .. }
            | Token::EmptyDtd { span, .. }
            | Token::EntityDeclaration { span, .. }
            | Token::DtdEnd { span } => Node::Other(span.to_string()),
        };
        match open.last_mut() {
            Some(parent) => parent.children.push(node),
            None => top.push(node),
        }
    }
    if open.is_empty() {
        Ok(top)
    } else {
        Err(malformed())
    }
}

/// Puts `node`'s children, and theirs, in order (`parent`: the local name of its parent).
fn order(node: &mut Node, parent: Option<&str>) {
    let Node::Element {
        w_name, children, ..
    } = node
    else {
        return;
    };
    let name = w_name.as_deref();
    if name == Some("pPr") && parent.is_some_and(|p| GENERAL_PPR_PARENTS.contains(&p)) {
        // (Only empty ones are written there; one with content would lose it.)
        children.retain(|c| {
            !(c.w_name() == Some("rPr")
                && matches!(c, Node::Element { children, .. } if children.is_empty()))
        });
    }
    for child in children.iter_mut() {
        order(child, name);
    }
    let Some(order) = name
        .and_then(|n| ORDERS.iter().find(|(parent, _)| *parent == n))
        .map(|(_, order)| *order)
    else {
        return;
    };
    let rank = |child: &Node| {
        child
            .w_name()
            .and_then(|n| order.iter().position(|o| *o == n))
            .unwrap_or(order.len())
    };
    children.sort_by_key(rank);
}

fn write(out: &mut String, node: Node) {
    match node {
        Node::Element {
            start,
            children,
            end,
            ..
        } => {
            out.push_str(&start);
            for child in children {
                write(out, child);
            }
            out.push_str(&end);
        }
        Node::Other(text) => out.push_str(&text),
    }
}

#[cfg(test)]
mod tests {
    use super::in_schema_order;

    const OPEN: &str = r#"<?xml version="1.0"?><w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#;

    /// `xml` in order (inside a root element that declares the namespace).
    fn ordered(xml: &str) -> String {
        let part = format!("{OPEN}{xml}</w:body>");
        let out = String::from_utf8(in_schema_order(part.as_bytes()).unwrap()).unwrap();
        out.strip_prefix(OPEN)
            .and_then(|o| o.strip_suffix("</w:body>"))
            .expect("the root and the declaration as they were")
            .to_string()
    }

    #[test]
    fn children_take_the_schemas_order_and_the_rest_is_kept_as_it_was() {
        assert_eq!(
            ordered(
                r#"<w:p><w:pPr><w:jc w:val="left"/><w:numPr><w:numId w:val="1"/><w:ilvl w:val="0"/></w:numPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">a &amp; &lt;w:t&gt; b</w:t></w:r></w:p>"#
            ),
            r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:jc w:val="left"/></w:pPr><w:r><w:t xml:space="preserve">a &amp; &lt;w:t&gt; b</w:t></w:r></w:p>"#
        );
        // A child the order does not list keeps its place among such children, after the
        // listed ones; a run's properties go in their own order.
        assert_eq!(
            ordered(r#"<w:rPr><w:x/><w:sz w:val="2"/><w:y/><w:b/></w:rPr>"#),
            r#"<w:rPr><w:b/><w:sz w:val="2"/><w:x/><w:y/></w:rPr>"#
        );
    }

    #[test]
    fn what_the_schema_does_not_allow_there_is_dropped() {
        // A style's paragraph properties hold no run properties; its own come after them.
        assert_eq!(
            ordered(
                r#"<w:style><w:rPr><w:b/></w:rPr><w:pPr><w:rPr/><w:outlineLvl w:val="0"/></w:pPr><w:name w:val="heading 1"/></w:style>"#
            ),
            r#"<w:style><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"#
        );
        // A paragraph's own do (the paragraph mark's), and keep them.
        assert_eq!(
            ordered(r#"<w:p><w:pPr><w:rPr/><w:pStyle w:val="x"/></w:pPr></w:p>"#),
            r#"<w:p><w:pPr><w:pStyle w:val="x"/><w:rPr/></w:pPr></w:p>"#
        );
        assert_eq!(
            ordered(r#"<w:tblGrid><w:gridCol w:w="2000" w:type="dxa"/></w:tblGrid>"#),
            r#"<w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>"#
        );
    }

    #[test]
    fn a_part_that_is_not_xml_is_an_error() {
        assert!(in_schema_order(format!("{OPEN}<w:p><w:pPr></w:p></w:body>").as_bytes()).is_err());
    }
}
