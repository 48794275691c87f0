//! The process's memory: giving freed memory back to the system, asking for large pages for
//! large buffers, setting the allocator of one-shot commands, and mapping files for them.
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
//! A command given a large country layer goes further: its whole heap is one range of such
//! pages ([`tune_allocator_for_commands`]).
//!
//! A one-shot command reads its large country layer by mapping the file ([`MappedFile`]): the
//! page cache's own pages, nothing copied and no fresh memory cleared for them (about a tenth
//! of a whole `render` of the 1:10m layer on this project's machine). A mapped file that
//! another program truncates while it is read faults (SIGBUS) instead of reading short, so
//! mapping is off until a process asks for it with [`map_files_with_guard`], which installs a
//! handler that ends the process with a message naming the file; nothing has been written
//! then (the commands read before they write, and write atomically). The app never maps:
//! unsaved edits would go with the process. A file rewritten in place while it is read (not
//! truncated) may be read as a mix of old and new bytes, as `ripgrep` says of its own maps;
//! the loaders check every byte they use, so such a mix is at worst a clear error.

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

/// The size from which a file is large: read on two threads, mapped by commands, worth
/// [`tune_allocator_for_commands`] (4 MiB; the 1:50m country layer is 4.5 MB, the 1:10m
/// 22 MB).
pub const LARGE_FILE: u64 = 4 << 20;

/// Whether `path` names a file of [`LARGE_FILE`] bytes or more (false if it cannot be read).
pub fn is_large_file(path: &std::path::Path) -> bool {
    std::fs::metadata(path).is_ok_and(|meta| meta.len() >= LARGE_FILE)
}

/// Sets glibc's allocator for a one-shot command, and says whether it took: one heap for
/// every thread, grown 64 MiB at a time and backed by 2 MiB pages, with buffers up to 32 MiB
/// kept in it and freed memory kept for reuse. A command touches tens of megabytes of fresh
/// memory once, then ends: in 4 KiB pages that is thousands of page faults (about a tenth of
/// a `render` of the 1:10m layer on this project's machine), in 2 MiB pages a few dozen. One
/// heap, because glibc's per-thread heaps would each start on a fresh page of their own.
/// The app keeps glibc's defaults, which hand memory back as it is freed. Call it before
/// starting threads.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn tune_allocator_for_commands() -> bool {
    const PAD: libc::c_int = 64 << 20;
    // SAFETY: mallopt(3), malloc(3), free(3) and sbrk(0) as glibc documents them, called
    // before any other thread allocates; madvise(2) on the whole huge pages of the range the
    // heap has just grown by, which belongs to this process and holds nothing yet (the advice
    // changes how the kernel backs it, never what it holds).
    unsafe {
        let set = libc::mallopt(libc::M_ARENA_MAX, 1) == 1
            && libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20) == 1
            && libc::mallopt(libc::M_TRIM_THRESHOLD, 256 << 20) == 1
            && libc::mallopt(libc::M_TOP_PAD, PAD) == 1;
        if !set {
            return false;
        }
        // One allocation larger than what is left at the top makes the heap grow by it and
        // the pad; black_box keeps the compiler from leaving out the pair.
        let before = libc::sbrk(0) as usize;
        libc::free(std::hint::black_box(libc::malloc(1 << 20)));
        let after = libc::sbrk(0) as usize;
        let first = before.next_multiple_of(HUGE_PAGE);
        let end = after / HUGE_PAGE * HUGE_PAGE;
        end > first
            && libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE) == 0
    }
}

/// Sets the allocator for a one-shot command: nothing to set here.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn tune_allocator_for_commands() -> bool {
    false
}

/// The exit status after the SIGBUS of a truncated map: 128 + 7, as shells report a process
/// ended by that signal.
pub const EXIT_SIGBUS: i32 = 135;

