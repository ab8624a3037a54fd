//! The GOV.UK Design System elements the widget uses, one per file: each file holds an
//! element's markup, its properties and its test. The pages (`crate::components`) compose
//! them. An element knows nothing of the state: it renders what it is given and calls the
//! callbacks it is handed.
//!
//! Each is a plain function returning `Html` (taking a struct of properties where it has
//! more than a few), not a component: they keep no state, and every component type costs
//! the WebAssembly bundle about 1 KB of Yew plumbing.
mod back_link;
mod button;
mod character_count;
mod checkboxes;
mod details;
mod error_message;
mod error_summary;
mod heading;
mod notification_banner;
mod panel;
mod radios;
mod summary_list;
mod task_list;

pub use back_link::{back_link, back_link_to};
pub use button::{button, Button, ButtonKind};
pub use character_count::{character_count, CharacterCount, CountedControl};
pub use checkboxes::{checkbox, Checkbox};
pub use details::{details, Details};
pub(crate) use details::{details_class, details_text};
pub use error_message::{error_list, error_message};
pub use error_summary::{error_summary, ErrorSummaryProps};
pub use heading::heading;
pub use notification_banner::notification_banner;
pub use panel::panel;
pub use radios::{radio, radios, Radio, RadiosLayout};
pub use summary_list::{summary_list, summary_row, SummaryRow};
pub use task_list::{task, task_list, Task};

/// Renders an element natively, as Yew's server renderer writes it, for the elements' tests.
#[cfg(test)]
pub(crate) mod render {
    use yew::prelude::*;

    #[derive(Properties)]
    struct ViewProps {
        view: fn() -> Html,
    }

    impl PartialEq for ViewProps {
        fn eq(&self, _: &Self) -> bool {
            false
        }
    }

    #[function_component]
    fn View(p: &ViewProps) -> Html {
        (p.view)()
    }

    /// The markup of what `view` returns.
    pub fn render(view: fn() -> Html) -> String {
        futures::executor::block_on(
            yew::LocalServerRenderer::<View>::with_props(ViewProps { view })
                .hydratable(false)
                .render(),
        )
    }
}
