/*
 * llvm/passes.c: what runs between the import and code generation.
 *
 * The crate arrives optimized by rustc, and the helpers by the C compiler.
 * Only the calls to helpers need work: inline them, then clean up the
 * functions they were inlined into, which is what the default pipeline
 * does.  --opt=O1..O3 instead runs LLVM's whole default<On> pipeline over
 * the module, like a small LTO.
 */
#include <stdio.h>

#include "engine.h"

/*
 * The cleanup of a function that had helpers inlined into it: the passes
 * of LLVM's function simplification pipeline (what the inliner runs on a
 * function after inlining into it, default<O2>) that inlined helper code
 * needs.  The runtime benchmark (bench/) chose them: with them, each of
 * its loops takes as many instructions as its C twin.  Without
 * mldst-motion and a simplifycfg that sinks common code, a helper's store
 * in both arms of an if stays a branch where C gets a cmov (bitmap: 3.2
 * times C's time); without jump-threading, the NULL check after an
 * inlined io_uring_get_sqe() stays a second test (uring); without dse, a
 * store the next helper overwrites stays (list).  The whole of that
 * pipeline (with CVP, SCCP, reassociate and the loop passes) changed no
 * loop and took about twice as long on a 20,000-line crate.  No loop-idiom
 * in any case: it turns a helper's loop into a call of a libc function
 * (wcslen) that the helper's -fno-builtin forbade.  It runs
 * on those functions only, so its cost grows with the calls, not the
 * crate.  instcombine runs as instcombine<no-verify-fixpoint>: plain
 * instcombine checks that it reached a fixpoint and aborts LLVM when it
 * did not, which happens on large crates (LLVM 18 and later).
 */
static const char cleanup[] =
	"sroa<modify-cfg>,early-cse<memssa>,jump-threading,"
	"instcombine<no-verify-fixpoint>,simplifycfg,"
	"loop-mssa(licm<allowspeculation>),mldst-motion<no-split-footer-bb>,"
	"gvn,dse,simplifycfg<hoist-common-insts;sink-common-insts>,"
	"instcombine<no-verify-fixpoint>";

/* Report a pipeline that failed, or an error LLVM reported while it ran. */
static int
check(LLVMErrorRef err, const char *passes, struct diag *d)
{
	char *msg;

	if (err) {
		msg = LLVMGetErrorMessage(err);
		error("'%s': cannot run '%s': %s", d->subject, passes, msg);
		LLVMDisposeErrorMessage(msg);
		return -1;
	}
	if (diag_failed(d))
		return error("'%s': %s", d->subject, diag_take(d, ""));
	return 0;
}

static int
run(LLVMModuleRef m, const char *passes, struct codegen *cg,
    LLVMPassBuilderOptionsRef po, struct diag *d)
{
	return check(LLVMRunPasses(m, passes, cg->tm, po), passes, d);
}

/* Clean up the functions that called helpers, if inlining left them. */
static int
cleanup_changed(LLVMModuleRef m, struct codegen *cg,
                LLVMPassBuilderOptionsRef po, const struct strmap *changed,
                struct diag *d)
{
	char pipeline[sizeof(cleanup) + 16];
	size_t i;

	if (changed->n == 0)
		return 0;
	if (!LLVMRunPassesOnFunction) {
		/* Before LLVM 20 a function pipeline runs on every function. */
		snprintf(pipeline, sizeof(pipeline), "function(%s)", cleanup);
		return run(m, pipeline, cg, po, d);
	}
	for (i = 0; i < changed->cap; i++) {
		LLVMValueRef f;

		if (!changed->e[i].key ||
		    !(f = LLVMGetNamedFunction(m, changed->e[i].key)) ||
		    LLVMIsDeclaration(f))
			continue;
		if (check(LLVMRunPassesOnFunction(f, cleanup, cg->tm, po), cleanup,
		          d) < 0)
			return -1;
	}
	return 0;
}

/* The whole default<On> pipeline of --opt=O1..O3, or NULL. */
static const char *
whole_pipeline(enum opt_pipeline opt)
{
	switch (opt) {
	case OPT_O1: return "default<O1>";
	case OPT_O2: return "default<O2>";
	case OPT_O3: return "default<O3>";
	default: return NULL;
	}
}

int
passes_inline(LLVMModuleRef m, struct codegen *cg,
              const struct link_options *o, struct diag *d)
{
	/* Without alwaysinline, LLVM's cost model decides, and it may also
	 * inline calls between Rust functions that rustc left. */
	const char *inliner = o->force_inline && !o->force_inline_max ? "always-inline"
	                                      : "always-inline,cgscc(inline)";
	LLVMPassBuilderOptionsRef po;
	int ret;

	/* A whole pipeline has its own inliner. */
	if (whole_pipeline(o->opt))
		return 0;
	po = LLVMCreatePassBuilderOptions();
	ret = run(m, inliner, cg, po, d);
	LLVMDisposePassBuilderOptions(po);
	return ret;
}

int
passes_optimize(LLVMModuleRef m, struct codegen *cg,
                const struct link_options *o, const struct strmap *changed,
                struct diag *d)
{
	const char *whole = whole_pipeline(o->opt);
	LLVMPassBuilderOptionsRef po;
	int ret = 0;

	if (o->opt == OPT_NONE)
		return 0;
	po = LLVMCreatePassBuilderOptions();
	if (whole)
		ret = run(m, whole, cg, po, d);
	else
		ret = cleanup_changed(m, cg, po, changed, d);
	LLVMDisposePassBuilderOptions(po);
	return ret;
}
