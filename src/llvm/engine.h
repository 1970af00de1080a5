/*
 * llvm/engine.h: what the files of src/llvm/ share.  The rest of
 * helperlink uses llvm.h instead and never sees an LLVM type.
 *
 * The files are layered, each calling only the layers below it:
 *
 *   link.c, inspect.c            the two entry points: llvm_link(), and
 *                                llvm_report() and llvm_call_edges()
 *   import.c, internalize.c,     the steps of a link; explain.c says what
 *   cross.c, explain.c           became of each helper, and why
 *   unify.c, unique.c,           what the steps use: triples and flags,
 *   features.c, describe.c,      what must stay unique, target features,
 *   libcalls.c, signature.c,     helper sizes and what their code uses,
 *   passes.c, codegen.c,         call types, the pass pipelines, code
 *   layout.c, redefine.c,        generation, sections, renaming,
 *   refs.c, objrefs.c            references in IR and in ELF objects
 *   session.c                    a session: its context and diagnostics,
 *                                reading and linking bitcode, what is
 *                                known of each helper
 *   ir.c, diag.c, library.c      values and attributes, LLVM's messages,
 *                                the loaded libLLVM
 *
 * Ownership follows the C API: strings from LLVMGetValueName2() and
 * LLVMGetStringAttributeValue() are borrowed and live as long as the value
 * and its name; messages from LLVM are freed with LLVMDisposeMessage(),
 * error messages with LLVMDisposeErrorMessage(); LLVMLinkModules2()
 * destroys its source module whether or not it succeeds, and frees the
 * destination's declarations that the source defines, so values are never
 * remembered by address across a link: by name.
 */
#ifndef LLVM_ENGINE_H
#define LLVM_ENGINE_H

#include "../buf.h"
#include "../llvm.h"
#include "../map.h"
#include "../msg.h"
#include "../util.h"
#include "api.h"

/* --- library.c, diag.c: the library and its messages --- */

/* The input that LLVM is working on, for the fatal-error handler. */
extern const char *llvm_subject;

/*
 * Diagnostics: LLVM reports errors and warnings to a handler installed on
 * each context.  Warnings are printed at once, prefixed with the input
 * they concern; errors are collected, and every step that can report one
 * checks diag_failed(); remarks and notes are dropped.
 */
struct diag {
	const char *subject;  /* the input being read, linked or compiled */
	struct buf errors;
	struct buf last;      /* what diag_take() returned last */
	int quiet;            /* drop everything: code compiled only to be
	                         looked at */
};

void diag_install(LLVMContextRef ctx, struct diag *d);
/* Say which input LLVM's next messages concern (see capture_subject()). */
void diag_subject(struct diag *d, const char *subject);
/* The errors collected since the last call, or fallback if none; valid
 * until the next call. */
const char *diag_take(struct diag *d, const char *fallback);
/* Whether LLVM reported an error since the last diag_take(). */
int diag_failed(const struct diag *d);
void diag_release(struct diag *d);

/* --- ir.c: values, attributes, linkage, module flags --- */

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
/* The function an instruction is in. */
LLVMValueRef parent_function(LLVMValueRef inst);
/* The function or variable of m with that name, or NULL. */
LLVMValueRef named_value(LLVMModuleRef m, const char *name);
/* Whether the inline asm that function f calls names sym as a whole
 * symbol: 1; 0 if not; -1 if f calls inline asm whose text LLVM cannot
 * give (before LLVM 19). */
int asm_names(LLVMValueRef f, const char *sym);

/* Enum attributes on a function. */
int fn_has_attr(LLVMValueRef f, const char *attr);
void fn_add_attr(LLVMValueRef f, const char *attr);
void fn_remove_attr(LLVMValueRef f, const char *attr);
/* A string attribute of a function as a new string, or NULL. */
char *fn_string_attr(LLVMValueRef f, const char *key);
/* Set a string attribute of a function, or remove it when value is NULL. */
void fn_set_string_attr(LLVMValueRef f, const char *key, const char *value);
/* Replace the definition of function fname in m by a declaration. */
void fn_make_declaration(LLVMModuleRef m, const char *fname);

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

