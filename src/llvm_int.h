/*
 * llvm_int.h: what the llvm_*.c files share.  The rest of helperlink uses
 * llvm.h instead and never sees an LLVM type.
 *
 * Ownership follows the C API: strings from LLVMGetValueName2() and
 * LLVMGetStringAttributeValue() are borrowed and live as long as the value
 * and its name; messages from LLVM are freed with LLVMDisposeMessage(),
 * error messages with LLVMDisposeErrorMessage(); LLVMLinkModules2()
 * destroys its source module whether or not it succeeds, and frees the
 * destination's declarations that the source defines, so values are never
 * remembered by address across a link: by name.
 */
#ifndef LLVM_INT_H
#define LLVM_INT_H

#include "llvm.h"
#include "llvmapi.h"

/*
 * Diagnostics: LLVM reports errors and warnings to a handler installed on
 * each context.  Warnings are printed at once, prefixed with the input
 * they concern; errors are collected, and every step that can report one
 * checks diag_failed(); remarks and notes are dropped.
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
/* Whether LLVM reported an error since the last diag_take(). */
int diag_failed(const struct diag *d);

/* The input that LLVM is working on, for the fatal-error handler. */
extern const char *llvm_subject;

/* The name of a global value; borrowed from LLVM. */
const char *value_name(LLVMValueRef v);

/* Call fn for each global value of m: functions, variables, aliases,
 * ifuncs.  fn may delete the value it is given. */
void each_global(LLVMModuleRef m, void (*fn)(LLVMValueRef, void *), void *arg);
int is_function(LLVMValueRef v);
int is_variable(LLVMValueRef v);
/* Whether v is a call, invoke or callbr instruction. */
int is_call(LLVMValueRef v);
/* Whether use is the callee of a call, not an argument. */
int is_callee(LLVMUseRef use);

/* Enum attributes on a function. */
int fn_has_attr(LLVMValueRef f, const char *attr);
void fn_add_attr(LLVMValueRef f, const char *attr);
void fn_remove_attr(LLVMValueRef f, const char *attr);
/* A string attribute of a function as a new string, or NULL. */
char *fn_string_attr(LLVMValueRef f, const char *key);
/* Set a string attribute of a function, or remove it when value is NULL. */
void fn_set_string_attr(LLVMValueRef f, const char *key, const char *value);

/* Linkage classes. */
int linkage_is_local(LLVMLinkage l);
/* External, not weak, not common: a second definition is an error. */
int linkage_is_strong(LLVMLinkage l);
/* Weak, linkonce or common, not ODR: the linker may pick another
 * definition, so this one must not be inlined (LLVM's isInterposable()). */
int linkage_is_interposable(LLVMLinkage l);

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

/* Code generation: the target machine for a crate module (llvm_codegen.c). */
struct codegen {
	LLVMTargetMachineRef tm;
	char *cpu, *features; /* the crate's usual target-cpu and -features */
	int reloc_static;     /* the crate has no PIC Level module flag */
	int large_model;      /* x86-64 medium or large code model */
};
int codegen_init(struct codegen *cg, LLVMModuleRef crate,
                 const struct link_options *o);
void codegen_release(struct codegen *cg);
/* Emit m in the requested form into out. */
int codegen_emit(struct codegen *cg, LLVMModuleRef m,
                 const struct link_options *o, struct diag *d,
                 struct buf *out);
/* Make the object's sections look like rustc's (llvm_layout.c). */
void layout_apply(LLVMModuleRef m, const struct codegen *cg,
                  const struct link_options *o);

/* A bitcode file read into memory.  Lazy modules read from data. */
struct input {
	const char *path;
	struct buf data;
};

struct helper_file {
	struct input in;
	struct strmap defines;  /* the functions it can contribute */
};

/* What is known of a helper the crate calls (struct session's info). */
struct helper_info {
	const char *name;            /* the info map's key */
	struct helper_file *file;
	long size;                   /* IR instructions; -1 unknown */
	char *why_not;               /* why it is not inlined, or NULL */
	char *note;                  /* what else to know about it, or NULL */
	int recursive;
};

