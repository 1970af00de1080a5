/*
 * llvm/codegen.c: the target machine, and emission of the result.
 *
 * Bitcode does not say how rustc configured its target machine, so it is
 * rebuilt from what the module does say: target CPU and features from the
 * crate's functions (rustc puts them on every function), the relocation
 * model from the "PIC Level" module flag, the code model from "Code Model",
 * the ABI from "target-abi".  The options that are not in the bitcode
 * are rustc's defaults: function and data sections (see layout.c) and
 * trap on unreachable (see library.c).
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "../target.h"

/* The value of a string attribute that most defined functions carry. */
static char *
common_fn_attr(LLVMModuleRef m, const char *key)
{
	struct strmap count = STRMAP_INIT;
	char *best = NULL;
	size_t best_n = 0;
	LLVMValueRef f;

	for (f = LLVMGetFirstFunction(m); f; f = LLVMGetNextFunction(f)) {
		char *v;
		size_t n;

		if (LLVMIsDeclaration(f) || !(v = fn_string_attr(f, key)))
			continue;
		n = (size_t)strmap_get(&count, v) + 1;
		strmap_put(&count, v, (void *)n);
		/* Strictly more, so that ties go to the first one seen. */
		if (n > best_n) {
			free(best);
			best = v;
			best_n = n;
		} else {
			free(v);
		}
	}
	strmap_release(&count);
	return best;
}

static LLVMCodeModel
code_model(long long flag)
{
	/* The flag holds llvm::CodeModel::Model; the C API numbers differ. */
	switch (flag) {
	case 0: return LLVMCodeModelTiny;
	case 1: return LLVMCodeModelSmall;
	case 2: return LLVMCodeModelKernel;
	case 3: return LLVMCodeModelMedium;
	case 4: return LLVMCodeModelLarge;
	default: return LLVMCodeModelDefault;
	}
}

static LLVMCodeGenOptLevel
opt_level(int level)
{
	switch (level) {
	case 0: return LLVMCodeGenLevelNone;
	case 1: return LLVMCodeGenLevelLess;
	case 3: return LLVMCodeGenLevelAggressive;
	default: return LLVMCodeGenLevelDefault;
	}
}

static LLVMTargetMachineRef
create_with_abi(LLVMTargetRef t, const char *triple, const char *cpu,
                const char *features, LLVMCodeGenOptLevel level,
                LLVMRelocMode reloc, LLVMCodeModel cm, const char *abi)
{
	LLVMTargetMachineOptionsRef opts = LLVMCreateTargetMachineOptions();
	LLVMTargetMachineRef tm;

	LLVMTargetMachineOptionsSetCPU(opts, cpu);
	LLVMTargetMachineOptionsSetFeatures(opts, features);
	LLVMTargetMachineOptionsSetABI(opts, abi);
	LLVMTargetMachineOptionsSetCodeGenOptLevel(opts, level);
	LLVMTargetMachineOptionsSetRelocMode(opts, reloc);
	LLVMTargetMachineOptionsSetCodeModel(opts, cm);
	tm = LLVMCreateTargetMachineWithOptions(t, triple, opts);
	LLVMDisposeTargetMachineOptions(opts);
	return tm;
}

/* Whether a target-cpu or target-features string is made of what such
 * names are ("x86-64-v3", "+sse4.2,-avx"): a damaged one is refused here,
 * not by LLVM in the middle of code generation. */
static int
is_target_name(const char *s)
{
	return s[strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                   "0123456789+-_.,")] == '\0';
}

