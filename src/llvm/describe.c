/*
 * llvm/describe.c: what an imported helper is: its size in IR
 * instructions, whether it calls itself, and which outside symbols its
 * code uses (what the report lists, and what --exports checks).
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"

static long
count_instructions(LLVMValueRef f)
{
	LLVMBasicBlockRef bb;
	LLVMValueRef i;
	long n = 0;

	for (bb = LLVMGetFirstBasicBlock(f); bb; bb = LLVMGetNextBasicBlock(bb))
		for (i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
			n++;
	return n;
}

/*
 * Remember that info's code uses the outside symbol sym.  A link knows
 * which helpers it inlined, and names the first of them that uses sym; a
 * report of an object cannot tell which helpers went into it, so it names
 * every helper that uses sym.  Called once per helper and symbol.
 */
void
describe_ref(struct session *s, const char *sym, struct helper_info *info)
{
	const struct helper_info *first = strmap_get(&s->helper_refs, sym);
	char *more;

	if (!first) {
		strmap_put(&s->helper_refs, sym, info);
		return;
	}
	if (!s->report_mode)
		return;
	more = strmap_get(&s->helper_refs_more, sym);
	strmap_put(&s->helper_refs_more, sym,
	           more ? xasprintf("%s, %s", more, info->name)
	                : xstrdup(info->name));
	free(more);
}

static void walk_code(struct session *s, struct helper_info *info,
                      LLVMValueRef f, struct ptrset *seen);

/* An operand v of info's code: a global, or a constant expression over
 * globals (an asm goto's "i" operand names a static key through a GEP,
 * a relative reference is a difference of two ptrtoints). */
static void
walk_operand(struct session *s, struct helper_info *info, LLVMValueRef v,
             struct ptrset *seen, int depth)
{
	LLVMLinkage l;
	int k, n;

	if (!v)
		return;
	if (LLVMGetValueKind(v) == LLVMConstantExprValueKind) {
		n = LLVMGetNumOperands(v);
		for (k = 0; k < n && depth < 16; k++)
			walk_operand(s, info, LLVMGetOperand(v, (unsigned)k), seen,
			             depth + 1);
		return;
	}
	if (!(is_function(v) || is_variable(v)) ||
	    startswith(value_name(v), "llvm."))
		return;
	if (strcmp(value_name(v), info->name) == 0) {
		info->recursive = 1;
		return;
	}
	l = LLVMGetLinkage(v);
	if (linkage_is_local(l)) {
		if (is_function(v))
			walk_code(s, info, v, seen);
	} else if ((LLVMIsDeclaration(v) ||
	            l == LLVMAvailableExternallyLinkage) &&
	           ptrset_add(seen, v)) {
		/* seen holds this helper's walk: each symbol once. */
		describe_ref(s, value_name(v), info);
	}
}

/*
 * Walk the code of helper info from f, and the local functions it calls:
 * note the outside symbols it uses, and whether it calls itself.
 */
static void
walk_code(struct session *s, struct helper_info *info, LLVMValueRef f,
          struct ptrset *seen)
{
	LLVMBasicBlockRef bb;
	LLVMValueRef i;
	int k, n;

	if (!ptrset_add(seen, f))
		return;
	if (!strmap_get(&s->code_owner, value_name(f)))
		strmap_put(&s->code_owner, value_name(f), info);
	for (bb = LLVMGetFirstBasicBlock(f); bb; bb = LLVMGetNextBasicBlock(bb))
		for (i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i)) {
			n = LLVMGetNumOperands(i);
			for (k = 0; k < n; k++)
				walk_operand(s, info, LLVMGetOperand(i, (unsigned)k),
				             seen, 0);
		}
}

/* Call fn for each imported helper still defined in the import. */
static void
each_imported(struct session *s,
              void (*fn)(struct session *, struct helper_info *, LLVMValueRef))
{
	const char **names = strmap_keys(&s->imported);
	size_t i;

	for (i = 0; names[i]; i++) {
		struct helper_info *info = strmap_get(&s->info, names[i]);
		LLVMValueRef f = LLVMGetNamedFunction(s->import, names[i]);

		if (info && f && !LLVMIsDeclaration(f))
			fn(s, info, f);
	}
	free(names);
}

static void
size_of(struct session *s, struct helper_info *info, LLVMValueRef f)
{
	info->size = count_instructions(f);
	if (s->o->max_helper_size && info->size > (long)s->o->max_helper_size &&
	    !s->report_mode)
		warn("'%s': '%s' has %ld IR instructions, more than "
		     "--max-helper-size=%u", info->file->file.name, info->name,
		     info->size, s->o->max_helper_size);
}

static void
code_of(struct session *s, struct helper_info *info, LLVMValueRef f)
{
	struct ptrset seen = PTRSET_INIT;

	walk_code(s, info, f, &seen);
	ptrset_release(&seen);
}

/* Before anything is kept out of line. */
void
describe_sizes(struct session *s)
{
	each_imported(s, size_of);
}

/* After: what is inlined is what is left. */
void
describe_code(struct session *s)
{
	each_imported(s, code_of);
}
