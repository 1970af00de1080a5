/*
 * cc/driver.c: one link through "helperlink cc": scan the link line,
 * compile the jobs, put the objects and archives in place of the bitcode,
 * and run the real linker ($HELPERLINK_LINKER, or cc).
 */
#define _GNU_SOURCE  /* mkdtemp */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../archive.h"
#include "../buf.h"
#include "../file.h"
#include "../linkline.h"
#include "../msg.h"
#include "../proc.h"
#include "../temp.h"
#include "../util.h"
#include "cc.h"

/* An archive index's names: one after the other, NUL-terminated. */
struct index_names {
	struct buf names;
	size_t n;
};

static int
add_index_name(void *arg, const char *name)
{
	struct index_names *x = arg;

	buf_add(&x->names, name, strlen(name) + 1);
	x->n++;
	return 0;
}

/* Put an archive back together with its members compiled, with the
 * index a linker needs, written here: ar would load every LLVM plugin
 * installed for binutils to read the bitcode in rustc's members. */
static int
rebuild_archive(struct driver *d, struct cc_input *in, size_t k)
{
	struct ar_entry *e = xcalloc(in->nmembers + 1, sizeof(*e));
	struct buf *data = xcalloc(in->nmembers + 1, sizeof(*data));
	struct index_names *syms = xcalloc(in->nmembers + 1, sizeof(*syms));
	struct buf out = BUF_INIT;
	const char *why = NULL;
	size_t n = 0, i;
	int ret = -1;

	in->replacement = xasprintf("%s/lib%zu.a", d->tmp, k);
	temp_register(in->replacement);
	for (i = 0; i < in->nmembers; i++) {
		const char *file;

		if (in->member_job[i] == -2)
			continue;
		file = in->member_job[i] < 0 ? in->members[i]
		                             : d->jobs[in->member_job[i]].output;
		if (read_file(file, &data[n]) < 0)
			goto out;
		if (cc_each_symbol((const unsigned char *)data[n].data, data[n].len, 1,
		                   add_index_name, &syms[n], &why) < 0) {
			error("'%s': cannot read '%s': %s", d->output, file, why);
			goto out;
		}
		e[n].name = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
		e[n].data = (const unsigned char *)data[n].data;
		e[n].size = data[n].len;
		e[n].symbols = syms[n].names.data ? syms[n].names.data : "";
		e[n].nsymbols = syms[n].n;
		n++;
	}
	if ((why = ar_write(&out, e, n)) != NULL)
		error("'%s': cannot make the archive '%s': %s", d->output,
		      in->replacement, why);
	else
		ret = write_file_atomic(in->replacement, out.data, out.len);
out:
	for (i = 0; i <= in->nmembers; i++) {
		buf_release(&data[i]);
		buf_release(&syms[i].names);
	}
	buf_release(&out);
	free(data);
	free(syms);
	free(e);
	return ret;
}

/* What replaces each input: its job's object, a rebuilt archive, or
 * nothing, for a crate's modules after its first. */
static int
replace_inputs(struct driver *d)
{
	size_t k;

	for (k = 0; k < d->ninputs; k++) {
		struct cc_input *in = &d->inputs[k];

		if (in->is_archive) {
			if (rebuild_archive(d, in, k) < 0)
				return -1;
		} else if (in->job != (size_t)-1) {
			in->replacement = xstrdup(d->jobs[in->job].output);
		}
	}
	return 0;
}

/*
 * Run the real linker with the inputs replaced (with rewrite), through a
 * response file, and its output written to a temporary file first, so
 * that a link that fails leaves no output; its exit status, or 1.
 */
static int
run_linker(struct driver *d, int rewrite)
{
	const char *linker = getenv("HELPERLINK_LINKER");
	struct args line = ARGS_INIT;
	struct buf out = BUF_INIT;
	struct linkline_arg la;
	char *rsp;
	size_t i, k;
	int st;

	if (!linker || !*linker)
		linker = "cc";
	if (d->output && temp_beside(d->output, "", 0, &out) < 0)
		return 1;
	for (i = 0; i < d->all.n; i += la.span) {
		linkline_next(d->all.v, d->all.n, i, LINKLINE_CC, &la);
		for (k = 0; rewrite && k < d->ninputs; k++)
			if (d->inputs[k].arg == i)
				break;
		if (rewrite && k < d->ninputs) {
			if (d->inputs[k].replacement)
				args_push(&line, d->inputs[k].replacement);
		} else if (la.kind == LINKLINE_OUTPUT && out.data) {
			args_push(&line, "-o");
			args_push(&line, out.data);
		} else {
			for (k = 0; k < la.span; k++)
				args_push(&line, d->all.v[i + k]);
		}
	}
	rsp = xasprintf("%s/link.rsp", d->tmp);
	temp_register(rsp);
	st = linkline_run(linker, &line, rsp);
	if (out.data) {
		struct out_file f = {d->output, NULL, 0, out.data};

		if (st == 0 && write_files_atomic(&f, 1) < 0)
			st = 1;
		else if (st != 0)
			temp_remove(out.data);
	}
	free(rsp);
	buf_release(&out);
	args_release(&line);
	return st < 0 ? 1 : st;
}