/// Mapping files, and its guard: the number of maps alive (the handler speaks only while
/// there is one), and the message for the file mapped last (leaked: a few per process).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod guard {
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};

    pub(super) static INSTALLED: OnceLock<bool> = OnceLock::new();
    pub(super) static LIVE: AtomicUsize = AtomicUsize::new(0);
    static MESSAGE: AtomicPtr<Vec<u8>> = AtomicPtr::new(std::ptr::null_mut());

    /// Sets the message the handler writes, naming `name`.
    pub(super) fn name_file(name: &str) {
        let message = format!(
            "sahel-atlas: {name}: the file was truncated or removed while it was read \
             (SIGBUS); stopped, nothing was written\n"
        );
        MESSAGE.store(
            Box::into_raw(Box::new(message.into_bytes())),
            Ordering::Release,
        );
    }

    /// The SIGBUS handler: with a map alive, says which file and exits; else puts the default
    /// action back and raises the signal again, which ends the process as it would have
    /// without this handler.
    #[allow(unsafe_code)]
    pub(super) extern "C" fn on_sigbus(_: libc::c_int) {
        // Only async-signal-safe calls here: atomics, write(2), _exit(2), sigaction(2).
        if LIVE.load(Ordering::Acquire) == 0 {
            // SAFETY: a zeroed sigaction is SIG_DFL with an empty mask and no flags. The signal
            // raised again stays pending until this handler returns, then takes its default
            // action, whether it came from a fault or from `kill`.
            unsafe {
                let default: libc::sigaction = std::mem::zeroed();
                libc::sigaction(libc::SIGBUS, &raw const default, std::ptr::null_mut());
                libc::raise(libc::SIGBUS);
            }
            return;
        }
        let message = MESSAGE.load(Ordering::Acquire);
        // SAFETY: `message` is null or a leaked, never freed Vec; write(2) reads `len` bytes of
        // its buffer; _exit(2) ends the process without running anything else.
        unsafe {
            if let Some(message) = message.as_ref() {
                libc::write(2, message.as_ptr().cast(), message.len());
            }
            libc::_exit(super::EXIT_SIGBUS);
        }
    }
}

/// Lets [`MappedFile::map`] map files in this process, after installing the handler that turns
/// the SIGBUS of a file truncated while mapped into a message naming it and exit status
/// [`EXIT_SIGBUS`] (see the module). For one-shot commands, never for the app. Whether
/// mapping is on (false where the handler cannot be installed, and off Linux).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn map_files_with_guard() -> bool {
    *guard::INSTALLED.get_or_init(|| {
        // SAFETY: a handler that makes only async-signal-safe calls, with an empty mask.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = guard::on_sigbus as extern "C" fn(libc::c_int) as usize;
            libc::sigemptyset(&raw mut action.sa_mask);
            libc::sigaction(libc::SIGBUS, &raw const action, std::ptr::null_mut()) == 0
        }
    })
}

/// Files are never mapped here.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn map_files_with_guard() -> bool {
    false
}

/// A file's bytes mapped read-only into this process, its pages read in at once: the page
/// cache's own pages, so nothing is copied and no fresh memory is cleared for them. Made only
/// once [`map_files_with_guard`] has been called.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub struct MappedFile {
    start: std::ptr::NonNull<u8>,
    len: usize,
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
impl MappedFile {
    /// Maps the first `len` bytes of `file`, named `name` in the guard's message; `None` if
    /// mapping is off in this process, `len` is 0, or the kernel declines.
    #[allow(unsafe_code)]
    pub fn map(file: &std::fs::File, len: usize, name: &str) -> Option<Self> {
        use std::os::fd::AsRawFd as _;
        use std::sync::atomic::Ordering;
        if len == 0 || guard::INSTALLED.get() != Some(&true) {
            return None;
        }
        guard::name_file(name);
        guard::LIVE.fetch_add(1, Ordering::AcqRel);
        // SAFETY: a fresh read-only private mapping of an open file; the kernel chooses the
        // address, so it overlaps nothing of this process.
        let at = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ,
                libc::MAP_PRIVATE | libc::MAP_POPULATE,
                file.as_raw_fd(),
                0,
            )
        };
        match std::ptr::NonNull::new(at.cast()).filter(|_| at != libc::MAP_FAILED) {
            Some(start) => Some(Self { start, len }),
            None => {
                guard::LIVE.fetch_sub(1, Ordering::AcqRel);
                None
            }
        }
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
impl std::ops::Deref for MappedFile {
    type Target = [u8];

