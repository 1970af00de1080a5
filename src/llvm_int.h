/*
 * llvm_int.h: what the llvm_*.c files share.  The rest of helperlink uses
 * llvm.h instead and never sees an LLVM type.
 *
 * Ownership follows the C API: strings from LLVMGetValueName2() and
 * LLVMGetStringAttributeValue() are borrowed and live as long as the value;
 * messages from LLVM are freed with LLVMDisposeMessage(), error messages
 * with LLVMDisposeErrorMessage(); LLVMLinkModules2() destroys its source
 * module whether or not it succeeds.
 */
#ifndef LLVM_INT_H
#define LLVM_INT_H

#include "llvm.h"
#include "llvmapi.h"

/*
 * Diagnostics: LLVM reports errors and warnings to a handler installed on
 * each context.  Warnings are printed at once, prefixed with the input
 * they concern; errors are collected for the caller's one-line message;
 * remarks and notes are dropped.
 */
struct diag {
	const char *subject;  /* the input being read, linked or compiled */
	struct buf errors;
};

void diag_install(LLVMContextRef ctx, struct diag *d);
/* Say which input LLVM's next messages concern (see capture_subject()). */
void diag_subject(struct diag *d, const char *subject);
/* The errors collected since the last call, or fallback if none. */
const char *diag_take(struct diag *d, const char *fallback);

/* The input that LLVM is working on, for the fatal-error handler. */
extern const char *llvm_subject;

/* The name of a global value; borrowed from LLVM, not NUL-safe beyond len. */
const char *value_name(LLVMValueRef v);

/* Enum attributes on a function. */
int fn_has_attr(LLVMValueRef f, const char *attr);
void fn_add_attr(LLVMValueRef f, const char *attr);
void fn_remove_attr(LLVMValueRef f, const char *attr);
/* A string attribute of a function as a new string, or NULL. */
char *fn_string_attr(LLVMValueRef f, const char *key);

/* Linkage classes. */
int linkage_is_local(LLVMLinkage l);
/* External, not weak, not common: a second definition is an error. */
int linkage_is_strong(LLVMLinkage l);

/*
 * A module flag: its value (a uniqued constant or metadata, so two flags
 * are equal exactly when the values are the same pointer) and behaviour
 * as the IR numbers it (1 Error ... 8 Min), or NULL when absent.
 */
LLVMValueRef module_flag(LLVMModuleRef m, const char *key, int *behavior);
/* Call fn for every module flag; stops when fn returns non-zero. */
int module_flags_each(LLVMModuleRef m,
                      int (*fn)(const char *key, int behavior,
                                LLVMValueRef value, void *arg),
                      void *arg);
/* The integer value of a module flag, or def when absent or not integer. */
long long module_flag_int(LLVMModuleRef m, const char *key, long long def);
/* The string value of a module flag as a new string, or NULL. */
char *module_flag_string(LLVMModuleRef m, const char *key);

/* Code generation: the target machine for a crate module. */
struct codegen {
	LLVMTargetMachineRef tm;
	int reloc_static;     /* the crate has no PIC Level module flag */
	int large_data;       /* x86-64 medium or large code model */
};
int codegen_init(struct codegen *cg, LLVMModuleRef crate,
                 const struct link_options *o);
void codegen_release(struct codegen *cg);
/* Make the object's sections look like rustc's (llvm_layout.c). */
void layout_apply(LLVMModuleRef m, const struct codegen *cg,
                  const struct link_options *o);
/* Emit m in the requested form into out. */
int codegen_emit(struct codegen *cg, LLVMModuleRef m,
                 const struct link_options *o, struct diag *d,
                 struct buf *out);

/* Run the optimization pipeline after the import (llvm_opt.c). */
int opt_run(LLVMModuleRef m, struct codegen *cg, const struct link_options *o,
            LLVMValueRef *changed, size_t nchanged, struct diag *d);

#endif
