//! Settings of the allocator the `dateline` binary and the benchmark run on (mimalloc).
//!
//! By default mimalloc returns freed pages to the OS after a second, and the next allocation
//! faults them back in: with transparent huge pages, indexing Reuters-21578 with extraction
//! took ~5,000 page faults that each zeroed up to 2 MB (~9 % of its CPU time in the kernel's
//! `clear_page_erms`, by `perf record`); with freed memory kept, ~850. A run is short-lived
//! and its peak memory is what it is either way.

/// mimalloc's `mi_option_purge_delay` (`mimalloc.h`, v2 and v3): milliseconds freed memory
/// waits before it goes back to the OS; -1 = never.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps freed memory in the process instead of returning it to the OS (see the module
/// docs). Call first thing in `main`, before other threads start. Harmless where mimalloc is
/// linked but not the global allocator: it then only sets an unused option.
pub fn keep_freed_memory() {
    // SAFETY: sets a plain integer option of the C library; no pointer is passed.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freed_memory_is_never_purged_after_the_call() {
        keep_freed_memory();
        // SAFETY: reads a plain integer option.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }, -1);
    }
}