/* The type of a value or function, as IR text, as a new string. */
char *type_text(LLVMTypeRef t);
/* Run LLVM's verifier on m (on a lazy module: the globals, and the bodies
 * read so far): NULL, or the first line of what it found, as a new
 * string. */
char *ir_verify(LLVMModuleRef m);

/* --- session.c: one link, or one report --- */

/* A bitcode file read into memory.  Lazy modules read from data. */
struct bc_file {
	const char *path;
	const char *name;   /* what messages call it: path, or an archive
	                       member's "lib.a(member.o)" */
	struct buf data;
};

struct helper_file {
	struct bc_file file;
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
	int not_forced;              /* larger than --force-inline-max */
};

/* A function of an --inline-from file that the crate calls (cross.c). */
struct cross_info {
	const char *name;     /* the cross map's key */
	const char *file;     /* the file that defines it, as messages say */
	long size;            /* IR instructions, with the local code it calls */
	char *why_not;        /* why it stays a call, or NULL */
	unsigned calls;       /* the crate's calls of it given to the copy */
	unsigned inlined;     /* ... and inlined */
	int decided;          /* checked; copied when why_not is NULL */
};

/* Code generation: the target machine for a crate module (codegen.c). */
struct codegen {
	LLVMTargetMachineRef tm;
	char *cpu, *features; /* the crate's usual target-cpu and -features */
	int reloc_static;     /* the crate has no PIC Level module flag */
	int large_model;      /* x86-64 medium or large code model */
};

struct session {
	const struct link_options *o;
	LLVMContextRef ctx;
	struct diag diag;
	struct codegen cg;
	LLVMModuleRef crate, import;
	const char *crate_path;        /* the first crate's name, for messages */
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
	struct strmap code_owner;      /* function of the import -> the
	                                  helper_info whose code it is */
	struct strmap helper_locals;   /* local function of a helper file ->
	                                  that file */
	struct strmap libcalls;        /* symbol code generation makes helper
	                                  code use -> its helper_info */
	struct bc_file *cross_files;   /* --inline-from, read lazily */
	struct strmap cross;           /* function -> struct cross_info */
	struct strmap cross_refs;      /* symbol -> the cross_info using it */
	int report_mode;               /* import every helper, change nothing */
	int hosted;                    /* inside rustc: ctx and crate are its */
};

/* Start a session with options o: capture standard error (about
 * subject), create the context and install the diagnostic handler. */
void session_begin(struct session *s, const struct link_options *o,
                   const char *subject);
/* Start a session inside rustc (the plugin): on rustc's context ctx and
 * its module crate, which stay rustc's; standard error is not captured,
 * and the caller restores rustc's diagnostic handler afterwards. */
void session_begin_hosted(struct session *s, const struct link_options *o,
                          LLVMModuleRef crate);
/* Free what a session holds, but its code generator (see codegen.c),
 * and end the capture. */
void session_end(struct session *s);
/* Note the crate's definitions and declarations (crate_defined, ...). */
void session_note_crate(struct session *s);

/* Read a bitcode file, named name in messages (path when NULL),
 * refusing it if a newer LLVM produced it; -1 after printing why. */
int session_read(struct bc_file *f, const char *path, const char *name);
/* Parse a file read, lazily or not; NULL after printing why. */
LLVMModuleRef session_parse(struct session *s, struct bc_file *f, int lazy);
/* Link src into dest; src is destroyed either way. */
int session_link(struct session *s, LLVMModuleRef dest, LLVMModuleRef src,
                 const char *src_path, const char *dest_path);

/* The info of a helper, made when absent; hf becomes its file if it has
 * none yet. */
