/*
 * llvm/unique.c: what must exist once.
 *
 * The import copies static functions and data, which is right for code,
 * and for constants that are only read.  A copy is wrong for:
 *
 * - a mutable static: two copies, two states;
 * - a static in a named section, or marked used: the section's contents
 *   (what __start_ and __stop_ symbols see) would differ, and asm may
 *   name it;
 * - a static whose address escapes, a function or a constant without
 *   unnamed_addr: the C side may compare addresses.  A constant whose
 *   address only the C object's own functions (available_externally)
 *   let escape is copied, and those functions are declared instead, so
 *   that the address they return is the C object's;
 * - inline asm that names a static marked used: the copy would refer to
 *   a local symbol of another object.  (Statics marked used are what asm
 *   refers to by name; the kernel's __ADDRESSABLE() entries, which no asm
 *   names, are marked used too, so the asm text is read when LLVM can
 *   give it, and any inline asm counts only when it cannot.)
 *
 * A helper that reaches one of these stays out of line, with a warning,
 * and so does any helper that calls it.  An available_externally function
 * (one of the C object's) that reaches one becomes a declaration instead:
 * calls to it go to the C object, which has the one instance.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"

struct unique {
	struct session *s;
	struct strmap reason;     /* function name -> why it must stay out */
	struct strmap copies;     /* function name -> the static it would copy */
	struct strmap *target;    /* the one of the two being filled */
	struct strmap declare;    /* available_externally functions to declare */
	struct ptrset seen;       /* values whose users were walked */
	char **reasons;           /* the strings reason points to, owned */
	size_t nreasons;
	LLVMValueRef *work;
	size_t nwork, capwork;
};

static void
push(struct unique *u, LLVMValueRef v)
{
	if (!ptrset_add(&u->seen, v))
		return;
	if (u->nwork == u->capwork) {
		u->capwork = u->capwork ? u->capwork * 2 : 64;
		u->work = xrealloc(u->work, u->capwork * sizeof(*u->work));
	}
	u->work[u->nwork++] = v;
}

/* Note that f cannot be copied; then everything that uses f cannot. */
static void
reach(struct unique *u, LLVMValueRef f, const char *why)
{
	if (LLVMGetLinkage(f) == LLVMAvailableExternallyLinkage) {
		/* One of the C object's functions: it keeps its own state. */
		if (u->target == &u->reason)
			strmap_put(&u->declare, value_name(f), f);
		return;
	}
	if (strmap_get(u->target, value_name(f)))
		return;
	strmap_put(u->target, value_name(f), (void *)why);
	push(u, f);
}

/*
 * Everything from which source can be reached cannot be copied; or, for a
 * static that --allow-static-copies lets be copied, will copy it.
 */
static void
spread(struct unique *u, LLVMValueRef source, char *why, struct strmap *target)
{
	u->reasons = xrealloc(u->reasons, (u->nreasons + 1) * sizeof(*u->reasons));
	u->reasons[u->nreasons++] = why;
	u->target = target;
	ptrset_release(&u->seen);
	if (is_function(source))
		reach(u, source, why);
	else
		push(u, source);
	while (u->nwork > 0) {
		LLVMValueRef v = u->work[--u->nwork];
		LLVMUseRef use;

		for (use = LLVMGetFirstUse(v); use; use = LLVMGetNextUse(use)) {
			LLVMValueRef user = LLVMGetUser(use);

			if (LLVMGetValueKind(user) == LLVMInstructionValueKind)
				reach(u, parent_function(user), why);
			else
				push(u, user);
		}
	}
}

/* Whether use is operand i of its user. */
static int
is_operand(LLVMUseRef use, unsigned i)
{
	return LLVMGetOperandUse(LLVMGetUser(use), i) == use;
}

/*
 * Whether a use of a static only reads or writes it, so that its address
 * goes nowhere: a load, a store or an atomic operation through it, a
 * memcpy, memmove or memset of it, or an address computation used so.
 */
