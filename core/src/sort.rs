//! One small stable sort for the few short lists the core orders (a plan's dates, a
//! tracker's actions, a link's errors, a file's pairs, a calendar's events).
//!
//! The standard library's sorts are fast on long slices but each use monomorphises a few
//! kilobytes of code (quicksort, drift sort, small-sort networks); a binary insertion
//! sort is a few hundred bytes per element type and, on lists of tens to hundreds, just
//! as quick. It is stable, so it orders exactly as `sort_by_key` / `sort` do.
use std::cmp::Ordering;

/// Sorts `v` by `key`, keeping equal elements in their order (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` by `cmp`, keeping equal elements in their order (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        // After every element not greater than v[i]: equal ones stay before it.
        let at = v[..i].partition_point(|x| cmp(x, &v[i]) != Ordering::Greater);
        v[at..=i].rotate_right(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn orders_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v;
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }
    }
}
