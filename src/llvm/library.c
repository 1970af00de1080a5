/*
 * llvm/library.c: find rustc's libLLVM, dlopen() it and resolve the LLVM C
 * API into the pointers declared in api.h, once per process.
 */
#define _GNU_SOURCE  /* dladdr(), RTLD_DEFAULT */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../toolchain.h"
#include "engine.h"

#define LLVMAPI_DEFINE(since, need, ret, name, params) ret (*name) params;
LLVM_FUNCTIONS(LLVMAPI_DEFINE)
#undef LLVMAPI_DEFINE

static const struct api_entry {
	const char *name;
	void *slot;  /* the address of the function pointer */
	int need, since;
} api[] = {
#define LLVMAPI_ENTRY(since, need, ret, name, params) \
	{#name, (void *)&name, LLVMAPI_NEED(need), since},
	LLVM_FUNCTIONS(LLVMAPI_ENTRY)
#undef LLVMAPI_ENTRY
};

/*
 * The targets whose initializers are called when present.  rustc's
 * libLLVM carries the targets rustc supports; which ones differs between
 * builds, so each initializer is looked up by name.
 */
static const char *const targets[] = {
	"AArch64", "AMDGPU", "ARM", "AVR", "BPF", "CSKY", "Hexagon", "Lanai",
	"LoongArch", "M68k", "MSP430", "Mips", "NVPTX", "PowerPC", "RISCV",
	"SPIRV", "Sparc", "SystemZ", "VE", "WebAssembly", "X86", "XCore",
	"Xtensa",
};
static const char *const target_parts[] = {
	"TargetInfo", "Target", "TargetMC", "AsmPrinter", "AsmParser",
	"Disassembler",
};

static char *loaded_path;
static struct llvm_version loaded_version;
const char *llvm_subject;

static void
on_fatal_error(const char *reason)
{
	int n = (int)strcspn(reason, "\n");

	if (llvm_subject)
		fatal("'%s': LLVM error: %.*s", llvm_subject, n, reason);
	fatal("LLVM error: %.*s", n, reason);
}

static void
init_targets(void *lib)
{
	char sym[64];
	size_t t, p;

	for (t = 0; t < LEN(targets); t++) {
		for (p = 0; p < LEN(target_parts); p++) {
			void *f;
			void (*init)(void);

			snprintf(sym, sizeof(sym), "LLVMInitialize%s%s", targets[t],
			         target_parts[p]);
			f = dlsym(lib, sym);
			if (!f)
				continue;
			memcpy(&init, &f, sizeof(f));
			init();
		}
	}
}

/*
 * LLVM reads these codegen options from its command line only.  They make
 * the target machine behave as rustc's does: "unreachable" becomes a trap
 * instruction, except right after a call that does not return.
 */
static void
set_codegen_options(void)
{
	static const char *const argv[] = {
		"helperlink", "-trap-unreachable", "-no-trap-after-noreturn",
	};

	LLVMParseCommandLineOptions((int)LEN(argv), argv, NULL);
}

/* dlerror() often starts with the path; drop it to avoid saying it twice. */
static const char *
dl_reason(const char *path)
{
	const char *e = dlerror();
	size_t n = strlen(path);

	if (!e)
		return "unknown error";
	if (strncmp(e, path, n) == 0 && e[n] == ':' && e[n + 1] == ' ')
		e += n + 2;
	return e;
}

static char *
find_library(const char *rustc)
{
	const char *env = getenv("HELPERLINK_LLVM");
	char *sysroot, *path;

	if (env && *env)
		return xstrdup(env);
	if (!rustc)
		rustc = toolchain_rustc();
	sysroot = toolchain_sysroot(rustc);
	if (!sysroot) {
		error("cannot find libLLVM: give --llvm PATH or set "
		      "HELPERLINK_LLVM, or put rustc on PATH");
		return NULL;
	}
	path = toolchain_find_libllvm(sysroot, rustc);
	free(sysroot);
	return path;
}

/* Fill api's pointers from lib; -1 after printing why. */
static int
resolve(void *lib, const char *lib_path)
{
	size_t i;

	for (i = 0; i < LEN(api); i++) {
		void *f = dlsym(lib, api[i].name);

		if (!f && api[i].need)
			return error("cannot use '%s': it has no %s, which LLVM %d "
			             "introduced", lib_path, api[i].name, api[i].since);
		memcpy(api[i].slot, &f, sizeof(f));
	}
	return 0;
}

int
llvm_load_hosted(void)
{
	Dl_info info;
	void *f;

	if (loaded_path)
		return 0;
	/* rustc has its libLLVM loaded, with its targets initialized and
	 * its own fatal-error handler and options: only the pointers. */
	f = dlsym(RTLD_DEFAULT, "LLVMContextCreate");
	if (!f || !dladdr(f, &info) || !info.dli_fname)
		return error("this process has no libLLVM to use");
	if (resolve(RTLD_DEFAULT, info.dli_fname) < 0)
		return -1;
	loaded_path = xstrdup(info.dli_fname);
	LLVMGetVersion(&loaded_version.major, &loaded_version.minor,
	               &loaded_version.patch);
	return 0;
}

int
llvm_load(const char *path, const char *rustc)
{
	char *lib_path;
	void *lib;

	if (loaded_path)
		return 0;
	lib_path = path ? xstrdup(path) : find_library(rustc);
	if (!lib_path)
		return -1;
	lib = dlopen(lib_path, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		error("cannot load '%s': %s", lib_path, dl_reason(lib_path));
		free(lib_path);
		return -1;
	}
	if (resolve(lib, lib_path) < 0) {
		dlclose(lib);
		free(lib_path);
		return -1;
	}
	loaded_path = lib_path;
	LLVMGetVersion(&loaded_version.major, &loaded_version.minor,
	               &loaded_version.patch);
	LLVMInstallFatalErrorHandler(on_fatal_error);
	init_targets(lib);
	set_codegen_options();
	return 0;
}

const char *
llvm_path(void)
{
	return loaded_path;
}

struct llvm_version
llvm_version(void)
{
	return loaded_version;
}
