//! Task list (GOV.UK "complete multiple tasks"): a row for each task, a link to it, its hint
//! and its status.
use yew::prelude::*;

/// One row of a [`task_list`].
pub struct Task {
    /// The task's `data-view`.
    pub view: String,
    /// The link's `href` (a new tab opens it).
    pub href: String,
    /// A plain click on the link.
    pub onclick: Callback<MouseEvent>,
    /// The link's text.
    pub text: String,
    /// A hint under the link, if any.
    pub hint: Option<String>,
    /// The task's status (a tag), if it has one.
    pub status: Option<Html>,
}

/// The list (`data-testid="task-list"`) of `tasks` (each a [`task`]).
pub fn task_list(tasks: Html) -> Html {
    html! {
        <ul class="smx-task-list" data-testid="task-list">{ tasks }</ul>
    }
}

/// One task (`data-testid="task"`): its link (`task-link`), hint and status (`task-status`).
pub fn task(t: Task) -> Html {
    html! {
        <li class="smx-task-list__item" data-testid="task" data-view={t.view}>
            <div class="smx-task-list__name">
                <a class="smx-link smx-task-list__link" href={t.href} data-testid="task-link"
                    onclick={t.onclick}>{ t.text }</a>
                if let Some(hint) = t.hint {
                    <div class="smx-task-list__hint">{ hint }</div>
                }
            </div>
            if let Some(status) = t.status {
                <div class="smx-task-list__status" data-testid="task-status">{ status }</div>
            }
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elements::render::render;

    #[test]
    fn a_task_with_its_hint_and_status() {
        let html = render(|| {
            task_list(task(Task {
                view: "plan".into(),
                href: "#x".into(),
                onclick: Callback::noop(),
                text: "Plan".into(),
                hint: Some("3 dates".into()),
                status: Some(html! { <strong>{ "Done" }</strong> }),
            }))
        });
        assert_eq!(
            html,
            concat!(
                r#"<ul data-testid="task-list" class="smx-task-list"><li data-testid="task" data-view="plan" class="smx-task-list__item">"#,
                r##"<div class="smx-task-list__name"><a href="#x" data-testid="task-link" class="smx-link smx-task-list__link">Plan</a>"##,
                r#"<div class="smx-task-list__hint">3 dates</div></div>"#,
                r#"<div data-testid="task-status" class="smx-task-list__status"><strong>Done</strong></div></li></ul>"#
            )
        );
    }
}
