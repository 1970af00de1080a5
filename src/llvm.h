/*
 * llvm.h: helperlink's interface to LLVM.
 *
 * The code behind this header (src/llvm/, see llvm/engine.h) is the only
 * code that touches the LLVM C API.  Nothing here mentions an LLVM type.  The library is loaded
 * once per process by llvm_load(); every other function needs it loaded.
 */
#ifndef LLVM_H
#define LLVM_H

#include <stddef.h>

#include "diff.h"
#include "rename.h"
#include "report.h"
#include "buf.h"
#include "map.h"
#include "version.h"

/*
 * Load libLLVM: path when not NULL, else $HELPERLINK_LLVM, else the one in
 * the sysroot of rustc ($RUSTC, or "rustc" from PATH, when rustc is NULL).
 * Every function helperlink uses is resolved here.  Returns -1 after
 * printing why.
 */
int llvm_load(const char *path, const char *rustc);

/* The loaded library's path and version. */
const char *llvm_path(void);
struct llvm_version llvm_version(void);

enum emit_kind { EMIT_OBJ, EMIT_ASM, EMIT_BC, EMIT_LL };

/* What runs after the helpers are linked in. */
enum opt_pipeline {
	OPT_NONE,     /* inline the helpers, nothing else */
	OPT_DEFAULT,  /* inline, then clean up only the functions that changed */
	OPT_O1,       /* the whole default<O1> pipeline, and so on */
	OPT_O2,
	OPT_O3,
};

struct link_options {
	const char **crates;       /* crate bitcode, linked together */
	size_t ncrates;
	const char **helpers;      /* helper bitcode, imported from */
	size_t nhelpers;
	const char **inline_from;  /* Rust crates' bitcode: their small
	                              functions are inlined too */
	size_t ninline_from;
	unsigned inline_from_max;  /* ... of at most this many IR instructions */
	const char **crate_names;  /* what messages call each, or NULL: */
	const char **helper_names; /* their paths */
	const char *output;        /* only used in messages here */
	enum emit_kind emit;
	enum opt_pipeline opt;
	int codegen_opt;           /* 0-3, as rustc's -C opt-level; 's'/'z' are 2 */
	int force_inline;          /* give imported helpers alwaysinline */
	int function_sections;     /* one section per function, as rustc */
	int data_sections;         /* one section per variable, as rustc */
	int verify;                /* run LLVM's verifier before emitting */
	int allow_feature_mismatch; /* inline helpers that need more features */
	int allow_static_copies;   /* inline helpers with mutable statics */
	unsigned max_helper_size;  /* warn about larger helpers; 0: never */
	unsigned force_inline_max; /* force only helpers this small; 0: all */
	int require_inlined;       /* fail when a helper call is left */
	const struct strmap *exports; /* symbols a module may use, or NULL */
	const char *exports_name;  /* the list they came from, for messages */
	const char *report;        /* where to write the link's report */
	int report_json;           /* ... as JSON */
	const struct renames *renames; /* --redefine-sym, or NULL */
	int strip_helper_debug;    /* drop the helpers' debug info */
};

/*
 * Link the helpers that the crates use into the crates, optimize and
 * emit.  The result goes to out, and what became of the helpers to rep;
 * nothing is written.  Returns -1 after printing why.
 */
int llvm_link(const struct link_options *o, struct buf *out,
              struct report *rep);
/* Inside rustc (the plugin): import the helpers that crate, rustc's
 * LLVMModuleRef, calls, and inline them, as llvm_link() would; rustc
 * optimizes and compiles the module afterwards.  When functions is empty,
 * it gets the names of the helper files' functions (and the C names a
 * crate may call them by), for llvm_calls_any().  o->output names the
 * module in messages; -1 after printing why. */
int llvm_link_hosted(void *crate, const struct link_options *o,
                     struct report *rep, struct strmap *functions);
/* Whether the module (an LLVMModuleRef) uses a function it declares whose
 * name names holds and except does not: a helper that rustc's optimizer
 * made it call. */
int llvm_calls_any(void *module, const struct strmap *names,
                   const struct strmap *except);
/* Take the LLVM C API from the libLLVM this process already has (rustc's),
 * not from a file: for the plugin.  -1 after printing why. */
int llvm_load_hosted(void);

struct report_options {
	const char *file;          /* an object or bitcode file */
	const char **helpers;      /* helper bitcode: its functions are helpers */
	size_t nhelpers;
	const char **inline_from;  /* Rust crates' bitcode: calls of their
	                              functions are listed, and whether
	                              link --inline-from would inline them */
	size_t ninline_from;
	unsigned inline_from_max;
	unsigned force_inline_max; /* the link's: larger helpers were left to
	                              LLVM's inliner; 0: all were forced */
	const char **prefixes;     /* names starting so are helpers */
	size_t nprefixes;
	const struct strmap *list; /* so are these names, or NULL */
	const struct strmap *exports;
	const char *exports_name;
	int require_inlined;
};

/* Report what is left of the helpers in a file; -1 after printing why
 * (including --exports and --require-inlined failures). */
int llvm_report(const struct report_options *ro, struct report *rep);

/* The calls of an object or bitcode file, function by function, as
 * demangled diff edges; -1 after printing why. */
int llvm_call_edges(const char *path, struct diff_edge **edges, size_t *n);

#endif
