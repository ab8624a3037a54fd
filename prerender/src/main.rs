//! Prints the pre-render as JSON (see the library) for `scripts/postbuild.mjs`.
fn main() {
    println!("{}", security_matrix_prerender::prerender().to_json());
}
