//! [`IdMap`]: a map keyed by an id that numbers its values ([`ObligationId`], [`EventId`],
//! [`QuestionId`]), kept as one slot per number, so that a look-up is an index and
//! iteration is in id order (catalogue order for obligations, data-file order for events).
//!
//! [`ObligationId`]: crate::duties::ObligationId
//! [`EventId`]: crate::duties::EventId
//! [`QuestionId`]: crate::assessment::questions::QuestionId
use std::fmt;

/// An id that numbers its values `0, 1, 2…`, such as the ids `build.rs` generates.
pub trait Id: Copy {
    /// The id's number: distinct ids have distinct numbers, and they are small (an
    /// [`IdMap`] has a slot for every number up to the largest it holds).
    fn index(self) -> usize;
}

/// A map from ids to values: `BTreeMap`'s methods over a `Vec` with one slot per id
/// number, grown as needed. Iteration, `Debug` and comparison go in id order.
#[derive(Clone)]
pub struct IdMap<K, V> {
    slots: Vec<Option<(K, V)>>,
}

impl<K, V> IdMap<K, V> {
    /// An empty map.
    pub const fn new() -> Self {
        IdMap { slots: Vec::new() }
    }

    /// Removes every value.
    pub fn clear(&mut self) {
        self.slots.clear();
    }

    /// How many ids have a value.
    pub fn len(&self) -> usize {
        self.slots.iter().flatten().count()
    }

    /// Whether no id has a value.
    pub fn is_empty(&self) -> bool {
        self.slots.iter().all(Option::is_none)
    }
}

impl<K: Id, V> IdMap<K, V> {
    /// The value for `id`, if any.
    pub fn get(&self, id: &K) -> Option<&V> {
        let (_, value) = self.slots.get(id.index())?.as_ref()?;
        Some(value)
    }

    /// Whether the map has a value for `id`.
    pub fn contains_key(&self, id: &K) -> bool {
        self.get(id).is_some()
    }

    /// Sets the value for `id`, returning the one it replaces.
    pub fn insert(&mut self, id: K, value: V) -> Option<V> {
        let i = id.index();
        if i >= self.slots.len() {
            self.slots.resize_with(i + 1, || None);
        }
        let (_, old) = self.slots[i].replace((id, value))?;
        Some(old)
    }

    /// Removes the value for `id`, returning it.
    pub fn remove(&mut self, id: &K) -> Option<V> {
        let (_, value) = self.slots.get_mut(id.index())?.take()?;
        Some(value)
    }

    /// The ids that have a value, with it, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (K, &V)> + '_ {
        self.slots.iter().flatten().map(|(id, value)| (*id, value))
    }
}

impl<K, V> Default for IdMap<K, V> {
    fn default() -> Self {
        IdMap::new()
    }
}

/// Equal when the same ids have equal values (however many slots each has grown).
impl<K: PartialEq, V: PartialEq> PartialEq for IdMap<K, V> {
    fn eq(&self, other: &Self) -> bool {
        self.slots.iter().flatten().eq(other.slots.iter().flatten())
    }
}

impl<K: Eq, V: Eq> Eq for IdMap<K, V> {}

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
        fn index(self) -> usize {
            usize::from(self.0)
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
