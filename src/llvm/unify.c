/*
 * llvm/unify.c: whether a module can join the crate.  Triples are unified
 * silently when they name one architecture (the kernel's helpers say
 * x86_64-pc-linux-gnu where its Rust says x86_64-unknown-none-elf);
 * another architecture, a data layout that gives a type another size or
 * alignment, or a module flag whose behaviour is Error and whose values
 * differ, is refused.
 */
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "../target.h"

/*
 * A real data layout conflict, as opposed to two spellings of one layout:
 * byte order, symbol mangling, or the size or alignment of a basic type.
 * Returns what differs (in what, when it is a type), or NULL.
 */
static const char *
layout_conflict(LLVMContextRef ctx, const char *a, const char *b,
                char what[64])
{
	LLVMTypeRef probe[16];
	const char *name[16];
	LLVMTargetDataRef ta, tb;
	char ma[8] = "", mb[8] = "";
	size_t n = 0, i;

	if (strcmp(a, b) == 0)
		return NULL;
	if (target_dl_byte_order(a) != target_dl_byte_order(b))
		return "byte order";
	target_dl_component(a, "m", ma, sizeof(ma));
	target_dl_component(b, "m", mb, sizeof(mb));
	if (strcmp(ma, mb) != 0)
		return "symbol mangling";
#define PROBE(t, s) (probe[n] = (t), name[n++] = (s))
	PROBE(LLVMIntTypeInContext(ctx, 1), "i1");
	PROBE(LLVMIntTypeInContext(ctx, 8), "i8");
	PROBE(LLVMIntTypeInContext(ctx, 16), "i16");
	PROBE(LLVMIntTypeInContext(ctx, 32), "i32");
	PROBE(LLVMIntTypeInContext(ctx, 64), "i64");
	PROBE(LLVMIntTypeInContext(ctx, 128), "i128");
	PROBE(LLVMHalfTypeInContext(ctx), "half");
	PROBE(LLVMFloatTypeInContext(ctx), "float");
	PROBE(LLVMDoubleTypeInContext(ctx), "double");
	PROBE(LLVMX86FP80TypeInContext(ctx), "x86_fp80");
	PROBE(LLVMFP128TypeInContext(ctx), "fp128");
	PROBE(LLVMPointerTypeInContext(ctx, 0), "ptr");
	PROBE(LLVMVectorType(LLVMIntTypeInContext(ctx, 32), 4), "<4 x i32>");
	PROBE(LLVMVectorType(LLVMIntTypeInContext(ctx, 64), 4), "<4 x i64>");
#undef PROBE
	ta = LLVMCreateTargetData(a);
	tb = LLVMCreateTargetData(b);
	for (i = 0; i < n; i++) {
		if (LLVMABISizeOfType(ta, probe[i]) != LLVMABISizeOfType(tb, probe[i]) ||
		    LLVMABIAlignmentOfType(ta, probe[i]) !=
		        LLVMABIAlignmentOfType(tb, probe[i]))
			break;
	}
	LLVMDisposeTargetData(ta);
	LLVMDisposeTargetData(tb);
	if (i == n)
		return NULL;
	snprintf(what, 64, "the layout of %s", name[i]);
	return what;
}

int
unify_target(struct session *s, LLVMModuleRef m, const char *path)
{
	const char *ct = LLVMGetTarget(s->crate), *mt = LLVMGetTarget(m);
	const char *cdl = LLVMGetDataLayoutStr(s->crate);
	const char *mdl = LLVMGetDataLayoutStr(m), *why;
	char fa[32], fb[32], what[64];

	if (*mt && strcmp(target_arch_family(ct, fa, sizeof(fa)),
	                  target_arch_family(mt, fb, sizeof(fb))) != 0)
		return error("cannot link '%s' into '%s': it is for %s, the crate "
		             "is for %s", path, s->crate_path, mt, ct);
	if (*mdl && (why = layout_conflict(s->ctx, cdl, mdl, what)) != NULL)
		return error("cannot link '%s' into '%s': data layouts differ in "
		             "%s ('%s' against '%s')", path, s->crate_path, why, mdl,
		             cdl);
	LLVMSetTarget(m, ct);
	LLVMSetDataLayout(m, cdl);
	return 0;
}

