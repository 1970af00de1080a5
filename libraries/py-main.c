/* py-main.c: lays out CPython objects in memory (no interpreter), lets
 * py.rs work on one set and does the same in C on another; prints whether
 * the results and the objects agree. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>
#include <string.h>

int64_t py_run(PyObject *tuple, PyObject *list, PyObject *bytes, PyObject *obj,
               PyTypeObject *tuple_type, PyTypeObject *type_type);

static int64_t
c_run(PyObject *tuple, PyObject *list, PyObject *bytes, PyObject *obj,
      PyTypeObject *tuple_type, PyTypeObject *type_type)
{
	int64_t sum = 0;
	PyObject *r, *x;

	Py_INCREF(obj);
	Py_INCREF(obj);
	Py_DECREF(obj);
	Py_XINCREF(obj);
	Py_XINCREF(NULL);
	Py_XDECREF(obj);
	Py_XDECREF(NULL);
	r = _Py_NewRef(obj);
	x = _Py_XNewRef(NULL);
	sum += (r == obj) + (x == NULL);
	sum += Py_REFCNT(obj);
	Py_SET_REFCNT(bytes, Py_REFCNT(bytes) + 5);
	sum += Py_REFCNT(bytes) * 10;
	sum += (Py_TYPE(tuple) == tuple_type) * 100;
	sum += Py_IS_TYPE(tuple, tuple_type) * 1000;
	sum += Py_SIZE(tuple) * 10000;
	sum += PyTuple_GET_SIZE(tuple) * 100000;
	PyTuple_SET_ITEM(tuple, 1, obj);
	PyList_SET_ITEM(list, 0, bytes);
	sum += PyList_GET_SIZE(list) * 1000000;
	sum += PyType_HasFeature(tuple_type, 1UL << 26) * 10000000;
	sum += PyType_Check(tuple) + PyType_CheckExact((PyObject *)tuple_type) * 2;
	sum += PyObject_TypeCheck(tuple, tuple_type) * 100000000LL;
	sum += PyBytes_GET_SIZE(bytes) * 1000000000LL;
	sum += *PyBytes_AS_STRING(bytes);
	Py_SET_TYPE(obj, type_type);
	sum += (Py_TYPE(obj) == type_type) * 7;
	return sum;
}

struct objects {
	struct { PyTupleObject t; PyObject *more[2]; } tuple;
	PyListObject list;
	PyObject *items[2];
	struct { PyBytesObject b; char more[8]; } bytes;
	PyObject obj;
};

static void
setup(struct objects *o)
{
	memset(o, 0, sizeof(*o));
	Py_SET_REFCNT((PyObject *)&o->tuple, 100);
	Py_SET_TYPE((PyObject *)&o->tuple, &PyTuple_Type);
	Py_SET_SIZE((PyVarObject *)&o->tuple, 3);
	Py_SET_REFCNT((PyObject *)&o->list, 100);
	Py_SET_TYPE((PyObject *)&o->list, &PyList_Type);
	Py_SET_SIZE((PyVarObject *)&o->list, 2);
	o->list.ob_item = o->items;
	Py_SET_REFCNT((PyObject *)&o->bytes, 100);
	Py_SET_TYPE((PyObject *)&o->bytes, &PyBytes_Type);
	Py_SET_SIZE((PyVarObject *)&o->bytes, 5);
	memcpy(o->bytes.b.ob_sval, "hello", 6);
	Py_SET_REFCNT(&o->obj, 100);
	Py_SET_TYPE(&o->obj, &PyBaseObject_Type);
}

int
main(void)
{
	static struct objects a, b;
	int64_t got, want;

	setup(&a);
	setup(&b);
	got = py_run((PyObject *)&a.tuple, (PyObject *)&a.list, (PyObject *)&a.bytes,
	             &a.obj, &PyTuple_Type, &PyType_Type);
	want = c_run((PyObject *)&b.tuple, (PyObject *)&b.list, (PyObject *)&b.bytes,
	             &b.obj, &PyTuple_Type, &PyType_Type);
	/* The objects point to themselves: compare what was stored through
	 * them, not the addresses. */
	printf("%s %lld %lld\n",
	       got == want && Py_REFCNT(&a.obj) == Py_REFCNT(&b.obj) &&
	               Py_REFCNT((PyObject *)&a.bytes) == Py_REFCNT((PyObject *)&b.bytes) &&
	               a.tuple.t.ob_item[1] == &a.obj && b.tuple.t.ob_item[1] == &b.obj &&
	               a.items[0] == (PyObject *)&a.bytes ? "same" : "different",
	       (long long)got, (long long)want);
	return 0;
}
