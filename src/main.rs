fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<security_matrix::App>::new().render();
}
