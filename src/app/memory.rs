//! Giving freed memory back to the system.
//!
//! glibc's allocator keeps what a thread frees in that thread's arena and returns pages to the
//! system only from the top of each heap, so after loading a detailed layer on worker threads,
//! or after a zoom that rebuilt the map's meshes many times, the process stays at its
//! high-water mark though most of that memory is free (about 40 MB with the 1:10m layer on
//! this project's machine; README, Performance). `malloc_trim(0)` walks every arena and hands
//! back the free pages. Other allocators (musl, macOS, Windows) return memory on their own.

/// Asks the allocator to return free pages to the system; whether it returned any. Call it at
/// a quiet moment (after a load, when the view has settled): it locks each arena in turn.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn release_free_memory() -> bool {
    // SAFETY: `malloc_trim` takes no pointer and has no precondition; glibc serialises it
    // with every other call into the allocator.
    unsafe { libc::malloc_trim(0) == 1 }
}

/// Asks the allocator to return free pages to the system: nothing to do here.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn release_free_memory() -> bool {
    false
}
