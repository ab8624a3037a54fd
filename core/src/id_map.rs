//! [`IdMap`]: a map keyed by one of the generated ids ([`ObligationId`], [`EventId`]),
//! kept as one slot per id, so that a look-up is an index and iteration is in id order
//! (catalogue order for obligations, data-file order for events).
//!
//! [`ObligationId`]: crate::catalogue::ObligationId
//! [`EventId`]: crate::catalogue::EventId
use std::fmt;
use std::marker::PhantomData;

/// An id that numbers its values `0..COUNT`, such as the ids `build.rs` generates.
pub trait Id: Copy {
    /// How many ids there are.
    const COUNT: usize;
    /// The id's number, below [`Id::COUNT`].
    fn index(self) -> usize;
    /// The id numbered `index` (below [`Id::COUNT`]).
    fn from_index(index: usize) -> Self;
}

/// A map from the ids of `K` to values: `BTreeMap`'s methods over one `Option<V>` slot per
/// id. Iteration, `Debug` and comparison go in id order.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct IdMap<K, V> {
    slots: Vec<Option<V>>,
    key: PhantomData<K>,
}

impl<K: Id, V> IdMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        IdMap {
            slots: std::iter::repeat_with(|| None).take(K::COUNT).collect(),
            key: PhantomData,
        }
    }

    /// The value for `id`, if any.
    pub fn get(&self, id: &K) -> Option<&V> {
        self.slots.get(id.index())?.as_ref()
    }

    /// Whether the map has a value for `id`.
    pub fn contains_key(&self, id: &K) -> bool {
        self.get(id).is_some()
    }

    /// Sets the value for `id`, returning the one it replaces.
    pub fn insert(&mut self, id: K, value: V) -> Option<V> {
        self.slots[id.index()].replace(value)
    }

    /// Removes the value for `id`, returning it.
    pub fn remove(&mut self, id: &K) -> Option<V> {
        self.slots.get_mut(id.index())?.take()
    }

    /// Removes every value.
    pub fn clear(&mut self) {
        self.slots.iter_mut().for_each(|slot| *slot = None);
    }

    /// How many ids have a value.
    pub fn len(&self) -> usize {
        self.slots.iter().flatten().count()
    }

    /// Whether no id has a value.
    pub fn is_empty(&self) -> bool {
        self.slots.iter().all(Option::is_none)
    }

    /// The ids that have a value, with it, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (K, &V)> + '_ {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(i, slot)| Some((K::from_index(i), slot.as_ref()?)))
    }
}

impl<K: Id, V> Default for IdMap<K, V> {
    fn default() -> Self {
        IdMap::new()
    }
}

/// Later entries replace earlier ones with the same id, as in `BTreeMap`.
impl<K: Id, V> FromIterator<(K, V)> for IdMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = IdMap::new();
        for (id, value) in iter {
            map.insert(id, value);
        }
        map
    }
}

impl<K: Id + fmt::Debug, V: fmt::Debug> fmt::Debug for IdMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// An id of 24 values.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
    struct Small(u8);

    impl Id for Small {
        const COUNT: usize = 24;
        fn index(self) -> usize {
            usize::from(self.0)
        }
        fn from_index(index: usize) -> Self {
            Small(index as u8)
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
            let (mut m, mut b) = (IdMap::new(), BTreeMap::new());
            for op in ops {
                match op {
                    Op::Insert(k, x) => prop_assert_eq!(m.insert(Small(k), x), b.insert(Small(k), x)),
                    Op::Remove(k) => prop_assert_eq!(m.remove(&Small(k)), b.remove(&Small(k))),
                    Op::Clear => {
                        m.clear();
                        b.clear();
                    }
                }
                prop_assert_eq!(m.len(), b.len());
                prop_assert_eq!(m.is_empty(), b.is_empty());
                prop_assert!(m.iter().eq(b.iter().map(|(k, v)| (*k, v))));
                prop_assert_eq!(format!("{m:?}"), format!("{b:?}"));
                for k in 0u8..24 {
                    prop_assert_eq!(m.get(&Small(k)), b.get(&Small(k)));
                    prop_assert_eq!(m.contains_key(&Small(k)), b.contains_key(&Small(k)));
                }
            }
            let rebuilt: IdMap<Small, u16> = m.iter().map(|(k, v)| (k, *v)).collect();
            prop_assert_eq!(rebuilt, m);
        }

        #[test]
        fn equality_is_that_of_btree_maps(
            a in proptest::collection::vec((0u8..6, 0u16..3), 0..8),
            c in proptest::collection::vec((0u8..6, 0u16..3), 0..8),
        ) {
            let map = |v: &[(u8, u16)]| v.iter().map(|&(k, x)| (Small(k), x)).collect::<IdMap<_, _>>();
            let btree = |v: &[(u8, u16)]| v.iter().map(|&(k, x)| (k, x)).collect::<BTreeMap<_, _>>();
            prop_assert_eq!(map(&a) == map(&c), btree(&a) == btree(&c));
        }
    }
}