/* Whether the real linker is lld (rustc passes -fuse-ld=lld for its own
 * rust-lld), which links bitcode itself. */
static int
uses_lld(const struct driver *d)
{
	size_t i;

	for (i = 0; i < d->all.n; i++)
		if (strcmp(d->all.v[i], "-fuse-ld=lld") == 0)
			return 1;
	return 0;
}

/* A line in $HELPERLINK_LOG for every link: what was compiled, or why
 * the link went to the real linker as it was. */
static void
log_link(const struct driver *d, const char *passed)
{
	const char *path = getenv("HELPERLINK_LOG");
	FILE *f;

	if (!path || !*path || !(f = fopen(path, "a")))
		return;
	fprintf(f, "%s: ", d->output ? d->output : "a.out");
	if (passed)
		fprintf(f, "passed to the linker as it is: %s\n", passed);
	else
		fprintf(f, "%zu bitcode modules, %u compiled, %u from the cache; "
		        "%zu C helper files, %u of them embedded in objects\n",
		        d->njobs, d->compiled, d->cached, d->nhelpers, d->nembedded);
	fclose(f);
}

static void
release(struct driver *d)
{
	size_t i, k;

	for (i = 0; i < d->njobs; i++) {
		for (k = 0; k < d->jobs[i].ninputs; k++) {
			free((char *)d->jobs[i].inputs[k]);
			free((char *)d->jobs[i].names[k]);
		}
		free(d->jobs[i].inputs);
		free(d->jobs[i].names);
		free(d->jobs[i].output);
		free(d->jobs[i].crate);
	}
	for (i = 0; i < d->ninputs; i++) {
		for (k = 0; k < d->inputs[i].nmembers; k++)
			free(d->inputs[i].members[k]);
		free(d->inputs[i].members);
		free(d->inputs[i].member_job);
		free(d->inputs[i].member_embedded);
		free(d->inputs[i].replacement);
	}
	if (d->tmp) {
		remove_tree(d->tmp);
		temp_forget_under(d->tmp);
		free(d->tmp);
	}
	free(d->sysroot);
	for (i = 0; i < d->nowned; i++)
		free((char *)d->owned[i]);
	for (i = 0; i < d->ncsyms; i++)
		free(d->csyms[i]);
	/* rustc's bitcode beside its objects goes with them (native.c). */
	for (i = 0; i < d->nsidecars; i++) {
		unlink(d->sidecars[i]);
		free(d->sidecars[i]);
	}
	free(d->csyms);
	free(d->sidecars);
	free(d->owned);
	free(d->jobs);
	free(d->inputs);
	free(d->helpers);
	free(d->helper_names);
	free(d->libdirs);
	free(d->cache);
	free(d->self);
	args_release(&d->all);
}

/* Where the driver is: its binary is part of the cache key. */
static char *
self_path(void)
{
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	if (n <= 0) {
		error("cannot find helperlink's own path:");
		return NULL;
	}
	self[n] = '\0';
	return xstrdup(self);
}

/* The output, -o FILE, as the compiler driver reads it. */
static const char *
find_output(const struct args *all)
{
	struct linkline_arg la;
	const char *out = NULL;
	size_t i;

	for (i = 0; i < all->n; i += la.span) {
		linkline_next(all->v, all->n, i, LINKLINE_CC, &la);
		if (la.kind == LINKLINE_OUTPUT && la.value)
			out = la.value;
	}
	return out;
}

/*
 * Helpers of up to this many IR instructions are forced inline; larger
 * ones, a C library's real functions rather than wrappers, are left to
 * LLVM's inliner.  $HELPERLINK_FORCE_INLINE_MAX (0: force every one).
 */
enum { FORCE_INLINE_MAX = 100 };

static int
force_inline_max(unsigned *max)
{
	const char *v = getenv("HELPERLINK_FORCE_INLINE_MAX");
	char *end;
	unsigned long n;

	*max = FORCE_INLINE_MAX;
	if (!v || !*v)
		return 0;
	n = strtoul(v, &end, 10);
	if (*end || n > 1000000 || *v == '-')
		return error("HELPERLINK_FORCE_INLINE_MAX='%s': not a number of IR "
		             "instructions", v);
	*max = (unsigned)n;
	return 0;
}

/* Read the link line (argv), make the work directory beside the output,
 * and find the bitcode; -1 after printing why. */