static int
only_accessed(LLVMUseRef use)
{
	LLVMValueRef user = LLVMGetUser(use), callee;
	LLVMUseRef u;
	LLVMOpcode op;

	if (LLVMGetValueKind(user) == LLVMConstantExprValueKind ||
	    (LLVMGetValueKind(user) == LLVMInstructionValueKind &&
	     LLVMGetInstructionOpcode(user) == LLVMGetElementPtr)) {
		for (u = LLVMGetFirstUse(user); u; u = LLVMGetNextUse(u))
			if (!only_accessed(u))
				return 0;
		return 1;
	}
	if (LLVMGetValueKind(user) != LLVMInstructionValueKind)
		return 0;
	op = LLVMGetInstructionOpcode(user);
	if (op == LLVMLoad)
		return 1;
	if (op == LLVMStore)
		return is_operand(use, 1);
	if (op == LLVMAtomicRMW || op == LLVMAtomicCmpXchg)
		return is_operand(use, 0);
	if (!is_call(user) || (callee = LLVMGetCalledValue(user)) == NULL ||
	    !is_function(callee))
		return 0;
	/* Destination first, then source; memset has only a destination. */
	if (startswith(value_name(callee), "llvm.memcpy") ||
	    startswith(value_name(callee), "llvm.memmove"))
		return is_operand(use, 0) || is_operand(use, 1);
	return startswith(value_name(callee), "llvm.memset") && is_operand(use, 0);
}

/*
 * Whether a use of a constant lets its address escape from code that the
 * output keeps.  A use in an available_externally function (one of the C
 * object's) does not when that function becomes a declaration: then the
 * C object's own code, with the one instance, runs.  Those functions go
 * into declare.
 */
static int
use_escapes(LLVMUseRef use, struct strmap *declare)
{
	LLVMValueRef user = LLVMGetUser(use), f;
	LLVMValueKind k = LLVMGetValueKind(user);
	LLVMUseRef u;

	if (only_accessed(use))
		return 0;
	if (k == LLVMInstructionValueKind && (f = parent_function(user)) != NULL &&
	    LLVMGetLinkage(f) == LLVMAvailableExternallyLinkage) {
		strmap_put(declare, value_name(f), f);
		return 0;
	}
	if (k == LLVMConstantExprValueKind ||
	    (k == LLVMInstructionValueKind &&
	     LLVMGetInstructionOpcode(user) == LLVMGetElementPtr)) {
		for (u = LLVMGetFirstUse(user); u; u = LLVMGetNextUse(u))
			if (use_escapes(u, declare))
				return 1;
		return 0;
	}
	return 1;
}

/* Whether the address of a static may be seen outside the code using it;
 * for a constant, outside the functions it adds to declare. */
static int
address_escapes(LLVMValueRef v, struct strmap *declare)
{
	LLVMUseRef use;

	for (use = LLVMGetFirstUse(v); use; use = LLVMGetNextUse(use)) {
		if (is_function(v) ? !is_callee(use) : !only_accessed(use)) {
			if (!declare || use_escapes(use, declare))
				return 1;
		}
	}
	return 0;
}

/*
 * The first of the used statics (names, n of them) that the inline asm of
 * f may name, or NULL.  When LLVM cannot give the asm text, any inline
 * asm may name the first of them.
 */
static const char *
asm_names_used(LLVMValueRef f, const char *const *used, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (asm_names(f, used[k]))
			return used[k];
	return NULL;
}

/*
 * Whether a static in section may be copied: none, or a data section
 * (".data..once" of the kernel's *_ONCE flags).  Other named sections are
 * tables that something walks (__param, __tracepoints, __jump_table).
 */
static int
copyable_section(const char *section)
{
	return !section || !*section || startswith(section, ".data") ||
	       startswith(section, ".bss");
}

/*
 * Why a static value must not be copied, as a new string, or NULL.  A
 * mutable static that --allow-static-copies lets be copied sets *copy.
 * A constant is copied when only available_externally functions let its
 * address escape, and those become declarations (into declare).
 */
static char *
must_stay_unique(LLVMValueRef v, int allow_copies, int *copy,
                 struct strmap *declare)
{
	struct strmap escape = STRMAP_INIT;
	size_t i;
	const char *name = value_name(v), *section = LLVMGetSection(v);
	int used = startswith(name, USED_MARK);