/* One "helperlink link" run (llvm_link.c), or the helper side of a report. */
struct session {
	const struct link_options *o;
	LLVMContextRef ctx;
	struct diag diag;
	struct codegen cg;
	LLVMModuleRef crate, import;
	const char *crate_path;
	struct strmap crate_defined;   /* names of the crate's definitions */
	struct strmap crate_strong;    /* the non-local, non-weak ones */
	struct strmap crate_wants;     /* functions the crate declares */
	struct strmap owner;           /* strong helper definition -> its file */
	struct strmap imported;        /* helpers linked in -> their file */
	struct helper_file *helpers;
	struct buf helper_names;       /* what later messages are about */
	struct strmap crate_declared;  /* names the crate declares */
	struct strmap info;            /* helper name -> struct helper_info */
	struct strmap used_names;      /* the helper files' statics marked used */
	struct strmap helper_refs;     /* symbol -> the helper_info using it */
	struct strmap helper_refs_more; /* report: symbol -> "the others, ..." */
	int report_mode;               /* import every helper, change nothing */
};

/* The info of a helper, made when absent. */
struct helper_info *helper_info(struct session *s, const char *name,
                                struct helper_file *hf);
/* Note why a helper is not inlined; the first reason stays. */
void helper_why_not(struct session *s, const char *name, const char *why);

/* Free what a session holds. */
void session_release(struct session *s);
/* Whether the crate calls name (every helper does, for a report). */
int session_wants(const struct session *s, const char *name);
/* Build the link's report and apply --exports and --require-inlined
 * (llvm_report.c); -1 after printing why. */
int link_report(struct session *s, struct report *rep);

/* Read a bitcode file, refusing it if a newer LLVM produced it. */
int input_read(struct input *in, const char *path);
/* Parse an input, lazily or not; NULL after printing why. */
LLVMModuleRef input_parse(struct session *s, struct input *in, int lazy);
/* Link src into dest; src is destroyed either way. */
int link_into(struct session *s, LLVMModuleRef dest, LLVMModuleRef src,
              const char *src_path, const char *dest_path);

/* Make m agree with the crate on target, or say why not (llvm_target.c). */
int target_unify(struct session *s, LLVMModuleRef m, const char *path);
/* Refuse a module whose Error-behaviour module flags differ from the crate's. */
int target_check_flags(struct session *s, LLVMModuleRef m, const char *path);

/* Rebuild the calls of helper f whose IR type differs from f's only in
 * how rustc and clang spell the same registers (llvm_calls.c); note why
 * for the others. */
void adapt_calls(struct session *s, LLVMValueRef f);

/* Import the helpers the crate calls into s->import (llvm_import.c). */
int import_helpers(struct session *s);

/*
 * Check each imported helper's target features against every Rust caller
 * (llvm_features.c): give it the crate's own when it needs nothing more,
 * refuse it otherwise, unless --allow-feature-mismatch.
 */
int features_check(struct session *s);

/* The name prefix of static values that were in llvm.used. */
#define USED_MARK "helperlink.used."
/* The name suffix of the inlinable copy of a helper whose address the
 * crate takes (the address stays the C object's). */
#define COPY_SUFFIX ".helperlink"

/*
 * Keep out of line the imported helpers that would duplicate what must
 * exist once: mutable statics, statics in named sections or marked used,
 * statics whose address escapes (llvm_unique.c).
 */
void keep_unique(struct session *s);

/* What code refers to, function by function (llvm_object.c). */
struct code_ref {
	char *function;   /* the referring function, or the variable (else
	                     the data section) holding the reference */
	char *symbol;
	int address;      /* 1: its address is used, not called */
};

struct code_refs {
	struct code_ref *v;
	size_t n;
	struct strmap undefined;   /* symbols used and not defined */
};

/* The references of an object file's code and data. */
int object_refs(const char *path, const struct buf *data, LLVMContextRef ctx,
                struct code_refs *r);
/* The references of a module's functions and variables. */
void module_refs(LLVMModuleRef m, struct code_refs *r);
void code_refs_release(struct code_refs *r);

/*
 * The attributes of caller and helper that keep LLVM's inliner from
 * inlining without alwaysinline, as a list into why (llvm_report.c).
 */
void attribute_conflicts(LLVMValueRef caller, LLVMValueRef helper,
                         const char *triple, struct buf *why);

/* --redefine-sym in IR (llvm_rename.c, see rename.h); -1 after printing
 * why. */
int ir_redefine(LLVMModuleRef m, const struct renames *r, const char *path);

/*
 * Run the optimization pipeline after the import (llvm_opt.c).  changed
 * names the functions that called helpers; those that still exist after
 * inlining are cleaned up.
 */
int opt_run(LLVMModuleRef m, struct codegen *cg, const struct link_options *o,
            const struct strmap *changed, struct diag *d);

#endif
