//! Whether standard output was closed when `plan` started (`plan list >&-`).
//!
//! On Unix, Rust's runtime reopens a closed descriptor 0, 1 or 2 on /dev/null before `main`, so
//! every later write to it succeeds and the report vanishes with exit 0. A constructor that runs
//! before the runtime's start-up (the `ctor` crate) looks at descriptor 1 while it is still as the
//! shell left it. On Windows the standard library leaves a missing handle null and swallows writes
//! to it; the handle is looked at directly.

#[cfg(unix)]
#[allow(unsafe_code)] // The one unsafe block of `plan`: see the module's comment.
mod closed_at_start {
    use std::sync::atomic::{AtomicBool, Ordering};

    static CLOSED: AtomicBool = AtomicBool::new(false);

    #[ctor::ctor(unsafe)]
    fn look() {
        // SAFETY: F_GETFD reads the descriptor's flags and changes nothing; it fails with EBADF
        // only when descriptor 1 is not open.
        let closed = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1;
        CLOSED.store(closed, Ordering::Relaxed);
    }

    pub fn get() -> bool {
        CLOSED.load(Ordering::Relaxed)
    }
}

#[cfg(windows)]
mod closed_at_start {
    pub fn get() -> bool {
        use std::os::windows::io::AsRawHandle;
        std::io::stdout().as_raw_handle().is_null()
    }
}

#[cfg(not(any(unix, windows)))]
mod closed_at_start {
    pub fn get() -> bool {
        false
    }
}

/// The error for output that cannot reach anyone: standard output was closed.
pub fn closed_error() -> crate::error::Error {
    crate::error::Error::read(
        crate::error::Location::special(crate::error::Place::StandardOutput),
        crate::error::Message::StdoutClosed,
    )
}

/// True when standard output was closed before `plan` started, so nothing written to it would
/// reach anyone.
pub fn stdout_closed() -> bool {
    closed_at_start::get()
}
