/*
 * llvm/layout.c: make the object's sections look like rustc's.
 *
 * rustc builds its target machine with function sections, data sections
 * and .init_array on.  The LLVM C API can set none of these (LLVM 22:
 * LLVMCreateTargetMachine() takes a default TargetOptions, and these are
 * not command-line options of the library).  So the module is changed
 * instead, just before code generation, for ELF targets:
 *
 * - every function and variable gets the explicit section that
 *   -ffunction-sections/-fdata-sections would have given it: the prefix
 *   LLVM's TargetLoweringObjectFileELF picks for its kind, a dot and its
 *   symbol name.  LLVM derives an explicit section's flags from the global
 *   itself, but its type from the name too: only a name starting with
 *   .bss, .tbss or .tdata makes it NOBITS or thread-local, so the prefix
 *   must be right, as the linker also places sections by name;
 * - llvm.global_ctors/dtors entries become pointers in .init_array and
 *   .fini_array, where a C API target machine would use .ctors/.dtors.
 *
 * What cannot be reached this way: jump tables and exception tables stay in
 * one .rodata and one .gcc_except_table section instead of one per function;
 * and with the x86-64 medium and large code models, which use sections of
 * their own, nothing is changed.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "../target.h"

/* The symbol name LLVM's Mangler gives a global, for an ELF target. */
static char *
symbol_name(LLVMValueRef g, const char *private_prefix)
{
	const char *name = value_name(g);

	if (name[0] == '\1')
		return xstrdup(name + 1);
	if (LLVMGetLinkage(g) == LLVMPrivateLinkage)
		return private_prefix ? xasprintf("%s%s", private_prefix, name)
		                      : NULL;
	return xstrdup(name);
}

static int
has_section(LLVMValueRef g)
{
	const char *s = LLVMGetSection(g);

	return s && *s;
}

static void
set_section(LLVMValueRef g, const char *prefix, const char *private_prefix)
{
	char *sym = symbol_name(g, private_prefix), *section;

	if (!sym)
		return;
	section = xasprintf("%s%s", prefix, sym);
	LLVMSetSection(g, section);
	free(section);
	free(sym);
}

/*
 * Hot and cold functions get the prefixes CodeGenPrepare gives them when
 * there is no profile; it does not run at -O0.
 */
static void
function_sections(LLVMModuleRef m, const char *private_prefix, int prefixes)
{
	LLVMValueRef f;

	for (f = LLVMGetFirstFunction(m); f; f = LLVMGetNextFunction(f)) {
		char *implicit;
		const char *prefix = ".text.";

		if (LLVMIsDeclaration(f) || has_section(f) || !*value_name(f) ||
		    LLVMGetLinkage(f) == LLVMAvailableExternallyLinkage)
			continue;
		/* #pragma clang section text="..." */
		implicit = fn_string_attr(f, "implicit-section-name");
		if (implicit) {
			free(implicit);
			continue;
		}
		if (prefixes && fn_has_attr(f, "hot"))
			prefix = ".text.hot.";
		else if (prefixes && fn_has_attr(f, "cold"))
			prefix = ".text.unlikely.";
		set_section(f, prefix, private_prefix);
	}
}

enum reloc { RELOC_NONE, RELOC_LOCAL, RELOC_GLOBAL };

static int
local_symbol(LLVMValueRef g)
{
	return linkage_is_local(LLVMGetLinkage(g)) ||
	       LLVMGetVisibility(g) != LLVMDefaultVisibility;
}

static int
is_global_value(LLVMValueRef v)
{
	LLVMValueKind k = LLVMGetValueKind(v);

	return k == LLVMFunctionValueKind || k == LLVMGlobalVariableValueKind ||
	       k == LLVMGlobalAliasValueKind || k == LLVMGlobalIFuncValueKind;
}

/* The global or block address behind ptrtoint (gep (G, ...)), or NULL. */
static LLVMValueRef
ptrtoint_base(LLVMValueRef c)
{
	if (LLVMGetValueKind(c) != LLVMConstantExprValueKind ||
	    LLVMGetConstOpcode(c) != LLVMPtrToInt)
		return NULL;
	c = LLVMGetOperand(c, 0);
	while (LLVMGetValueKind(c) == LLVMConstantExprValueKind &&
	       LLVMGetConstOpcode(c) == LLVMGetElementPtr)
		c = LLVMGetOperand(c, 0);
	return is_global_value(c) ||
	       LLVMGetValueKind(c) == LLVMBlockAddressValueKind ? c : NULL;
}

