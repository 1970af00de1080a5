/*
 * llvm/redefine.c: --redefine-sym in IR, for --emit=bc, ll and asm (an
 * object's symbol table is renamed after code generation instead, by
 * elf_redefine(), which also reaches the library calls that only code
 * generation creates).  All renamings happen at once: the values first
 * get placeholder names, then their new ones.  A new name that the
 * module already declares is merged with the renamed value, as a linker
 * would resolve it; one that it already defines is an error (objcopy
 * would write two symbols of one name).  A comdat keeps its name.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "../rename.h"

struct pending {
	LLVMValueRef v;
	const char *new;
};

struct collect {
	const struct renames *r;
	struct pending *p;
	size_t n;
};

static void
collect(LLVMValueRef v, void *arg)
{
	struct collect *c = arg;
	const char *new = renames_get(c->r, value_name(v));

	if (!new)
		return;
	c->p = xrealloc(c->p, (c->n + 1) * sizeof(*c->p));
	c->p[c->n].v = v;
	c->p[c->n++].new = new;
}

static LLVMValueRef
named(LLVMModuleRef m, const char *name)
{
	LLVMValueRef v = named_value(m, name);

	if (!v)
		v = LLVMGetNamedGlobalAlias(m, name, strlen(name));
	if (!v)
		v = LLVMGetNamedGlobalIFunc(m, name, strlen(name));
	return v;
}

static void
delete_global(LLVMValueRef v)
{
	if (is_function(v))
		LLVMDeleteFunction(v);
	else
		LLVMDeleteGlobal(v);
}

static void
set_name(LLVMValueRef v, const char *name)
{
	LLVMSetValueName2(v, name, strlen(name));
}

int
redefine_ir(LLVMModuleRef m, const struct renames *r, const char *path)
{
	struct collect c = {r, NULL, 0};
	size_t i;
	int ret = 0;

	each_global(m, collect, &c);
	for (i = 0; i < c.n; i++) {
		char *tmp = xasprintf("helperlink.rename.%zu", i);

		set_name(c.p[i].v, tmp);
		free(tmp);
	}
	for (i = 0; i < c.n && ret == 0; i++) {
		LLVMValueRef v = c.p[i].v, old = named(m, c.p[i].new);

		if (old && !LLVMIsDeclaration(old) && !LLVMIsDeclaration(v)) {
			ret = error("cannot rename a symbol to '%s' in '%s': it is "
			            "defined already", c.p[i].new, path);
		} else if (old && is_function(old) != is_function(v)) {
			ret = error("cannot rename a symbol to '%s' in '%s': a %s "
			            "of that name exists", c.p[i].new, path,
			            is_function(old) ? "function" : "variable");
		} else if (old && LLVMIsDeclaration(v)) {
			/* The module defines the new name: references go there. */
			LLVMReplaceAllUsesWith(v, old);
			delete_global(v);
		} else {
			if (old) {
				LLVMReplaceAllUsesWith(old, v);
				delete_global(old);
			}
			set_name(v, c.p[i].new);
		}
	}
	free(c.p);
	return ret;
}
