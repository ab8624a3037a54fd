use security_matrix::embed::{self, HeightReporter};
use security_matrix::App;

fn main() {
    // First, so that any panic shows a message in the widget's place, not a dead area.
    embed::install_panic_hook();
    let Some(mount) = embed::find_mount() else {
        return;
    };
    yew::Renderer::<App>::with_root_and_props(mount.element, mount.props).render();
    // The widget's own page in an iframe tells the framing page its height (nothing else),
    // from its first render on: Yew renders in a microtask queued before this one, so the
    // first height reported is the app's, never that of the emptied page in between.
    if !mount.direct {
        wasm_bindgen_futures::spawn_local(async {
            if let Some(reporter) = embed::parent_frame().and_then(HeightReporter::start) {
                // Reports for as long as the page lives.
                std::mem::forget(reporter);
            }
        });
    }
}
