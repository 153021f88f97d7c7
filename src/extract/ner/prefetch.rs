//! Software prefetch: the one place the recognizer asks the CPU to load memory ahead of use.
//!
//! Scoring a token sums ~50 weight rows scattered over several MB; issuing the loads for a
//! whole batch before using any of them lets their cache misses overlap.

/// Hints that all of `*p` will be read soon (every 64-byte cache line it spans).
#[inline(always)]
pub(crate) fn prefetch_all<T>(p: &T) {
    let start = (p as *const T).cast::<u8>();
    for off in (0..std::mem::size_of::<T>()).step_by(64) {
        // In bounds of `*p`, so a valid address to hint (`wrapping_add` needs no unsafe).
        prefetch_ptr(start.wrapping_add(off));
    }
}

/// Hints that `*p` will be read soon. Never faults and has no effect on results.
#[inline(always)]
pub(crate) fn prefetch<T>(p: &T) {
    prefetch_ptr((p as *const T).cast::<u8>());
}

#[inline(always)]
fn prefetch_ptr(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never dereferences architecturally (no fault, no visible effect even
    // for an invalid address), and callers pass addresses inside live objects anyway; SSE is
    // part of the x86_64 baseline.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(p.cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}
