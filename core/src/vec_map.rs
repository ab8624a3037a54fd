//! [`VecMap`]: the part of `BTreeMap`'s interface the app uses, over a sorted `Vec`.
//!
//! The maps here hold a handful of entries (one per question at most). Each `BTreeMap`
//! key/value type costs the WebAssembly bundle about 5 KB of node-balancing code, and
//! building one with `collect` adds a stable sort; a sorted `Vec` does the same job in a
//! few hundred bytes. Iteration is in key order, equality compares the entries in that
//! order, and `Debug` prints a map, all as `BTreeMap` does.
use std::borrow::Borrow;
use std::fmt;

/// A map kept as a `Vec` of `(key, value)` sorted by key, for small maps.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct VecMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> VecMap<K, V> {
    /// An empty map.
    pub const fn new() -> Self {
        VecMap {
            entries: Vec::new(),
        }
    }

    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The value for `key`, if any.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    /// Whether the map has a value for `key`.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Sets the value for `key`, returning the one it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// Removes the value for `key`, returning it.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        Some(self.entries.remove(i).1)
    }
}

impl<K, V> VecMap<K, V> {
    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values in key order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }
}

impl<'a, K, V> IntoIterator for &'a VecMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<K, V> IntoIterator for VecMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

/// Later entries replace earlier ones with the same key, as in `BTreeMap`.
impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = VecMap::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for VecMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// A stable insertion sort: `slice::sort_by_key`'s result, for the short lists the rules
/// sort (a link's errors, a year's bank holidays, the plan's deadlines, the action plan),
/// without the 3–4 KB of code each use of the standard library's stable sort brings.
/// Quadratic, so only for lists of a few hundred items at most.
pub(crate) fn sort_small_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest::proptest! {
        #[test]
        fn sort_small_by_key_is_a_stable_sort(v in proptest::collection::vec((0u8..5, proptest::prelude::any::<u16>()), 0..40)) {
            let (mut a, mut b) = (v.clone(), v);
            sort_small_by_key(&mut a, |x| x.0);
            b.sort_by_key(|x| x.0);
            proptest::prop_assert_eq!(a, b);
        }
    }

    #[derive(Clone, Debug)]
    enum Op {
        Insert(u8, u16),
        Remove(u8),
        Clear,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            6 => (0u8..24, any::<u16>()).prop_map(|(k, v)| Op::Insert(k, v)),
            3 => (0u8..24).prop_map(Op::Remove),
            1 => Just(Op::Clear),
        ]
    }

    proptest! {
        #[test]
        fn behaves_as_a_btree_map(ops in proptest::collection::vec(op(), 0..64)) {
            let (mut v, mut b) = (VecMap::new(), BTreeMap::new());
            for op in ops {
                match op {
                    Op::Insert(k, x) => prop_assert_eq!(v.insert(k, x), b.insert(k, x)),
                    Op::Remove(k) => prop_assert_eq!(v.remove(&k), b.remove(&k)),
                    Op::Clear => {
                        v.clear();
                        b.clear();
                    }
                }
                prop_assert_eq!(v.len(), b.len());
                prop_assert_eq!(v.is_empty(), b.is_empty());
                prop_assert!(v.iter().eq(b.iter()));
                prop_assert!(v.keys().eq(b.keys()));
                prop_assert!(v.values().eq(b.values()));
                prop_assert_eq!(format!("{v:?}"), format!("{b:?}"));
                for k in 0u8..24 {
                    prop_assert_eq!(v.get(&k), b.get(&k));
                    prop_assert_eq!(v.contains_key(&k), b.contains_key(&k));
                }
            }
            let pairs: Vec<(u8, u16)> = v.iter().map(|(k, x)| (*k, *x)).collect();
            prop_assert!(v.clone().into_iter().eq(b.clone()));
            prop_assert_eq!(pairs.iter().copied().collect::<VecMap<_, _>>(), v);
        }

        #[test]
        fn collects_as_a_btree_map(pairs in proptest::collection::vec((0u8..16, any::<u16>()), 0..40)) {
            let v: VecMap<u8, u16> = pairs.iter().copied().collect();
            let b: BTreeMap<u8, u16> = pairs.iter().copied().collect();
            prop_assert!(v.iter().eq(b.iter()));
        }

        #[test]
        fn equality_is_that_of_btree_maps(
            a in proptest::collection::vec((0u8..6, 0u16..3), 0..8),
            c in proptest::collection::vec((0u8..6, 0u16..3), 0..8),
        ) {
            let (va, vc): (VecMap<_, _>, VecMap<_, _>) = (a.iter().copied().collect(), c.iter().copied().collect());
            let (ba, bc): (BTreeMap<_, _>, BTreeMap<_, _>) = (a.iter().copied().collect(), c.iter().copied().collect());
            prop_assert_eq!(va == vc, ba == bc);
        }
    }

    #[test]
    fn borrowed_keys_work_as_in_btree_map() {
        let mut m: VecMap<String, u8> = VecMap::new();
        m.insert("b".into(), 2);
        m.insert("a".into(), 1);
        assert_eq!(m.get("a"), Some(&1));
        assert_eq!(m.remove("b"), Some(2));
        assert_eq!(format!("{m:?}"), r#"{"a": 1}"#);
    }
}