/*
 * Constant::getRelocationInfo(), from what the C API shows: any address
 * needs a relocation that the dynamic linker may see, except the
 * difference of two addresses that are both known to be local.  Without
 * isDSOLocal() in the C API, "local" means local linkage or non-default
 * visibility, so the answer errs towards RELOC_GLOBAL, whose .data.rel.ro
 * prefix is harmless for data that needs no relocation.
 */
static enum reloc
relocation_info(LLVMValueRef c)
{
	enum reloc r = RELOC_NONE;
	int i, n;

	if (is_global_value(c) || LLVMGetValueKind(c) == LLVMBlockAddressValueKind)
		return RELOC_GLOBAL;
	if (LLVMGetValueKind(c) == LLVMConstantExprValueKind &&
	    LLVMGetConstOpcode(c) == LLVMSub) {
		LLVMValueRef a = ptrtoint_base(LLVMGetOperand(c, 0));
		LLVMValueRef b = ptrtoint_base(LLVMGetOperand(c, 1));

		/* Labels of one function: a computed-goto table. */
		if (a && b && LLVMGetValueKind(a) == LLVMBlockAddressValueKind &&
		    LLVMGetValueKind(b) == LLVMBlockAddressValueKind &&
		    LLVMGetOperand(a, 0) == LLVMGetOperand(b, 0))
			return RELOC_NONE;
		if (a && b && is_global_value(a) && is_global_value(b) &&
		    local_symbol(a) && local_symbol(b))
			return RELOC_LOCAL;
	}
	n = LLVMGetNumOperands(c);
	for (i = 0; i < n && r != RELOC_GLOBAL; i++) {
		enum reloc o = relocation_info(LLVMGetOperand(c, (unsigned)i));

		if (o > r)
			r = o;
	}
	return r;
}

/*
 * IsNullTerminatedString(): an array of i8, i16 or i32 whose only zero
 * element is the last one, or a zeroinitializer of one element.
 */
static int
is_c_string(LLVMValueRef init, LLVMTargetDataRef td)
{
	LLVMTypeRef t = LLVMTypeOf(init), e;
	unsigned width, i, n;
	size_t len;

	if (LLVMGetTypeKind(t) != LLVMArrayTypeKind)
		return 0;
	e = LLVMGetElementType(t);
	if (LLVMGetTypeKind(e) != LLVMIntegerTypeKind)
		return 0;
	width = LLVMGetIntTypeWidth(e);
	if (width != 8 && width != 16 && width != 32)
		return 0;
	if (LLVMIsNull(init))
		return LLVMABISizeOfType(td, t) == LLVMABISizeOfType(td, e);
	if (width == 8 && LLVMIsConstantString(init)) {
		const char *s = LLVMGetAsString(init, &len);

		return len > 0 && memchr(s, 0, len) == s + len - 1;
	}
	if (!LLVMGetAggregateElement)
		return 0;
	n = (unsigned)(LLVMABISizeOfType(td, t) / LLVMABISizeOfType(td, e));
	for (i = 0; i < n; i++) {
		LLVMValueRef el = LLVMGetAggregateElement(init, i);

		if (!el || LLVMIsNull(el) != (i == n - 1))
			return 0;
	}
	return n > 0;
}

/*
 * TargetLoweringObjectFile::getKindForGlobal() says which constants go to
 * merged sections (.rodata.str1.1, .rodata.cst16); those get no section of
 * their own, with -fdata-sections or without.
 */
static int
is_mergeable(LLVMValueRef g, LLVMValueRef init, LLVMTargetDataRef td)
{
	unsigned long long size;

	if (LLVMGetUnnamedAddress(g) != LLVMGlobalUnnamedAddr)
		return 0;
	if (is_c_string(init, td))
		return 1;
	size = LLVMABISizeOfType(td, LLVMTypeOf(init));
	return size == 4 || size == 8 || size == 16 || size == 32;
}

/* isNullOrUndef(): zero or undefined all through, as .bss wants. */
static int
is_null_or_undef(LLVMValueRef c)
{
	LLVMValueKind k = LLVMGetValueKind(c);
	int i, n;

	if (LLVMIsNull(c) || LLVMIsUndef(c))
		return 1;
	if (k != LLVMConstantArrayValueKind && k != LLVMConstantStructValueKind &&
	    k != LLVMConstantVectorValueKind)
		return 0;
	n = LLVMGetNumOperands(c);
	for (i = 0; i < n; i++)
		if (!is_null_or_undef(LLVMGetOperand(c, (unsigned)i)))
			return 0;
	return 1;
}

