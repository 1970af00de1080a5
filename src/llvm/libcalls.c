/*
 * llvm/libcalls.c: the symbols that code generation makes helper code
 * use, which no IR names: library calls (__udivti3, memcpy for
 * @llvm.memcpy), AArch64's outline atomics (__aarch64_ldadd4_acq_rel),
 * x86's retpoline thunks (__x86_indirect_thunk_rax), and what inline asm
 * names in its text (alt_cb_patch_nops).  Once inlined, they
 * are the crate's: an object needs them that did not before, and modpost
 * checks them like any other.
 *
 * A copy of the imported helpers, with the features they will have in
 * the crate (features.c gave them the crate's), is compiled by the
 * crate's target machine; what its object leaves undefined and the IR
 * does not name is what each helper's code makes the object use.  A link
 * then keeps those that its own object needs (explain.c); a report those
 * that the object it reads needs.
 */
#include <stdlib.h>
#include <string.h>

#include "../capture.h"
#include "engine.h"
#include "../target.h"

/* Whether the import names sym: then it is no library call. */
static int
named_in_ir(LLVMModuleRef m, const char *sym)
{
	return LLVMGetNamedFunction(m, sym) || LLVMGetNamedGlobal(m, sym) ||
	       LLVMGetNamedGlobalAlias(m, sym, strlen(sym));
}

/* The helper whose code function is: a helper, or a local function its
 * code calls (describe_code() noted which helper reached it first). */
static struct helper_info *
owner(struct session *s, const char *function)
{
	struct helper_info *hi = strmap_get(&s->info, function);

	return hi ? hi : strmap_get(&s->code_owner, function);
}

/*
 * The helper whose inline asm names sym, for a reference from data: the
 * entries that asm puts in a table section refer to symbols from there,
 * not from the function (arm64's alternative_cb puts its callback,
 * alt_cb_patch_nops, in .altinstructions).  NULL if none does.
 */
static struct helper_info *
asm_owner(struct session *s, const char *sym)
{
	struct helper_info *hi;
	LLVMValueRef f;

	for (f = LLVMGetFirstFunction(s->import); f; f = LLVMGetNextFunction(f))
		if (!LLVMIsDeclaration(f) && (hi = owner(s, value_name(f))) &&
		    asm_names(f, sym) > 0)
			return hi;
	return NULL;
}

void
describe_libcalls(struct session *s)
{
	struct link_options o = *s->o;
	LLVMMemoryBufferRef mb = NULL;
	LLVMModuleRef copy;
	struct code_refs refs;
	struct strmap seen = STRMAP_INIT;
	struct buf obj = BUF_INIT;
	char *msg = NULL;
	int failed;
	size_t i;

	/* objrefs.c reads ELF objects of these two. */
	if (!s->cg.tm || !s->import || s->imported.n == 0 ||
	    !target_is_elf(LLVMGetTarget(s->import)) ||
	    !(target_is_x86_64(LLVMGetTarget(s->import)) ||
	      target_is_aarch64(LLVMGetTarget(s->import))))
		return;
	copy = LLVMCloneModule(s->import);
	o.emit = EMIT_OBJ;
	layout_apply(copy, &s->cg, &o);
	/* The copy says nothing (a report's helpers keep features its
	 * target machine may not know); if it does not compile, the crate's
	 * own code generation says why. */
	s->diag.quiet = 1;
	capture_mute();
	failed = LLVMTargetMachineEmitToMemoryBuffer(s->cg.tm, copy,
	                                             LLVMObjectFile, &msg, &mb);
	capture_unmute();
	s->diag.quiet = 0;
	LLVMDisposeModule(copy);
	if (failed) {
		LLVMDisposeMessage(msg);
		return;
	}
	buf_add(&obj, LLVMGetBufferStart(mb), LLVMGetBufferSize(mb));
	LLVMDisposeMemoryBuffer(mb);
	memset(&refs, 0, sizeof(refs));
	if (refs_object("helperlink-import.o", &obj, &refs) == 0) {
		for (i = 0; i < refs.n; i++) {
			const struct code_ref *c = &refs.v[i];
			struct helper_info *hi;
			char *key;

			if (!strmap_get(&refs.undefined, c->symbol) ||
			    named_in_ir(s->import, c->symbol) ||
			    !((hi = owner(s, c->function)) ||
			      (hi = asm_owner(s, c->symbol))))
				continue;
			/* Once per helper and symbol. */
			key = xasprintf("%s %s", hi->name, c->symbol);
			if (!strmap_put(&seen, key, (void *)1)) {
				describe_ref(s, c->symbol, hi);
				if (!strmap_get(&s->libcalls, c->symbol))
					strmap_put(&s->libcalls, c->symbol, hi);
			}
			free(key);
		}
	}
	strmap_release(&seen);
	refs_release(&refs);
	buf_release(&obj);
}