struct helper_info *session_helper(struct session *s, const char *name,
                                   struct helper_file *hf);
/* Note why a helper is not inlined; the first reason stays. */
void session_why_not(struct session *s, const char *name, const char *why);
/* Whether the crate calls name (every helper does, for a report). */
int session_wants(const struct session *s, const char *name);

/* --- the steps' tools --- */

/* Make m agree with the crate on target, or say why not (unify.c). */
int unify_target(struct session *s, LLVMModuleRef m, const char *path);
/* Refuse a module whose Error-behaviour module flags differ from the crate's. */
int unify_flags(struct session *s, LLVMModuleRef m, const char *path);

/* The name prefix of static values that were in llvm.used. */
#define USED_MARK "helperlink.used."
/* The name suffix of the inlinable copy of a helper whose address the
 * crate takes (the address stays the C object's). */
#define COPY_SUFFIX ".helperlink"

/*
 * Keep out of line the imported helpers that would duplicate what must
 * exist once: mutable statics, statics in named sections or marked used,
 * statics whose address escapes (unique.c).
 */
void unique_keep(struct session *s);

/*
 * Check each imported helper's target features against every Rust caller
 * (features.c): give it the crate's own when it needs nothing more,
 * refuse it otherwise, unless --allow-feature-mismatch.
 */
int features_check(struct session *s);

/* Each imported helper's size in IR instructions (describe.c); warns
 * about those over --max-helper-size. */
void describe_sizes(struct session *s);
/* Which outside symbols each imported helper's code uses, and whether it
 * calls itself. */
void describe_code(struct session *s);
/* Note that info's code uses the outside symbol sym (helper_refs); once
 * per helper and symbol. */
void describe_ref(struct session *s, const char *sym, struct helper_info *info);
/* After describe_code(), with the crate's target machine: the symbols
 * code generation makes each helper's code use, which its IR does not
 * name (libcalls.c), into helper_refs and libcalls. */
void describe_libcalls(struct session *s);

/*
 * Where the C calling convention puts a function's arguments or result
 * (abi.c): one location per register, in order, for each scalar of each
 * argument (an i128 takes two, its halves).
 */
#define ABI_MAX_DEPTH 8
enum abi_class { ABI_GPR, ABI_FPR, ABI_STACK };

struct abi_loc {
	enum abi_class cls;
	unsigned reg;           /* its number among its class's registers */
	unsigned bits;          /* how many bits of it the value uses */
	LLVMTypeRef type;       /* the scalar's type */
	unsigned path[ABI_MAX_DEPTH];  /* the argument (path[0]; 0 for the
	                           result), then the element indices */
	unsigned depth;
	unsigned part;          /* 1, 2: an i128's low or high half; 0 */
	int standalone;         /* a whole argument, not an element */
	int memory;             /* a byval argument: reg is its stack offset */
	unsigned long long align;  /* memory: its alignment */
};

/* The parameters passed in memory (byval): bit i of mask for parameter
 * i, with the size and alignment of each. */
struct abi_byval {
	uint64_t mask;
	unsigned long long size[64], align[64];
};

struct abi_sig {
	struct abi_loc *v;
	size_t n;
};

/* The arguments' (or, with result, the result's) locations of function
 * type fn on triple, in registers or, on x86-64, in stack slots (reg is
 * then the byte offset); byval, when not NULL, says which parameters are
 * in memory.  -1 when the model does not cover it (AArch64's stack, an
 * empty byval argument, x87, another target). */
int abi_lower(LLVMTargetDataRef td, const char *triple, LLVMTypeRef fn,
              int result, const struct abi_byval *byval, struct abi_sig *s);
/* Whether a (a call's) and b (the helper's) put the same bytes in the same
 * registers and stack slots (byval arguments of the same size and
 * alignment); a byval argument of a may be b's scalars in the same
 * slots. */
