/*
 * cc/cc.h: the linker driver behind "helperlink cc" (cmd_cc.c).
 *
 * The driver finds the bitcode on the link line (scan.c): in objects and
 * members of rlibs and static archives, as whole files (rustc -C
 * linker-plugin-lto, clang -flto) or embedded in native objects (clang
 * -fembed-bitcode, rustc -C embed-bitcode; embed.c), or beside rustc's
 * objects (--emit=llvm-bc; native.c, which also decides which native Rust
 * objects call the C).  It makes jobs of it (a crate's Rust modules with
 * all the C bitcode as helpers, each C module that is bitcode only
 * alone), compiles them in parallel (jobs.c) unless the cache has them
 * (cache.c), rebuilds the archives and runs the real linker with every
 * other argument as it was (driver.c).
 */
#ifndef CC_CC_H
#define CC_CC_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "../args.h"
#include "../buf.h"

/*
 * One object to make: from the Rust modules of one crate (its codegen
 * units, linked together so that they inline into each other, as rustc's
 * own ThinLTO of a crate does) with the C helpers, or from one C module.
 */
struct job {
	const char **inputs;   /* owned */
	const char **names;    /* owned; what messages call them */
	size_t ninputs;
	char *output;
	int rust;
	char *crate;           /* what the Rust modules' names start with */
	char key[33];          /* its cache key, in hexadecimal */
	pid_t pid;             /* see jobs.c */
};

/* An input on the link line that holds bitcode, and what replaces it. */
struct cc_input {
	size_t arg;            /* its index in the arguments */
	int is_archive;
	int library;           /* "-lNAME", or "-l" "NAME" when 2 */
	char *replacement;     /* the native object or archive; NULL: dropped */
	size_t job;            /* an object's job; (size_t)-1: none */
	char **members;        /* an archive's members, as files, in order */
	int *member_job;       /* -1 for a native member, -2 for one dropped */
	unsigned char *member_embedded; /* a native member carries bitcode */
	size_t nmembers;
};

struct driver {
	struct args all;       /* the link line, response files expanded */
	const char *output;
	char *tmp, *cache, *self;
	int opt;               /* -plugin-opt=O level, -1 when not given */
	unsigned force_inline_max; /* $HELPERLINK_FORCE_INLINE_MAX */
	struct job *jobs;
	size_t njobs;
	struct cc_input *inputs;
	size_t ninputs;
	const char **helpers;  /* the C bitcode files */
	const char **helper_names;
	size_t nhelpers;
	const char **libdirs;  /* -L */
	size_t nlibdirs;
	const char **owned;    /* what the driver allocated for helpers */
	size_t nowned;
	unsigned compiled, cached;
	unsigned nembedded;    /* helpers from .llvmbc sections (scan.c) */
	char **csyms;          /* what the C that carries bitcode defines */
	size_t ncsyms;
	int c_unlisted;        /* C bitcode whose symbols are not listed */
	unsigned nrust_native; /* Rust objects with bitcode (std is not read) */
	char **sidecars;       /* rustc's --emit=llvm-bc files, read */
	size_t nsidecars;
	char *sysroot;         /* of the rustc that links: where its std
	                          is on the link line; NULL when it is not */
};

/* Find the bitcode on the link line: jobs, and the inputs they replace
 * (scan.c); archive members are written out to d->tmp.  -1 after
 * printing why. */
int cc_scan(struct driver *d);

/* The bitcode embedded in an ELF object (clang -fembed-bitcode, or
 * rustc's), its section .llvmbc, and its size in *bclen; NULL when it has
 * none, or only an empty marker (embed.c). */
const unsigned char *cc_llvmbc(const unsigned char *data, size_t len,
                               size_t *bclen);
/* Remove the embedded bitcode (.llvmbc, .llvmcmd) of the object file at
 * path (objcopy); -1 after printing why. */
int cc_strip_embedded(const char *path);

/* Rust as rustc compiled it (native.c).  Whether data is bitcode that
 * rustc wrote (its producer names rust). */
int cc_is_rust_bitcode(const unsigned char *data, size_t len);
/* Whether a file is rustc's own, from its sysroot: std's rlibs, which
 * carry Rust bitcode whatever the build's flags, and no C.  Where the
 * sysroot's path ends ("/lib/rustlib/..."), or NULL. */
const char *cc_in_sysroot(const char *path);
/*
 * The global symbols of an ELF object, defined ones (want_defined) or
 * undefined ones, passed to fn with arg.  Stops at fn's first nonzero
 * return, and returns it; -1, with *why set, for an object this reader
 * cannot read.
 */
int cc_each_symbol(const unsigned char *data, size_t len, int want_defined,
                   int (*fn)(void *, const char *), void *arg, const char **why);
/* Add the functions that an object or archive (data) defines in C with
 * bitcode to d->csyms; then sort them, once, with cc_c_symbols_done(). */
void cc_c_symbols(struct driver *d, const unsigned char *data, size_t len);
void cc_c_symbols_done(struct driver *d);
/* The Rust bitcode embedded in a native object, or an archive's member,
 * when the object uses a function of the C; else NULL. */
const unsigned char *cc_rust_embedded(struct driver *d, const unsigned char *data,
                                      size_t len, size_t *bclen);
/* The same for an object on the link line at path, whose bitcode may
 * also be rustc's file beside it: 1 with the bitcode in bc and a file
 * holding it in *file (the caller's to free), 0 when the object stays as
 * it is, -1 after printing why. */
int cc_rust_object(struct driver *d, const char *path, const unsigned char *data,
                   size_t len, struct buf *bc, char **file);

/* The cache (cache.c): $HELPERLINK_CACHE, or helperlink-cache beside
 * target/PROFILE/deps of output, as a new string. */
char *cache_dir(const char *output);
/* Give every job its key: what it compiles, with what, and by whom.  -1
 * after printing why. */
int cache_keys(struct driver *d);
/* Take a job's object from the cache; 0 when it was there. */
int cache_take(struct driver *d, struct job *j);
/* Put a job's object in the cache, as far as that works. */
void cache_store(struct driver *d, const struct job *j);
/*
 * Claim a job: 1 when this process is to compile it, 0 when another
 * process is (Cargo links several programs of a workspace at once, with
 * the same dependencies).  The claim is released when the job is stored,
 * or with cache_release().
 */
int cache_claim(const struct driver *d, const struct job *j);
void cache_release(const struct driver *d, const struct job *j);

/* Compile every job the cache does not have, a CPU's worth at a time
 * (jobs.c); -1 after printing why. */
int cc_compile(struct driver *d);

/* Link as the link line argv says (driver.c); the exit status. */
int cc_run(int argc, char **argv);
/* Write output: the staticlib archive with its bitcode compiled, its
 * native members as they were (driver.c); the exit status. */
int cc_staticlib(const char *archive, const char *output);

#endif
