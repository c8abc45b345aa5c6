//! Caps the memory of the process that reads a workbook (the child, capping itself) at
//! [`CHILD_MEMORY`], so no workbook can exhaust the machine: past the cap an allocation fails,
//! the child aborts, and the parent reports a damaged workbook.
//!
//! On Unix the cap is the address-space limit (`RLIMIT_AS`); on Windows, a job object limiting
//! the process's committed memory (`JOB_OBJECT_LIMIT_PROCESS_MEMORY`), as hyperfine uses job
//! objects. Where the system refuses the cap (a Windows 7 process already in a job, say), the
//! child reads uncapped, as it does on other systems.

use super::CHILD_MEMORY;

/// Caps this process's memory at [`CHILD_MEMORY`] where the system lets it.
pub(super) fn cap_memory() {
    imp::cap_memory(CHILD_MEMORY);
}

#[cfg(unix)]
mod imp {
    pub(super) fn cap_memory(bytes: u64) {
        let _ = rlimit::setrlimit(rlimit::Resource::AS, bytes, bytes);
    }
}

#[cfg(windows)]
#[allow(unsafe_code)] // The only unsafe code in plan: three Win32 calls, none holding a pointer.
mod imp {
    use windows_sys::Win32::System::JobObjects::{
        AssignProcessToJobObject, CreateJobObjectW, JobObjectExtendedLimitInformation,
        SetInformationJobObject, JOBOBJECT_EXTENDED_LIMIT_INFORMATION,
        JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, JOB_OBJECT_LIMIT_PROCESS_MEMORY,
    };
    use windows_sys::Win32::System::Threading::GetCurrentProcess;

    /// Puts this process in a new job that limits its committed memory to `bytes` and kills
    /// whatever is in it when the job's last handle closes. The handle is never closed: it
    /// lives as long as this process, and closing it would end the process.
    pub(super) fn cap_memory(bytes: u64) {
        let Ok(limit) = usize::try_from(bytes) else {
            return;
        };
        // SAFETY: CreateJobObjectW takes null for default security and no name; it returns a
        // handle or null.
        let job = unsafe { CreateJobObjectW(std::ptr::null(), std::ptr::null()) };
        if job.is_null() {
            return;
        }
        // SAFETY: an all-zero JOBOBJECT_EXTENDED_LIMIT_INFORMATION (integers only) is valid:
        // no limit set.
        let mut info: JOBOBJECT_EXTENDED_LIMIT_INFORMATION = unsafe { std::mem::zeroed() };
        info.BasicLimitInformation.LimitFlags =
            JOB_OBJECT_LIMIT_PROCESS_MEMORY | JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        info.ProcessMemoryLimit = limit;
        let size = std::mem::size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32;
        // SAFETY: `job` is the handle just created; `info` is the structure the class names,
        // of the size given, alive for the call. GetCurrentProcess returns a pseudo-handle that
        // needs no closing.
        unsafe {
            if SetInformationJobObject(
                job,
                JobObjectExtendedLimitInformation,
                std::ptr::from_ref(&info).cast(),
                size,
            ) != 0
            {
                AssignProcessToJobObject(job, GetCurrentProcess());
            }
        }
    }
}

#[cfg(not(any(unix, windows)))]
mod imp {
    pub(super) fn cap_memory(_bytes: u64) {}
}
