//! The root component: one reducer, and the effects that connect it to the browser.
use crate::components::{
    check_answers, contract_page, contracts_page, notice, question_page, start_page,
    CheckAnswersProps, ContractPageProps, ContractsPageProps, DfResultPage, Dispatch, NoticeProps,
    QuestionPageProps, ResultContext, SmResultPage, StartPageProps,
};
use crate::edge;
use crate::state::{Action, Boot, Page, State, Words};
use crate::takeover::Takeover;
use security_matrix_core::view::View;
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

    // Restore: stored answers, a link in the URL, and today's date, read once at the edge
    // (before the first render when the page mounts the app: `props.boot`). Then what the
    // user did on the pre-rendered start page before the app was ready.
    {
        let dispatch = dispatch.clone();
        let schedule = props.default_schedule;
        let takeover = props.takeover.clone();
        let root = root.clone();
        let boot = props.boot.clone();
        use_effect_with((), move |_| {
            let fragment = match boot {
                // Already in the state (the widget started there).
                Some(boot) => boot.fragment,
                None => {
                    let fragment = edge::fragment();
                    dispatch.send(Action::Init {
                        stored: edge::read_storage(),
                        fragment: fragment.clone(),
                        today: edge::today(),
                        schedule,
                    });
                    fragment
                }
            };
            if fragment.is_some_and(|f| crate::state::is_answer_link(&f)) {
                edge::clear_fragment();
            }
            if !takeover.is_empty() {
                dispatch.send(Action::TakeOver {
                    schedule: takeover.schedule.unwrap_or(schedule),
                    start: takeover.start,
                });
                if let Some(root) = root.cast::<web_sys::Element>() {
                    takeover.apply(&root);
                }
            }
        });
    }
    // A link opened while the widget is showing.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    if let Some(f) = edge::fragment().filter(|f| crate::state::is_answer_link(f)) {
                        dispatch.send(Action::OpenLink(f));
                        edge::clear_fragment();
                    }
                });
            move || drop(listener)
        });
    }
    // Keep the answers for a reload in this tab; forget them after "Start again".
    {
        let stored = if state.is_blank() {
            None
        } else {
            Some(state.to_storage())
        };
        let ready = state.ready;
        use_effect_with((ready, stored), move |(ready, stored)| {
            if *ready {
                edge::write_storage(stored.as_deref());
            }
        });
    }
    // "Print or save as PDF": the reducer has opened the all-on-one-page view; print it once
    // it is rendered.
    use_effect_with(state.print_request, |request| {
        if *request > 0 {
            edge::print();
        }
    });
    // The schedule's words (a `lazy-words` build): loaded once, when a result view first
    // shows; the reducer hears how it went.
    {
        let dispatch = dispatch.clone();
        let wanted = matches!(state.page, Page::Result(_)) && state.words == Words::Loading;
        use_effect_with(wanted, move |wanted| {
            if *wanted {
                wasm_bindgen_futures::spawn_local(async move {
                    dispatch.send(match edge::load_words().await {
                        Ok(()) => Action::WordsLoaded,
                        Err(()) => Action::WordsFailed,
                    });
                });
            }
        });
    }
    // The document title follows the page.
    {
        let title = state.title();
        let owns_page = props.owns_page;
        use_effect_with(title, move |title| {
            if owns_page {
                edge::set_title(title);
            }
        });
    }
    // Focus moves to the error summary, or to the new page's heading, after every page
    // change made by the user (not on first load, so an embedded widget never steals it).
    {
        let root = root.clone();
        let has_errors = !state.errors.is_empty() || !state.contract_errors.is_empty();
        let duty = state.focus_duty;
        use_effect_with(state.page_change, move |change| {
            if *change > 0 {
                let target = match duty {
                    _ if has_errors => "[data-smx-focus=\"errors\"]".to_string(),
                    // "What is due next" opens the duty's subject, on the duty.
                    Some(id) => format!("[data-testid=\"obligation\"][data-id=\"{id}\"]"),
                    None => "[data-smx-focus=\"heading\"]".to_string(),
                };
                edge::focus_in(&root, &target);
            }
        });
    }

    let h = props.heading_level.clamp(1, 6);
    let result_ctx = || ResultContext {
        fragment: state.answers.to_fragment(),
        today: state.today,
        event_dates: state.event_dates.clone(),
        all_answers: state.answers.clone(),
        tracker: state.tracker.clone(),
        view: match state.page {
            Page::Result(view) => view,
            _ => View::Summary,
        },
        print_words: state.print_words,
        words: state.words,
        heading_level: h,
        dispatch: dispatch.clone(),
    };
    let page = match state.page {
        Page::Start => html! {
            { start_page(&StartPageProps { schedule: state.answers.schedule, offer_choice: props.offer_schedule_choice, heading_level: h, file_problems: state.file_problems.clone(), dispatch: dispatch.clone() }) }
        },
        Page::Question(q) => html! {
            { question_page(&QuestionPageProps { question: q, draft: state.draft.clone(), errors: state.errors.clone(), heading_level: h, dispatch: dispatch.clone() }) }
        },
        Page::Contracts => html! {
            { contracts_page(&ContractsPageProps { contracts: state.answers.contracts().to_vec(), errors: state.contract_errors.clone(), heading_level: h, dispatch: dispatch.clone() }) }
        },
        Page::Contract(index) => html! {
            { contract_page(&ContractPageProps { index, draft: state.contract_draft.clone(), errors: state.contract_errors.clone(), heading_level: h, dispatch: dispatch.clone() }) }
        },
        Page::Check => html! {
            { check_answers(&CheckAnswersProps { answers: state.answers.clone(), heading_level: h, dispatch: dispatch.clone() }) }
        },
        Page::Result(_) => match (state.answers.df(), state.answers.sm()) {
            (Some(df), _) => html! {
                <DfResultPage answers={df} ctx={result_ctx()} />
            },
            (_, Some(sm)) => html! {
                <SmResultPage answers={sm} ctx={result_ctx()} />
            },
            _ => html! {},
        },
    };
    html! {
        // `data-smx-ready`: the app has read the link, the stored answers and the date, and
        // its handlers are attached (a documented hook for hosts and tests).
        <div class="smx" data-testid="app" data-smx-ready={state.ready.then_some("")} ref={root}>
            if let Some(message) = state.notice.clone() {
                { notice(&NoticeProps { message, dispatch: dispatch.clone() }) }
            }
            { page }
            <p class="smx-footer" data-testid="footer">
                { "Not legal advice: the signed schedule prevails. Your answers stay in this browser. Rules version " }
                <code data-testid="rules-version">{ security_matrix_core::RULES_VERSION }</code>
            </p>
        </div>
    }
}
