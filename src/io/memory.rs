//! The process's memory: giving freed memory back to the system, and asking for large pages
//! for large buffers.
//!
//! glibc's allocator keeps what a thread frees in that thread's arena and returns pages to the
//! system only from the top of each heap, so after loading a detailed layer on worker threads,
//! or after a zoom that rebuilt the map's meshes many times, the process stays at its
//! high-water mark though most of that memory is free (about 40 MB with the 1:10m layer on
//! this project's machine; README, Performance). `malloc_trim(0)` walks every arena and hands
//! back the free pages. Other allocators (musl, macOS, Windows) return memory on their own.
//!
//! A large buffer written once from start to end (a file read whole, a picture's pixels) costs
//! the kernel a page fault for every 4 KiB it first touches: for the 22 MB of the 1:10m country
//! layer, 5,500 faults, about a tenth of a whole `render`. Linux backs a range marked
//! `MADV_HUGEPAGE` with 2 MiB pages where it can, one fault each ([`advise_huge_pages`]).

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

/// The size of a huge page on x86-64 and most ARM64 kernels.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const HUGE_PAGE: usize = 2 << 20;

/// Asks the kernel to back the whole 2 MiB pages inside `buffer` with huge pages when they
/// are first touched. Advice only: the contents do not change, and a kernel that declines
/// (transparent huge pages off, or no huge page free) leaves everything as it was. Call it
/// before the buffer is written. Returns whether the advice was taken.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn advise_huge_pages(buffer: &mut [u8]) -> bool {
    let start = buffer.as_mut_ptr() as usize;
    let first = start.next_multiple_of(HUGE_PAGE);
    let end = (start + buffer.len()) / HUGE_PAGE * HUGE_PAGE;
    if end <= first {
        return false;
    }
    // SAFETY: the range lies inside `buffer`, which this function borrows mutably, and starts
    // on a page boundary as madvise requires. MADV_HUGEPAGE changes only how the kernel backs
    // the range, never what it holds or who may touch it.
    unsafe { libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE) == 0 }
}

/// Asks the kernel for huge pages under `buffer`: not on this system.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn advise_huge_pages(_buffer: &mut [u8]) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advice_leaves_the_contents_and_skips_small_buffers() {
        let mut small = vec![7u8; 4096];
        assert!(!advise_huge_pages(&mut small));
        assert!(small.iter().all(|&b| b == 7));
        let mut large = vec![0u8; 6 << 20];
        large[..4].copy_from_slice(b"keep");
        // Whether the kernel takes it depends on the machine; the bytes never change.
        let _ = advise_huge_pages(&mut large);
        assert_eq!(&large[..4], b"keep");
        large[5 << 20] = 1;
        assert_eq!(large.iter().filter(|&&b| b != 0).count(), 5);
    }
}
