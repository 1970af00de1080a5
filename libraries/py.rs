//! Calls 22 of CPython 3.11's inline functions by their C names, with the
//! declarations "helperlink gen --rust" wrote, on objects that py-main.c
//! lays out in memory (the interpreter is not started).  py-main.c makes
//! the same calls in C on a second set of objects, and compares.
#![no_std]
#![allow(non_camel_case_types, non_snake_case)]

include!(concat!(env!("GEN_OUT"), "/py-decls.rs"));

/// # Safety
/// The objects must be as py-main.c makes them; none reaches refcount 0.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn py_run(tuple: *mut _object, list: *mut _object, bytes: *mut _object,
                                obj: *mut _object, tuple_type: *mut _typeobject,
                                type_type: *mut _typeobject) -> i64 {
    let mut sum: i64 = 0;
    unsafe {
        Py_INCREF(obj);
        Py_INCREF(obj);
        Py_DECREF(obj);
        Py_XINCREF(obj);
        Py_XINCREF(core::ptr::null_mut());
        Py_XDECREF(obj);
        Py_XDECREF(core::ptr::null_mut());
        let r = _Py_NewRef(obj);
        let x = _Py_XNewRef(core::ptr::null_mut());
        sum += (r == obj) as i64 + x.is_null() as i64;
        sum += Py_REFCNT(obj);
        Py_SET_REFCNT(bytes, Py_REFCNT(bytes) + 5);
        sum += Py_REFCNT(bytes) * 10;
        sum += (Py_TYPE(tuple) == tuple_type) as i64 * 100;
        sum += Py_IS_TYPE(tuple, tuple_type) as i64 * 1000;
        sum += Py_SIZE(tuple) * 10_000;
        sum += PyTuple_GET_SIZE(tuple) * 100_000;
        PyTuple_SET_ITEM(tuple, 1, obj);
        PyList_SET_ITEM(list, 0, bytes);
        sum += PyList_GET_SIZE(list) * 1_000_000;
        sum += PyType_HasFeature(tuple_type, 1 << 26) as i64 * 10_000_000;
        sum += PyType_Check(tuple) as i64 + PyType_CheckExact(tuple_type as *mut _object) as i64 * 2;
        sum += PyObject_TypeCheck(tuple, tuple_type) as i64 * 100_000_000;
        sum += PyBytes_GET_SIZE(bytes) * 1_000_000_000;
        sum += *PyBytes_AS_STRING(bytes) as i64;
        Py_SET_TYPE(obj, type_type);
        sum += (Py_TYPE(obj) == type_type) as i64 * 7;
    }
    sum
}