int
codegen_init(struct codegen *cg, LLVMModuleRef crate, const char *name,
             const struct link_options *o)
{
	const char *triple = LLVMGetTarget(crate);
	char *cpu, *features, *abi, *msg = NULL;
	LLVMCodeModel cm;
	LLVMRelocMode reloc;
	LLVMTargetRef t;

	memset(cg, 0, sizeof(*cg));
	if (!*triple)
		return error("'%s' has no target triple", name);
	if (LLVMGetTargetFromTriple(triple, &t, &msg)) {
		error("'%s': cannot compile for '%s': %s", name, triple,
		      msg ? msg : "");
		LLVMDisposeMessage(msg);
		return -1;
	}
	cpu = common_fn_attr(crate, "target-cpu");
	features = common_fn_attr(crate, "target-features");
	if ((cpu && !is_target_name(cpu)) || (features && !is_target_name(features))) {
		error("'%s': its functions' target-%s '%s' is no name LLVM can know",
		      name, cpu && !is_target_name(cpu) ? "cpu" : "features",
		      cpu && !is_target_name(cpu) ? cpu : features);
		free(cpu);
		free(features);
		return -1;
	}
	abi = module_flag_string(crate, "target-abi");
	reloc = module_flag(crate, "PIC Level", NULL) ? LLVMRelocPIC
	                                              : LLVMRelocStatic;
	cm = code_model(module_flag_int(crate, "Code Model", -1));
	if (abi && *abi && LLVMCreateTargetMachineWithOptions) {
		cg->tm = create_with_abi(t, triple, cpu ? cpu : "",
		                         features ? features : "",
		                         opt_level(o->codegen_opt), reloc, cm, abi);
	} else {
		if (abi && *abi)
			warn("this LLVM cannot set the ABI '%s'; LLVM's default "
			     "for '%s' is used", abi, triple);
		cg->tm = LLVMCreateTargetMachine(t, triple, cpu ? cpu : "",
		                                 features ? features : "",
		                                 opt_level(o->codegen_opt), reloc,
		                                 cm);
	}
	cg->reloc_static = reloc == LLVMRelocStatic;
	cg->large_model = target_is_x86_64(triple) &&
	                  (cm == LLVMCodeModelMedium || cm == LLVMCodeModelLarge);
	cg->cpu = cpu;
	cg->features = features;
	free(abi);
	if (!cg->tm)
		return error("cannot create a target machine for '%s'", triple);
	return 0;
}

void
codegen_release(struct codegen *cg)
{
	if (cg->tm)
		LLVMDisposeTargetMachine(cg->tm);
	free(cg->cpu);
	free(cg->features);
	memset(cg, 0, sizeof(*cg));
}

static void
take_buffer(LLVMMemoryBufferRef mb, struct buf *out)
{
	buf_add(out, LLVMGetBufferStart(mb), LLVMGetBufferSize(mb));
	LLVMDisposeMemoryBuffer(mb);
}

int
codegen_emit(struct codegen *cg, LLVMModuleRef m,
             const struct link_options *o, const char *from, struct diag *d,
             struct buf *out)
{
	LLVMMemoryBufferRef mb = NULL;
	char *msg = NULL;

	switch (o->emit) {
	case EMIT_BC:
		take_buffer(LLVMWriteBitcodeToMemoryBuffer(m), out);
		return 0;
	case EMIT_LL:
		msg = LLVMPrintModuleToString(m);
		buf_addstr(out, msg);
		LLVMDisposeMessage(msg);
		return 0;
	case EMIT_OBJ:
	case EMIT_ASM:
		break;
	}
	layout_apply(m, cg, o);
	if (LLVMTargetMachineEmitToMemoryBuffer(cg->tm, m,
	                                        o->emit == EMIT_OBJ ? LLVMObjectFile
	                                                            : LLVMAssemblyFile,
	                                        &msg, &mb)) {
		error("cannot compile '%s' from '%s': %s", o->output, from,
		      msg && *msg ? msg : diag_take(d, "code generation failed"));
		LLVMDisposeMessage(msg);
		return -1;
	}
	/* Errors in inline asm or calls to error() functions are reported as
	 * diagnostics while code generation goes on. */
	if (diag_failed(d)) {
		LLVMDisposeMemoryBuffer(mb);
		return error("cannot compile '%s' from '%s': %s", o->output, from,
		             diag_take(d, ""));
	}
	take_buffer(mb, out);
	return 0;
}