    #[allow(unsafe_code)]
    fn deref(&self) -> &[u8] {
        // SAFETY: `len` readable bytes from `start`, mapped until `self` is dropped (bytes
        // that another program rewrites meanwhile are still bytes: see the module).
        unsafe { std::slice::from_raw_parts(self.start.as_ptr(), self.len) }
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
impl Drop for MappedFile {
    #[allow(unsafe_code)]
    fn drop(&mut self) {
        // SAFETY: the mapping made in `map`, unmapped once; no slice of it outlives `self`.
        unsafe {
            libc::munmap(self.start.as_ptr().cast(), self.len);
        }
        guard::LIVE.fetch_sub(1, std::sync::atomic::Ordering::AcqRel);
    }
}

/// A file's bytes where files are never mapped: an empty type, never made.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub enum MappedFile {}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
impl MappedFile {
    /// Never maps here.
    pub fn map(_: &std::fs::File, _: usize, _: &str) -> Option<Self> {
        None
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
impl std::ops::Deref for MappedFile {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match *self {}
    }
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

    /// Runs this test binary again for the test `name` alone, with `SAHEL_ATLAS_TEST_CHILD`
    /// set to `role`: what the child does lives in the same test, behind that variable.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn child(name: &str, role: &str, dir: &std::path::Path) -> std::process::Output {
        std::process::Command::new(std::env::current_exe().expect("the test binary"))
            .args([name, "--exact", "--nocapture", "--test-threads=1"])
            .env("SAHEL_ATLAS_TEST_CHILD", role)
            .env("SAHEL_ATLAS_TEST_DIR", dir)
            .output()
            .expect("the child runs")
    }

    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn large_file(dir: &std::path::Path) -> (std::path::PathBuf, Vec<u8>) {
        let path = dir.join("large.geojson");
        let bytes: Vec<u8> = (0..5_000_001u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &bytes).expect("written");
        (path, bytes)
    }

    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn files_are_mapped_only_once_asked_and_hold_the_file() {
        const NAME: &str = "io::memory::tests::files_are_mapped_only_once_asked_and_hold_the_file";
        if let Some(dir) = std::env::var_os("SAHEL_ATLAS_TEST_DIR")
            .filter(|_| std::env::var_os("SAHEL_ATLAS_TEST_CHILD").is_some())
        {
            // The child: a process that never asked maps nothing.
            let (path, _) = large_file(std::path::Path::new(&dir));
            let file = std::fs::File::open(&path).expect("opened");
            assert!(MappedFile::map(&file, 5_000_001, "large.geojson").is_none());
            print!("not mapped before asking");
            return;
        }
        let dir = tempfile::tempdir().expect("a temporary folder");
        let out = child(NAME, "unasked", dir.path());
        assert!(out.status.success(), "{out:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("not mapped before asking"));
        // Asked, a map holds the file's bytes.
        assert!(map_files_with_guard());
        let (path, bytes) = large_file(dir.path());
        let file = std::fs::File::open(&path).expect("opened");
        let map = MappedFile::map(&file, bytes.len(), "large.geojson").expect("mapped");
        assert!(*map == *bytes);
    }

    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn a_file_truncated_while_mapped_ends_the_process_with_its_name() {
        use std::os::unix::process::ExitStatusExt as _;
        const NAME: &str =
            "io::memory::tests::a_file_truncated_while_mapped_ends_the_process_with_its_name";
        let role = std::env::var("SAHEL_ATLAS_TEST_CHILD").unwrap_or_default();
        if let Some(dir) = std::env::var_os("SAHEL_ATLAS_TEST_DIR").filter(|_| !role.is_empty()) {
            assert!(map_files_with_guard());
            if role == "truncated" {
                // Another program truncates the file while it is mapped, then it is read.
                let (path, _) = large_file(std::path::Path::new(&dir));
                let file = std::fs::File::open(&path).expect("opened");
                let map =
                    MappedFile::map(&file, 5_000_001, &path.display().to_string()).expect("mapped");
                std::fs::OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .and_then(|f| f.set_len(0))
                    .expect("truncated");
                print!("{}", map[4 << 20]);
            } else {
                // A SIGBUS with no map alive is not the guard's: it ends the process as ever.
                let _ = signal_hook::low_level::raise(libc::SIGBUS);
            }
            print!("still running");
            return;
        }
        let dir = tempfile::tempdir().expect("a temporary folder");
        let out = child(NAME, "truncated", dir.path());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(EXIT_SIGBUS), "{stderr}");
        assert!(
            stderr.contains("large.geojson: the file was truncated or removed while it was read"),
            "{stderr}"
        );
        assert!(!String::from_utf8_lossy(&out.stdout).contains("still running"));
        let out = child(NAME, "raised", dir.path());
        assert_eq!(out.status.signal(), Some(libc::SIGBUS), "{out:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("truncated"));
        assert!(!String::from_utf8_lossy(&out.stdout).contains("still running"));
    }
}
