//! A safe reference count over the C library.
use core::cell::UnsafeCell;
use refcount_sys as sys;

/// A saturating reference count, shared between threads.
pub struct Refcount(UnsafeCell<sys::refcount_t>);

// SAFETY: the C functions are atomic.
unsafe impl Sync for Refcount {}
unsafe impl Send for Refcount {}

impl Refcount {
    pub fn new(n: i32) -> Self {
        let r = Refcount(UnsafeCell::new(sys::refcount_t { refs: 0 }));
        unsafe { sys::rust_helper_refcount_set(r.0.get(), n) };
        r
    }

    #[inline]
    pub fn get(&self) -> i32 {
        unsafe { sys::rust_helper_refcount_read(self.0.get()) }
    }

    #[inline]
    pub fn inc(&self) {
        unsafe { sys::rust_helper_refcount_inc(self.0.get()) }
    }

    /// Drops a reference; true when it was the last.
    #[inline]
    pub fn dec_and_test(&self) -> bool {
        unsafe { sys::rust_helper_refcount_dec_and_test(self.0.get()) }
    }

    /// How many times a count saturated, in the whole program.
    pub fn saturations() -> u64 {
        unsafe { sys::refcount_saturations as u64 }
    }
}

#[cfg(test)]
mod tests {
    use super::Refcount;

    #[test]
    fn counts() {
        let r = Refcount::new(1);
        r.inc();
        assert_eq!(r.get(), 2);
        assert!(!r.dec_and_test());
        assert!(r.dec_and_test());
    }

    #[test]
    fn saturates_from_zero() {
        let before = Refcount::saturations();
        let r = Refcount::new(0);
        r.inc();
        assert!(r.get() < 0);
        assert!(Refcount::saturations() > before);
    }
}
