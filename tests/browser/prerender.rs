//! The pre-render (issue 17): the start page that `prerender/` writes at build time with
//! Yew's server renderer is the markup the app renders first, in this browser, with the
//! same props. Both are read back as trees (the server's markup parsed by the browser) and
//! compared: names, attributes, text, and the radios' checked state.
use security_matrix::embed::options_from_attributes;
use security_matrix::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, Node};

/// Attributes that differ by design: the markers of the pre-render and of readiness, and the
/// ones the client sets as properties (read as properties below).
const IGNORED: [&str; 4] = ["data-smx-prerender", "data-smx-ready", "value", "checked"];
/// Present or not: the server writes `novalidate="novalidate"`.
const BOOLEAN: [&str; 3] = ["novalidate", "disabled", "hidden"];

fn shape(el: &Element, out: &mut Vec<String>) {
    let mut attrs: Vec<String> = el
        .get_attribute_names()
        .iter()
        .filter_map(|n| n.as_string())
        .filter(|n| !IGNORED.contains(&n.as_str()))
        .map(|n| match BOOLEAN.contains(&n.as_str()) {
            true => n,
            false => format!("{n}={:?}", el.get_attribute(&n).unwrap_or_default()),
        })
        .collect();
    attrs.sort();
    let mut line = format!("<{} {}>", el.local_name(), attrs.join(" "));
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        line += &format!(" value={:?} checked={}", input.value(), input.checked());
    }
    out.push(line);
    let children = el.child_nodes();
    let mut text = String::new();
    for i in 0..children.length() {
        let child = children.item(i).unwrap();
        match child.node_type() {
            Node::TEXT_NODE => text += &child.text_content().unwrap_or_default(),
            Node::ELEMENT_NODE => {
                if !text.is_empty() {
                    out.push(format!("text {:?}", std::mem::take(&mut text)));
                }
                shape(child.unchecked_ref(), out);
            }
            _ => {}
        }
    }
    if !text.is_empty() {
        out.push(format!("text {text:?}"));
    }
    out.push(format!("</{}>", el.local_name()));
}

async fn server_render(props: AppProps) -> Vec<String> {
    let html = yew::LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    // Parsed by the browser, in a detached element (test code only).
    let holder = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("div")
        .unwrap();
    holder.set_inner_html(&html);
    let mut out = Vec::new();
    shape(&holder.first_element_child().unwrap(), &mut out);
    out
}

async fn client_render(props: AppProps) -> Vec<String> {
    crate::widget::storage()
        .remove_item(crate::widget::STORAGE_KEY)
        .unwrap();
    crate::widget::set_fragment(None);
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let mut out = Vec::new();
    shape(&root.first_element_child().unwrap(), &mut out);
    handle.destroy();
    root.remove();
    out
}

#[wasm_bindgen_test]
async fn the_server_render_is_the_markup_of_the_first_client_render() {
    let options = |attrs: &'static [(&'static str, &'static str)]| {
        options_from_attributes(|name| {
            attrs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
        .0
    };
    for (what, props) in [
        ("own page", AppProps::default()),
        ("direct mount, no options", options(&[])),
        (
            "direct mount, 2017, no choice, h3",
            options(&[
                ("data-schedule", "sm2017"),
                ("data-schedule-choice", "false"),
                ("data-heading-level", "3"),
            ]),
        ),
    ] {
        let server = server_render(props.clone()).await;
        let client = client_render(props).await;
        assert!(server.len() > 40, "{what}: {} nodes read", server.len());
        assert!(
            server
                .iter()
                .any(|l| l.contains("Work out your security level")),
            "{what}"
        );
        assert_eq!(server, client, "{what}");
    }
}