int abi_same(const struct abi_sig *a, const struct abi_sig *b);
void abi_release(struct abi_sig *s);
/*
 * The values of types (ntypes of them: the parameters, or the result)
 * that receive, in the locations of to, what values (by path[0]) put in
 * the locations of from; out gets them.  A byval argument passes its
 * pointer to a byval parameter, or its bytes to the scalars in the same
 * stack slots.
 */
void abi_move(LLVMBuilderRef b, LLVMTargetDataRef td,
              const struct abi_sig *from, LLVMValueRef *values,
              const struct abi_sig *to, LLVMTypeRef *types, size_t ntypes,
              LLVMValueRef *out);

/* Whether call and helper f put the same parameters in memory (byval,
 * sret), of the same sizes and alignments. */
int signature_same_memory(LLVMValueRef call, LLVMValueRef f);
/* Rebuild the calls of helper f whose IR type differs from f's only in
 * how rustc and clang lower one C signature (signature.c, with abi.c);
 * note why for the others, and warn once, naming hf. */
void signature_rebuild_calls(struct session *s, LLVMValueRef f,
                             const struct helper_file *hf);

/* Inline the helpers (passes.c). */
int passes_inline(LLVMModuleRef m, struct codegen *cg,
                  const struct link_options *o, struct diag *d);
/* Then optimize as --opt says: clean up the functions in changed (those
 * that called helpers), or run a whole default<On> pipeline. */
int passes_optimize(LLVMModuleRef m, struct codegen *cg,
                    const struct link_options *o, const struct strmap *changed,
                    struct diag *d);

/* The target machine for crate, which messages call name. */
int codegen_init(struct codegen *cg, LLVMModuleRef crate, const char *name,
                 const struct link_options *o);
void codegen_release(struct codegen *cg);
/* Emit m in the requested form into out; from names its inputs, for
 * messages ("a.bc', 'h.bc"). */
int codegen_emit(struct codegen *cg, LLVMModuleRef m,
                 const struct link_options *o, const char *from,
                 struct diag *d, struct buf *out);
/* Make the object's sections look like rustc's (layout.c). */
void layout_apply(LLVMModuleRef m, const struct codegen *cg,
                  const struct link_options *o);

/* --redefine-sym in IR (redefine.c, see rename.h); -1 after printing
 * why. */
int redefine_ir(LLVMModuleRef m, const struct renames *r, const char *path);

/* What code refers to, function by function (refs.c, objrefs.c). */
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
	struct strmap notes;       /* helper -> why it stays a call, as the
	                              link that wrote the file said; owned */
	struct strmap aliases;     /* an object's function -> the other names
	                              at its address, one per line; owned */
};

void refs_add(struct code_refs *r, const char *function, const char *symbol,
              int address);
/* The references of a module's functions and variables. */
void refs_module(LLVMModuleRef m, struct code_refs *r);
void refs_release(struct code_refs *r);
/* The references of an object file's code and data (objrefs.c). */
int refs_object(const char *path, const struct buf *data,
                struct code_refs *r);

/*
 * The attributes of caller and helper that keep LLVM's inliner from
 * inlining without alwaysinline, as a list into why (inliner.c).
 */
void inliner_conflicts(LLVMValueRef caller, LLVMValueRef helper,
                       const char *triple, struct buf *why);
/* Why LLVM's inliner left a call of helper (of size IR instructions,
 * calling itself when recursive) in caller: noinline, recursion,
 * "conflicting attributes: ...", or its cost model; a new string. */
char *inliner_reason(LLVMValueRef caller, LLVMValueRef helper,
                     const char *triple, long size, int recursive);

/*
 * What a link leaves in its output for a report to read (notes.c): why
 * each helper still called stays a call, in a section of the object
 * (excluded from linked programs) or named metadata of the bitcode.
 */
void notes_embed(struct session *s, const struct link_options *o);
/* The notes of a module, or of an object's section NOTES_SECTION (n
 * bytes at d, ELF notes), into notes (helper -> reason, new strings). */