struct flag_check {
	struct session *s;
	const char *path;
	int failed;
};

/*
 * Flags that LLVM's reader upgrades (llvm::UpgradeModuleFlags()) when it
 * materializes a module written by an older LLVM: AArch64's branch
 * protection flags were Error with 0 or 1 (clang 14 writes them so), then
 * Min with 0 or 1 (clang 19), and are Min with 0 or 2 now.  The check comes before the upgrade, so it
 * compares what the upgrade makes of the value; a helper file without
 * the crate's branch protection is still refused (Min would take the
 * crate's property note away).
 */
static const struct branch_flag {
	const char *key;
	int noted;  /* the object's property note says it (BTI, PAC) */
} branch_flags[] = {
	{"branch-target-enforcement", 1}, {"sign-return-address", 1},
	{"sign-return-address-all", 0}, {"sign-return-address-with-bkey", 0},
};

static int
upgraded_to_min(const char *key)
{
	size_t i;

	for (i = 0; i < LEN(branch_flags); i++)
		if (strcmp(branch_flags[i].key, key) == 0)
			return 1;
	return 0;
}

static int
is_int(LLVMValueRef v)
{
	return LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMIntegerTypeKind;
}

/* A module flag with behaviour Error (1) must have one value everywhere;
 * a branch protection flag (Min, 8, or Error before the upgrade) must be
 * at least the crate's. */
static int
check_flag(const char *key, int behavior, LLVMValueRef value, void *arg)
{
	struct flag_check *fc = arg;
	unsigned long long theirs, ours;
	LLVMValueRef mine;

	if (behavior != 1 && !(behavior == 8 && upgraded_to_min(key)))
		return 0;
	mine = module_flag(fc->s->crate, key, NULL);
	if (!mine || mine == value)
		return 0;
	if (!is_int(value) || !is_int(mine)) {
		fc->failed = 1;
		error("cannot link '%s' into '%s': module flag '%s' differs",
		      fc->path, fc->s->crate_path, key);
		return 1;
	}
	theirs = LLVMConstIntGetZExtValue(value);
	ours = LLVMConstIntGetZExtValue(mine);
	/* Min keeps the crate's value when theirs is as high. */
	if (upgraded_to_min(key) && theirs == 1)
		theirs = 2;
	if (upgraded_to_min(key) && theirs >= ours)
		return 0;
	fc->failed = 1;
	error("cannot link '%s' into '%s': module flag '%s' differs (%llu against "
	      "%llu)%s", fc->path, fc->s->crate_path, key, theirs, ours,
	      upgraded_to_min(key) ? ": build the helpers with the crate's "
	                             "branch protection" : "");
	return 1;
}

/* A branch protection flag of the property note that the crate sets and
 * m lacks: the link would take the minimum, 0, and the object would lose
 * its note. */
static void
check_missing(struct flag_check *fc, LLVMModuleRef m)
{
	LLVMValueRef mine;
	size_t i;

	for (i = 0; i < LEN(branch_flags) && !fc->failed; i++) {
		const char *key = branch_flags[i].key;

		if (!branch_flags[i].noted)
			continue;
		mine = module_flag(fc->s->crate, key, NULL);
		if (mine && is_int(mine) && LLVMConstIntGetZExtValue(mine) != 0 &&
		    !module_flag(m, key, NULL)) {
			fc->failed = 1;
			error("cannot link '%s' into '%s': module flag '%s' differs (none "
			      "against %llu): build the helpers with the crate's branch "
			      "protection", fc->path, fc->s->crate_path, key,
			      LLVMConstIntGetZExtValue(mine));
		}
	}
}

int
unify_flags(struct session *s, LLVMModuleRef m, const char *path)
{
	struct flag_check fc = {s, path, 0};

	module_flags_each(m, check_flag, &fc);
	if (!fc.failed)
		check_missing(&fc, m);
	return fc.failed ? -1 : 0;
}
