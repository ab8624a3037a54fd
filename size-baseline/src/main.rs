//! The smallest useful Yew app: a counter. Only a yardstick for the widget's bundle size.
use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    let count = use_state(|| 0u32);
    let onclick = {
        let count = count.clone();
        move |_| count.set(*count + 1)
    };
    html! {
        <main>
            <h1>{ "Counter" }</h1>
            <p>{ *count }</p>
            <button type="button" {onclick}>{ "Add one" }</button>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