static int
begin(struct driver *d, int argc, char **argv)
{
	memset(d, 0, sizeof(*d));
	d->opt = -1;
	if (args_expand(&d->all, argc, argv) < 0)
		return -1;
	if (!(d->self = self_path()) || force_inline_max(&d->force_inline_max) < 0)
		return -1;
	d->output = find_output(&d->all);
	d->tmp = xasprintf("%s.helperlink-XXXXXX", d->output ? d->output : "a.out");
	if (!mkdtemp(d->tmp)) {
		error("cannot create '%s':", d->tmp);
		free(d->tmp);
		d->tmp = NULL;
		return -1;
	}
	temp_register(d->tmp);
	d->cache = cache_dir(d->output);
	return cc_scan(d);
}

/* Compile the jobs (or take them from the cache) and make what replaces
 * each input; -1 after printing why. */
static int
compile(struct driver *d)
{
	if (mkdir(d->cache, 0755) < 0 && errno != EEXIST)
		return error("cannot create the cache '%s':", d->cache);
	if (cc_compile(d) < 0 || replace_inputs(d) < 0)
		return -1;
	log_link(d, NULL);
	return 0;
}

/* Link, as the arguments say; the exit status. */
int
cc_run(int argc, char **argv)
{
	struct driver d;
	int ret = 1;

	if (begin(&d, argc, argv) < 0)
		goto out;
	/* Rust compiled natively, with its bitcode beside it (native.c),
	 * none of which calls C that has bitcode: linked as it is, as a
	 * plain build links it. */
	if (d.njobs == 0 && d.nrust_native > 0) {
		log_link(&d, d.nhelpers ? "no Rust calls the C bitcode"
		                        : "no C bitcode");
		ret = run_linker(&d, 0);
		goto out;
	}
	/*
	 * No Rust bitcode: rustc ran without -C embed-bitcode=yes and
	 * --emit=llvm-bc, or without -C linker-plugin-lto (RUSTFLAGS in the
	 * environment replaces the config's rustflags).  rustc shows the
	 * linker's warnings only with -W linker-messages, so this fails,
	 * where Cargo shows it, unless HELPERLINK_NATIVE=1 says to link.
	 */
	if (d.njobs == 0) {
		const char *native = getenv("HELPERLINK_NATIVE");
		const char *what = d.output ? d.output : "a.out";

		log_link(&d, "no LLVM bitcode");
		if (native && strcmp(native, "1") == 0) {
			warn("'%s': no LLVM bitcode on the link line, so no helper is "
			     "inlined (HELPERLINK_NATIVE=1)", what);
			ret = run_linker(&d, 0);
		} else {
			error("'%s': no LLVM bitcode on the link line, so no helper can "
			      "be inlined: rustc needs -C embed-bitcode=yes and "
			      "--emit=llvm-bc, or -C linker-plugin-lto (RUSTFLAGS in "
			      "the environment replaces rustflags in .cargo/config.toml); "
			      "HELPERLINK_NATIVE=1 links anyway", what);
		}
		goto out;
	}
	/* Nothing to inline (a build script, say): a linker that does LTO
	 * itself, as rustc's own rust-lld does, takes the bitcode as it is. */
	if (d.nhelpers == 0 && uses_lld(&d)) {
		log_link(&d, "no C bitcode, and the linker is lld, which reads bitcode");
		ret = run_linker(&d, 0);
		goto out;
	}
	if (compile(&d) == 0)
		ret = run_linker(&d, 1);
out:
	release(&d);
	return ret;
}

/*
 * A staticlib that rustc built with -C linker-plugin-lto is an archive of
 * bitcode, which a C toolchain cannot link: make OUTPUT, the same archive
 * with its bitcode compiled (the C helpers in it inlined into its Rust)
 * and its native members as they were.  The exit status.
 */
int
cc_staticlib(const char *archive, const char *output)
{
	char *argv[] = {(char *)archive, (char *)"-o", (char *)output, NULL};
	struct driver d;
	size_t i;
	int ret = 1;

	if (begin(&d, 3, argv) < 0)
		goto out;
	if (d.ninputs != 1 || !d.inputs[0].is_archive || d.njobs == 0) {
		error("'%s': not an archive with LLVM bitcode in it", archive);
		goto out;
	}
	/* The native members (std's) keep the bitcode rustc embedded in
	 * them: useless to a C toolchain, and GNU ar and ld with an LLVM
	 * plugin older than rustc's take such objects for bitcode they
	 * cannot read, and see no symbols in them. */
	for (i = 0; i < d.inputs[0].nmembers; i++)
		if (d.inputs[0].member_embedded[i] &&
		    cc_strip_embedded(d.inputs[0].members[i]) < 0)
			goto out;
	if (compile(&d) == 0) {
		struct out_file f = {output, NULL, 0, d.inputs[0].replacement};

		if (write_files_atomic(&f, 1) == 0)
			ret = 0;
	}
out:
	release(&d);
	return ret;
}
