//! Calls 29 of liburcu's inline functions (with _LGPL_SOURCE: read-side
//! RCU, the wait-free concurrent queue, lists, atomics) by their C names,
//! with the declarations "helperlink gen --rust" wrote.  The queue's head
//! is a transparent union in C, a pointer here.  urcu-main.c gives it
//! the structures and makes the same calls in C on a second set.
#![no_std]
#![allow(non_camel_case_types)]

use core::ffi::c_void;

include!(concat!(env!("GEN_OUT"), "/urcu-decls.rs"));

/// What urcu-main.c gives: a queue, `n` (8) queue nodes and 8 list heads, each
/// array of elements `node_size` and `list_size` bytes apart, and a word.
#[repr(C)]
pub struct urcu_world {
    head: *mut cds_wfcq_head,
    tail: *mut cds_wfcq_tail,
    dest_head: *mut cds_wfcq_head,
    dest_tail: *mut cds_wfcq_tail,
    nodes: *mut u8,
    node_size: usize,
    n: usize,
    lists: *mut u8,
    list_size: usize,
    word: *mut u64,
}

/// One round with `x`; returns a digest of what the calls returned.
///
/// # Safety
/// `w` must describe live, initialized structures, as urcu-main.c's.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn urcu_run(w: &urcu_world, x: u64) -> u64 {
    let mut h: u64 = 0;
    let mut mix = |v: u64| h = (h ^ v).wrapping_mul(0x100_0000_01b3);
    let node = |i: usize| unsafe { w.nodes.add(i * w.node_size) as *mut cds_wfcq_node };
    // By search, not division: no_std has no panic to divide with.
    let index = |p: *mut cds_wfcq_node| (0..w.n).position(|i| node(i) == p).unwrap_or(99) as u64;
    let list = |i: usize| unsafe { w.lists.add(i * w.list_size) as *mut cds_list_head };
    let at = |p: *mut cds_list_head| (0..8).position(|i| list(i) == p).unwrap_or(99) as u64;
    let (qh, dh) = (w.head as *mut __cds_wfcq_head, w.dest_head as *mut __cds_wfcq_head);
    let word = w.word as *mut c_void;
    unsafe {
        rcu_read_lock();
        mix(rcu_read_ongoing() as u64);
        cds_wfcq_init(w.head, w.tail);
        cds_wfcq_init(w.dest_head, w.dest_tail);
        mix(cds_wfcq_empty(qh, w.tail) as u64);
        let k = 2 + (x % 6) as usize;
        for i in 0..k {
            cds_wfcq_node_init(node(i));
            mix(cds_wfcq_enqueue(if i % 3 == 2 { dh } else { qh },
                                 if i % 3 == 2 { w.dest_tail } else { w.tail }, node(i)) as u64);
        }
        mix(index(__cds_wfcq_first_blocking(qh, w.tail)));
        mix(index(__cds_wfcq_next_blocking(qh, w.tail, node(0))));
        mix(cds_wfcq_splice_blocking(w.head, w.tail, w.dest_head, w.dest_tail) as u64);
        mix(cds_wfcq_empty(dh, w.dest_tail) as u64);
        cds_wfcq_dequeue_lock(w.head, w.tail);
        cds_wfcq_dequeue_unlock(w.head, w.tail);
        for _ in 0..(x % 5) {
            mix(index(cds_wfcq_dequeue_blocking(w.head, w.tail)));
        }
        mix(cds_wfcq_empty(qh, w.tail) as u64);
        rcu_read_unlock();
        mix(rcu_read_ongoing() as u64);

        cds_list_add(list(2), list(0));
        cds_list_add_tail(list(3), list(0));
        cds_list_add(list(4), list(1));
        if x & 1 == 1 {
            cds_list_move(list(2), list(1));
        }
        cds_list_replace(list(3), list(5));
        cds_list_add_tail(list(6), list(1));
        cds_list_del(list(6));
        cds_list_del_init(list(4));
        mix(cds_list_empty(list(4)) as u64);
        cds_list_splice(list(1), list(0));
        mix(cds_list_empty(list(0)) as u64);
        let mut p = list(0);
        for _ in 0..4 {
            p = *(p as *const *mut cds_list_head);
            mix(at(p));
        }

        __uatomic_add(word, x & 0xff, 8);
        mix(__uatomic_add_return(word, 3, 8));
        mix(__uatomic_cmpxchg(word, x, x ^ 1, 8));
        mix(__uatomic_exchange(word, x >> 1, 8));
        __uatomic_inc(word, 8);
        __uatomic_dec(word, 4);
        __uatomic_or(word, 0x10, 8);
        __uatomic_and(word, !0x3, 8);
        mix(*w.word);
    }
    h
}