	*copy = 0;
	if (used)
		name += strlen(USED_MARK);
	if (!used && allow_copies && is_variable(v) && !LLVMIsGlobalConstant(v) &&
	    copyable_section(section) && !address_escapes(v, NULL)) {
		*copy = 1;
		return xasprintf("the static variable '%s'", name);
	}
	if (section && *section)
		return xasprintf("it uses '%s' in section '%s', which must not be "
		                 "duplicated", name, section);
	if (used)
		return xasprintf("it uses '%s', which is marked used and must not "
		                 "be duplicated", name);
	if (is_variable(v) && !LLVMIsGlobalConstant(v))
		return xasprintf("it uses the static variable '%s', which must not "
		                 "be duplicated", name);
	/* unnamed_addr: the address is declared insignificant (literals). */
	if (LLVMGetUnnamedAddress(v) == LLVMGlobalUnnamedAddr)
		return NULL;
	if (address_escapes(v, is_variable(v) ? &escape : NULL)) {
		strmap_release(&escape);
		return xasprintf("it takes the address of the static '%s', which "
		                 "must stay unique", name);
	}
	for (i = 0; i < escape.cap; i++)
		if (escape.e[i].key)
			strmap_put(declare, escape.e[i].key, escape.e[i].val);
	strmap_release(&escape);
	return NULL;
}

static void
find_sources(struct unique *u, LLVMModuleRef m)
{
	int allow = u->s->o->allow_static_copies, copy;
	const char **used = strmap_keys(&u->s->used_names), *named;
	size_t nused;
	LLVMValueRef v;
	char *why;

	for (nused = 0; used[nused]; nused++)
		;
	for (v = LLVMGetFirstGlobal(m); v; v = LLVMGetNextGlobal(v))
		if (!LLVMIsDeclaration(v) && linkage_is_local(LLVMGetLinkage(v)) &&
		    (why = must_stay_unique(v, allow, &copy, &u->declare)) != NULL)
			spread(u, v, why, copy ? &u->copies : &u->reason);
	for (v = LLVMGetFirstFunction(m); v; v = LLVMGetNextFunction(v))
		if (!LLVMIsDeclaration(v) && linkage_is_local(LLVMGetLinkage(v)) &&
		    (why = must_stay_unique(v, 0, &copy, &u->declare)) != NULL)
			spread(u, v, why, &u->reason);
	for (v = LLVMGetFirstFunction(m); nused && v; v = LLVMGetNextFunction(v))
		if (!LLVMIsDeclaration(v) &&
		    (named = asm_names_used(v, used, nused)) != NULL)
			spread(u, v, LLVMGetInlineAsmAsmString
			       ? xasprintf("its inline asm names '%s', which is "
			                   "marked used and must not be duplicated",
			                   named)
			       : xasprintf("it has inline asm, and its file has "
			                   "statics marked used that asm may name"),
			       &u->reason);
	free(used);
}

void
unique_keep(struct session *s)
{
	struct unique u;
	size_t i;

	memset(&u, 0, sizeof(u));
	u.s = s;
	find_sources(&u, s->import);
	for (i = 0; i < u.declare.cap; i++)
		if (u.declare.e[i].key)
			fn_make_declaration(s->import, u.declare.e[i].key);
	for (i = 0; i < s->imported.cap; i++) {
		const char *name = s->imported.e[i].key, *why;
		struct helper_file *hf = s->imported.e[i].val;

		if (!name)
			continue;
		if ((why = strmap_get(&u.reason, name)) != NULL) {
			session_why_not(s, name, why);
			if (!s->report_mode)
				warn("'%s': not inlining '%s': %s", hf->file.name, name, why);
			fn_make_declaration(s->import, name);
		} else if ((why = strmap_get(&u.copies, name)) != NULL) {
			struct helper_info *info = session_helper(s, name, NULL);

			warn("'%s': inlining '%s' gives this crate its own copy of %s",
			     hf->file.name, name, why);
			free(info->note);
			info->note = xasprintf("this crate has its own copy of %s", why);
		}
	}
	for (i = 0; i < u.nreasons; i++)
		free(u.reasons[i]);
	free(u.reasons);
	free(u.work);
	ptrset_release(&u.seen);
	strmap_release(&u.reason);
	strmap_release(&u.copies);
	strmap_release(&u.declare);
}
