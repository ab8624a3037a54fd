//! The root component: one reducer, and the effects that connect it to the browser.
use crate::components::{pages, start_page, tender_line, Dispatch, PageContext, StartPageProps};
use crate::elements::{heading, notification_banner};
use crate::hooks::{
    use_clear_link, use_focus, use_keep, use_leave_guard, use_open_link, use_other_tabs,
    use_pages_code, use_persist, use_preset_report, use_print, use_restore, use_takeaway,
    use_title, use_words,
};
use crate::state::{Action, Boot, Loaded, State};
use crate::takeover::Takeover;
use security_matrix_core::Schedule;
use yew::prelude::*;

/// Options the embedding page can set.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The level of the page headings (1 = `<h1>`), so the widget fits the host's outline.
    #[prop_or(1)]
    pub heading_level: u8,
    /// The schedule selected when the user starts.
    #[prop_or_default]
    pub default_schedule: Schedule,
    /// Whether the start page offers the choice of schedule.
    #[prop_or(true)]
    pub offer_schedule_choice: bool,
    /// Whether the widget owns the page and may set the document title.
    #[prop_or(true)]
    pub owns_page: bool,
    /// What the user did on the pre-rendered start page the app replaces, if any.
    #[prop_or_default]
    pub takeover: Takeover,
    /// The link, stored answers and date read at the edge before the first render (`None`:
    /// read them in the first effect, after a first render of the start page).
    #[prop_or_default]
    pub boot: Option<Boot>,
    /// A direct mount's presets (`data-answers`): a tender's answers as a link carries them.
    #[prop_or_default]
    pub presets: Option<String>,
}

impl Default for AppProps {
    fn default() -> Self {
        AppProps {
            heading_level: 1,
            default_schedule: Schedule::Df,
            offer_schedule_choice: true,
            owns_page: true,
            takeover: Takeover::default(),
            boot: None,
            presets: None,
        }
    }
}

/// The whole widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = {
        let (boot, schedule) = (props.boot.clone(), props.default_schedule);
        use_reducer(move || match boot {
            Some(boot) => State::started(&boot, schedule),
            None => State::default(),
        })
    };
    // The same on every render: components holding it compare equal (see `Dispatch`).
    let dispatch = Dispatch::new(state.dispatcher());
    let root = use_node_ref();

    // The effects, in this order: what was stored, linked and done before the app was
    // ready; then what follows the state.
    let schedule = props.default_schedule;
    let takeover = takeover(&props.takeover, schedule);
    use_restore(&dispatch, props.boot.clone(), schedule, &root, takeover);
    use_open_link(&dispatch);
    use_clear_link(&state);
    use_preset_report(state.preset_problems.clone());
    use_persist(&state);
    // (Written once for both.)
    let kept = state.kept_text();
    use_keep(&state, kept.clone(), &dispatch);
    use_other_tabs(kept, &dispatch);
    use_leave_guard(state.would_lose_work());
    use_print(state.print_request);
    use_words(&state, &dispatch);
    use_pages_code(&state, &dispatch);
    use_takeaway(&state, &dispatch);
    use_title(state.title(), props.owns_page);
    use_focus(&state, &root);

    let h = props.heading_level.clamp(1, 6);
    let page = match (state.shows_pages(), state.pages) {
        (false, _) => html! {
            { start_page(&StartPageProps { device: state.device.clone(), schedule: state.answers.schedule, offer_choice: props.offer_schedule_choice, heading_level: h, file_problems: state.file_problems.clone(), tender: tender_line(&state.answers), dispatch: dispatch.clone() }) }
        },
        (true, Loaded::Ready) => {
            let ctx = PageContext {
                state: state.clone(),
                heading_level: h,
                dispatch: dispatch.clone(),
            };
            pages::page(ctx).unwrap_or_default()
        }
        (true, other) => pages_code_missing(other, h),
    };
    html! {
        // `data-smx-ready`: the app has read the link, the stored answers and the date, and
        // its handlers are attached (a documented hook for hosts and tests).
        <div class="smx" data-testid="app" data-smx-ready={state.shows_ready().then_some("")} ref={root}>
            if let Some(message) = &state.notice {
                { notification_banner(message, dispatch.on(|_| Action::DismissNotice)) }
            }
            { page }
            <p class="smx-footer" data-testid="footer">
                { "Not legal advice: the signed schedule prevails. Your answers stay in this browser. Rules version " }
                <code data-testid="rules-version">{ security_matrix_core::RULES_VERSION }</code>
            </p>
        </div>
    }
}

/// What the user did on the pre-rendered start page, if anything, for [`use_restore`]:
/// the action (the schedule chosen there, or `schedule`; Start pressed) and what to carry
/// over to the app's root element.
fn takeover(
    takeover: &Takeover,
    schedule: Schedule,
) -> Option<(Action, impl FnOnce(&web_sys::Element) + 'static)> {
    (!takeover.is_empty()).then(|| {
        let takeover = takeover.clone();
        let action = Action::TakeOver {
            schedule: takeover.schedule.unwrap_or(schedule),
            start: takeover.start,
        };
        (action, move |root: &web_sys::Element| takeover.apply(root))
    })
}

/// A page other than the start page while its code loads, or what the user did that
/// waits for that code (a moment, `pages-loading`; a link or a stored session that opens
/// on it is not marked ready until it shows), or why it cannot show (`pages-error`): the
/// answers are kept either way.
fn pages_code_missing(loaded: Loaded, h: u8) -> Html {
    if loaded == Loaded::Failed {
        html! {
            <div data-testid="pages-error" role="alert">
                { heading(h, "smx-heading-l", true, html! { "This page cannot be shown" }) }
                <p class="smx-body">
                    { "The part of this tool that shows the questions and your result could not be loaded (its file was refused or is missing). Reload the page to try again: your answers are kept." }
                </p>
            </div>
        }
    } else {
        html! {
            <div data-testid="pages-loading">
                { heading(h, "smx-heading-l", true, html! { "Loading…" }) }
            </div>
        }
    }
}
