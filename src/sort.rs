//! Stable sorting with one shared instantiation, for the wasm's size.
//!
//! Each `slice::sort_by` call with its own element type and comparator
//! instantiates the standard library's whole sort (driftsort's merges,
//! quicksort, small-sort networks): 123 such functions, 90 KB of the raw
//! wasm, came from a handful of call sites. [`sort_by`] sorts a list of
//! indexes instead, through one `dyn` comparator (one instantiation for the
//! whole crate), then moves the elements into place along the permutation's
//! cycles. Short slices, the common case (a sentence's hedges or
//! attributions, the matches at one token), take an insertion sort, which is
//! small code and the fastest at that length. Every path is O(n log n) or,
//! for n ≤ [`SHORT`], bounded: no input makes a sort quadratic.

use std::cmp::Ordering;

/// Slices up to this length are insertion-sorted in place.
const SHORT: usize = 12;

/// Sort `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let n = v.len();
    if n < 2 {
        return;
    }
    if n <= SHORT {
        // stable: an element moves left only past strictly greater ones
        for i in 1..n {
            let mut j = i;
            while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut idx: Vec<u32> = (0..n as u32).collect();
    sort_indexes(&mut idx, &mut |a, b| cmp(&v[a as usize], &v[b as usize]));
    permute(v, &mut idx);
}

/// Sort `v` stably by a key.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The one instantiation of the standard library's stable sort.
#[inline(never)]
fn sort_indexes(idx: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    idx.sort_by(|&a, &b| cmp(a, b));
}

/// Reorder `v` so that `v[i]` becomes the old `v[idx[i]]`, following each
/// cycle of the permutation once (linear); `idx` is used up.
fn permute<T>(v: &mut [T], idx: &mut [u32]) {
    for start in 0..idx.len() {
        let mut j = start;
        loop {
            let k = idx[j] as usize;
            idx[j] = j as u32;
            if k == start || k == j {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(mut v: Vec<(u8, u32)>) {
        let mut want = v.clone();
        want.sort_by_key(|p| p.0);
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, want);
    }

    #[test]
    fn stable_like_std_at_every_length() {
        // the second field numbers the elements: stability shows in it
        for n in 0..60u32 {
            check((0..n).map(|i| (((i * 7919) % 5) as u8, i)).collect());
            check((0..n).map(|i| ((n - i) as u8, i)).collect());
            check((0..n).map(|i| (3, i)).collect());
        }
    }

    #[test]
    fn permutations_follow_every_cycle() {
        let mut v: Vec<u32> = (0..200).map(|i| (i * 37) % 200).collect();
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, (0..200).rev().collect::<Vec<u32>>());
    }
}