void notes_read_module(LLVMModuleRef m, struct strmap *notes);
void notes_read_section(const unsigned char *d, size_t n, struct strmap *notes);
#define NOTES_SECTION ".note.helperlink"

/* --- the steps --- */

/* Import the helpers the crate calls into s->import (import.c). */
int import_helpers(struct session *s);
/* Give a non-local alias or ifunc a marker name and local linkage, so
 * that a link does not define it; once linked, import_resolve_aliases()
 * replaces the marked ones by declarations of their own names, and local
 * aliases by what they point to. */
void import_hide_alias(LLVMValueRef v);
/* A non-local variable of a file the import does not copy variables from:
 * a constant becomes available_externally, so that its value still
 * folds, another a declaration. */
void import_variable(LLVMValueRef v);
void import_resolve_aliases(LLVMModuleRef m);
/* The C function a wrapper's name says it wraps (rust_helper_NAME and
 * NAME__extern wrap NAME, as bind_c_names() binds them), as a new string,
 * or NULL. */
char *import_wrapped_name(const char *wrapper);

/*
 * After the import is linked into the crate (internalize.c): give the
 * helpers internal linkage, rebuild calls of another type, and keep the
 * address of a helper the crate takes; the names of the crate's functions
 * that call helpers go to callers.
 */
void internalize(struct session *s, struct strmap *callers);
/* After optimization, which may make a call through a pointer to a
 * helper a direct call of the C object's helper (a constant pointer that
 * a copied function of another crate loads): those calls go to the copy,
 * for another round; their callers go to callers.  How many (none but
 * with --opt=default and every helper forced inline). */
size_t internalize_rebind(struct session *s, struct strmap *callers);
/* After inlining: delete what was imported and is no longer used, and
 * warn about helpers LLVM would not inline although asked to. */
void internalize_finish(struct session *s);


/*
 * The small functions of other Rust crates (--inline-from, cross.c).
 * cross_import() links copies of those the crate calls into it, marked
 * alwaysinline, before the helpers are imported (their code may call
 * helpers); the crate's functions that call them go to callers.  After
 * inlining and optimization, cross_finish() notes the copies still
 * called, and turns them back into calls of the original (but after a
 * whole default<On> pipeline, whose interprocedural passes may have
 * changed a copy and its calls together: the copy stays).  cross_report() decides, for a report, on the calls of
 * refs, and cross_explain() puts the functions into rep.
 */
int cross_import(struct session *s, struct strmap *callers);
void cross_finish(struct session *s);
int cross_report(struct session *s, const struct code_refs *refs);
void cross_explain(struct session *s, const struct code_refs *refs,
                   struct report *rep);

/* The calls of helpers in refs, with their reasons, into rep, but those
 * made by helpers or by the functions of helper_code (the helper files'
 * code).  caller_module and helper_module, when given, hold the callers'
 * and the helpers' IR, for the reasons of LLVM's own inliner. */
void explain_calls(struct report *rep, const struct code_refs *refs,
                   const struct strmap *helpers, const struct strmap *helper_code,
                   const struct strmap *info, LLVMModuleRef caller_module,
                   LLVMModuleRef helper_module, int forced);
/* The helpers of info into rep. */
void explain_helpers(struct report *rep, const struct strmap *info);
/* Errors for --exports and --require-inlined, one line each, after the
 * rows they are about with list; -1 when there are any. */
int explain_errors(const struct report *rep, const char *what,
                   const char *exports, int require_inlined, int list);
/* The link's report, from its IR. */
void explain_link(struct session *s, struct report *rep);
/* Add to it the symbols of s->libcalls that the object obj, the link's
 * output, needs and the crate did not declare; -1 after printing why. */
int explain_object(struct session *s, struct report *rep,
                   const struct buf *obj);
/* Finish the report and apply --exports and --require-inlined; -1 after
 * printing why. */
int explain_check(struct session *s, struct report *rep);

#endif
