//! Sorting with one shared implementation. Every `sort_by` call site instantiates its own copy
//! of the standard library's sort (about 3 KB of wasm each); here all of them go through one
//! sort of `(key, index)` pairs.

/// Sorts `items` by `key`, smallest first, keeping the order of equal keys.
pub fn sort_by_key_f64<T>(items: &mut Vec<T>, key: impl Fn(&T) -> f64) {
    let mut keys: Vec<(f64, usize)> = items.iter().map(&key).zip(0..).collect();
    sort_pairs(&mut keys);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(keys.iter().filter_map(|(_, i)| slots[*i].take()));
}

/// The one sort every caller shares: by key (total order, NaN last), then by position.
fn sort_pairs(keys: &mut [(f64, usize)]) {
    keys.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_and_is_stable() {
        let mut v = vec![("b", 2.0), ("a", 1.0), ("c", 2.0), ("d", -1.0)];
        sort_by_key_f64(&mut v, |x| x.1);
        assert_eq!(
            v.iter().map(|x| x.0).collect::<Vec<_>>(),
            ["d", "a", "b", "c"]
        );
        sort_by_key_f64(&mut v, |x| -x.1);
        assert_eq!(
            v.iter().map(|x| x.0).collect::<Vec<_>>(),
            ["b", "c", "a", "d"]
        );
    }
}
