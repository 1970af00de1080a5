//! Calls 30 of liburing's inline functions by their C names, with the
//! declarations "helperlink gen --rust" wrote, on a ring that
//! uring-main.c sets up in memory (no system call).  uring-main.c makes
//! the same calls in C on a second ring, and compares the two.
#![no_std]
#![allow(non_camel_case_types)]

use core::ffi::c_void;

include!(concat!(env!("GEN_OUT"), "/uring-decls.rs"));

/// Fills the ring's entries; returns what the ring's accessors say.
///
/// # Safety
/// `ring` must be set up with at least 32 entries, `buf` must hold 64
/// bytes, `ts` and `iov` must be valid.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn uring_run(ring: *mut io_uring, buf: *mut c_void,
                                   ts: *mut __kernel_timespec, iov: *const iovec) -> u64 {
    let path = c"/tmp/x".as_ptr();
    unsafe {
        let before = io_uring_sq_space_left(ring);
        io_uring_prep_nop(io_uring_get_sqe(ring));
        io_uring_prep_read(io_uring_get_sqe(ring), 3, buf, 64, 4096);
        io_uring_prep_write(io_uring_get_sqe(ring), 4, buf, 32, 8192);
        io_uring_prep_readv(io_uring_get_sqe(ring), 5, iov, 1, 0);
        io_uring_prep_writev(io_uring_get_sqe(ring), 6, iov, 1, 512);
        io_uring_prep_fsync(io_uring_get_sqe(ring), 7, 1);
        io_uring_prep_close(io_uring_get_sqe(ring), 8);
        io_uring_prep_openat(io_uring_get_sqe(ring), -100, path, 2, 0o644);
        io_uring_prep_timeout(io_uring_get_sqe(ring), ts, 2, 0);
        io_uring_prep_poll_add(io_uring_get_sqe(ring), 9, 1);
        io_uring_prep_poll_remove(io_uring_get_sqe(ring), 77);
        io_uring_prep_send(io_uring_get_sqe(ring), 10, buf, 16, 0);
        io_uring_prep_recv(io_uring_get_sqe(ring), 11, buf, 16, 0);
        io_uring_prep_accept(io_uring_get_sqe(ring), 12, core::ptr::null_mut(),
                             core::ptr::null_mut(), 0);
        io_uring_prep_connect(io_uring_get_sqe(ring), 13, core::ptr::null(), 16);
        io_uring_prep_fallocate(io_uring_get_sqe(ring), 14, 0, 0, 4096);
        io_uring_prep_madvise(io_uring_get_sqe(ring), buf, 64, 4);
        io_uring_prep_fadvise(io_uring_get_sqe(ring), 15, 0, 4096, 2);
        io_uring_prep_shutdown(io_uring_get_sqe(ring), 16, 2);
        io_uring_prep_unlinkat(io_uring_get_sqe(ring), -100, path, 0);
        io_uring_prep_mkdirat(io_uring_get_sqe(ring), -100, path, 0o755);
        io_uring_prep_splice(io_uring_get_sqe(ring), 17, -1, 18, -1, 4096, 0);
        io_uring_prep_tee(io_uring_get_sqe(ring), 19, 20, 4096, 0);
        io_uring_prep_cancel64(io_uring_get_sqe(ring), 42, 0);
        io_uring_prep_sync_file_range(io_uring_get_sqe(ring), 21, 4096, 0, 0);
        io_uring_prep_renameat(io_uring_get_sqe(ring), -100, path, -100, path, 0);
        io_uring_prep_socket(io_uring_get_sqe(ring), 2, 1, 0, 0);
        let sqe = io_uring_get_sqe(ring);
        io_uring_prep_nop(sqe);
        io_uring_sqe_set_data64(sqe, 0xfeed);
        io_uring_sqe_set_flags(sqe, 1);
        let ready = io_uring_sq_ready(ring);
        let left = io_uring_sq_space_left(ring);
        (before as u64) << 32 | (ready as u64) << 16 | left as u64
    }
}