/* The -fdata-sections prefix for a variable, or NULL for none. */
static const char *
data_prefix(LLVMValueRef g, LLVMTargetDataRef td, const struct codegen *cg)
{
	LLVMValueRef init = LLVMGetInitializer(g);
	int zero = is_null_or_undef(init);
	enum reloc r;

	if (LLVMIsThreadLocal(g))
		return zero && !LLVMIsGlobalConstant(g) ? ".tbss." : ".tdata.";
	if (!LLVMIsGlobalConstant(g))
		return zero ? ".bss." : ".data.";
	r = relocation_info(init);
	if (r == RELOC_NONE)
		return is_mergeable(g, init, td) ? NULL : ".rodata.";
	if (cg->reloc_static || r == RELOC_LOCAL)
		return ".rodata.";
	return ".data.rel.ro.";
}

static void
data_sections(LLVMModuleRef m, const struct codegen *cg,
              const char *private_prefix)
{
	LLVMTargetDataRef td = LLVMGetModuleDataLayout(m);
	LLVMValueRef g;

	for (g = LLVMGetFirstGlobal(m); g; g = LLVMGetNextGlobal(g)) {
		LLVMLinkage l = LLVMGetLinkage(g);
		const char *prefix;

		if (LLVMIsDeclaration(g) || has_section(g) || !*value_name(g) ||
		    startswith(value_name(g), "llvm.") ||
		    l == LLVMAvailableExternallyLinkage || l == LLVMCommonLinkage ||
		    l == LLVMAppendingLinkage)
			continue;
		prefix = data_prefix(g, td, cg);
		if (prefix)
			set_section(g, prefix, private_prefix);
	}
}

/*
 * Turn llvm.global_ctors (or dtors) into pointers in .init_array (or
 * .fini_array), one per entry, as AsmPrinter does with UseInitArray:
 * the default priority 65535 goes to the plain section, others to
 * ".init_array.PRIORITY", and an entry keyed to a comdat joins it.
 */
static void
structors_to_array(LLVMModuleRef m, const char *list, const char *section)
{
	LLVMValueRef g = LLVMGetNamedGlobal(m, list), init;
	int i, n;

	if (!g || LLVMIsDeclaration(g))
		return;
	init = LLVMGetInitializer(g);
	n = LLVMGetNumOperands(init);
	for (i = 0; i < n; i++) {
		LLVMValueRef e = LLVMGetOperand(init, (unsigned)i), fn, key, p;
		unsigned long long prio;
		char *name;

		if (LLVMGetNumOperands(e) < 2)
			continue;
		prio = LLVMConstIntGetZExtValue(LLVMGetOperand(e, 0));
		fn = LLVMGetOperand(e, 1);
		key = LLVMGetNumOperands(e) > 2 ? LLVMGetOperand(e, 2) : NULL;
		if (LLVMIsNull(fn))
			continue;
		name = prio == 65535 ? xstrdup(section)
		                     : xasprintf("%s.%llu", section, prio);
		p = LLVMAddGlobal(m, LLVMTypeOf(fn), "");
		LLVMSetInitializer(p, fn);
		LLVMSetLinkage(p, LLVMPrivateLinkage);
		LLVMSetSection(p, name);
		LLVMSetAlignment(p, LLVMPointerSize(LLVMGetModuleDataLayout(m)));
		if (key && !LLVMIsNull(key) && is_global_value(key))
			LLVMSetComdat(p, LLVMGetComdat(key));
		free(name);
	}
	LLVMDeleteGlobal(g);
}

void
layout_apply(LLVMModuleRef m, const struct codegen *cg,
             const struct link_options *o)
{
	const char *triple = LLVMGetTarget(m);
	const char *private_prefix;

	if (!target_is_elf(triple))
		return;
	private_prefix = target_private_prefix(LLVMGetDataLayoutStr(m));
	structors_to_array(m, "llvm.global_ctors", ".init_array");
	structors_to_array(m, "llvm.global_dtors", ".fini_array");
	/* The x86-64 medium and large code models put large globals, and all
	 * code for the large model, in .ltext, .ldata and friends, flagged
	 * SHF_X86_64_LARGE; that is left to LLVM, without per-symbol sections. */
	if (cg->large_model)
		return;
	if (o->function_sections)
		function_sections(m, private_prefix, o->codegen_opt > 0);
	if (o->data_sections)
		data_sections(m, cg, private_prefix);
}
