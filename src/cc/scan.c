/*
 * cc/scan.c: the bitcode on a link line.  Objects are recognized by
 * content, archives (rlibs, static libraries, -lNAME found through -L)
 * by their members' content; Rust modules are told from C ones by the
 * producer string.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../archive.h"
#include "../bitcode.h"
#include "../buf.h"
#include "../elffile.h"
#include "../file.h"
#include "../linkline.h"
#include "../msg.h"
#include "../temp.h"
#include "../util.h"
#include "cc.h"

/* Refuse bitcode that LLVM must not see (bitcode.h), once, here, rather
 * than in each job that would read it; -1 after printing why.  section:
 * where in the file name the bitcode is, or NULL for all of it. */
static int
check_bitcode(const unsigned char *data, size_t len, const char *name,
              const char *section)
{
	struct bc_ident id;
	enum bc_status st = bc_identify(data, len, &id);
	size_t where;

	if (st == BC_OK)
		st = bc_check(data, len, &where);
	if (st != BC_OK && section)
		return error("cannot read the bitcode in '%s' (%s): %s", name, section,
		             bc_status_str(st));
	if (st != BC_OK)
		return error("cannot read '%s': %s", name, bc_status_str(st));
	return 0;
}

/* Whether data begins as an ELF object does. */
static int
is_elf(const unsigned char *data, size_t len)
{
	return len >= 4 && memcmp(data, "\177ELF", 4) == 0;
}

/* An archive's native member: its headers and sections must be whole. */
static int
check_elf(const unsigned char *data, size_t len, const char *archive,
          const char *member)
{
	struct elf_file f;
	const char *why = elf_header(data, len, &f);

	if (!why && !(why = elf_sections(&f)))
		why = elf_section_names(&f);
	elf_release(&f);
	if (why)
		return error("cannot read '%s(%s)': %s", archive, member, why);
	return 0;
}

/* The crate a Rust module belongs to: its name up to the first '.'
 * ("app-93d23853cabbb064" of app-93d23853cabbb064.app.2847c1-cgu.0.rcgu.o). */
static char *
crate_of(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base ? base + 1 : path;
	dot = strchr(base, '.');
	return dot ? xstrndup(base, (size_t)(dot - base)) : xstrdup(base);
}

/* Add a module, named name in messages, to job j. */
static void
job_add(struct job *j, const char *input, const char *name)
{
	size_t n = j->ninputs;

	strlist_push(&j->inputs, &j->ninputs, xstrdup(input));
	strlist_push(&j->names, &n, xstrdup(name));
}

/*
 * The job for a module: a C module gets its own; a Rust module joins the
 * job of its crate (the job named crate, or, for an archive's members,
 * the archive's).  Returns the job's index.
 */
static size_t
add_job(struct driver *d, const char *input, const char *name, int rust,
        const char *crate)
{
	struct job *j;
	size_t i, n;

	for (i = 0; rust && i < d->njobs; i++)
		if (d->jobs[i].rust && strcmp(d->jobs[i].crate, crate) == 0) {
			job_add(&d->jobs[i], input, name);
			return i;
		}
	d->jobs = xrealloc(d->jobs, (d->njobs + 1) * sizeof(*d->jobs));
	j = &d->jobs[d->njobs++];
	memset(j, 0, sizeof(*j));
	job_add(j, input, name);
	j->output = xasprintf("%s/o%zu.o", d->tmp, d->njobs);
	temp_register(j->output);
	j->rust = rust;
	j->crate = xstrdup(crate);
	if (!rust) {
		n = d->nhelpers;
		strlist_push(&d->helpers, &d->nhelpers, j->inputs[0]);
		strlist_push(&d->helper_names, &n, j->names[0]);
	}
	return d->njobs - 1;
}

static struct cc_input *
add_input(struct driver *d, size_t arg)
{
	struct cc_input *in;

	d->inputs = xrealloc(d->inputs, (d->ninputs + 1) * sizeof(*d->inputs));
	in = &d->inputs[d->ninputs++];
	memset(in, 0, sizeof(*in));
	in->arg = arg;
	return in;
}

/* A bitcode object on the link line, or the bitcode of a native one, in
 * file. */
static int
add_object(struct driver *d, size_t arg, const char *file,
           const unsigned char *data, size_t len)
{
	char *crate;
	struct cc_input *in;
	size_t k;

	if (check_bitcode(data, len, d->all.v[arg],
	                  strcmp(file, d->all.v[arg]) ? "its bitcode" : NULL) < 0)
		return -1;
	crate = crate_of(d->all.v[arg]);
	in = add_input(d, arg);
	in->job = add_job(d, file, d->all.v[arg], cc_is_rust_bitcode(data, len), crate);
	/* The crate's object takes the place of its first module only. */
	for (k = 0; k + 1 < d->ninputs; k++)
		if (!d->inputs[k].is_archive && d->inputs[k].job == in->job)
			in->job = (size_t)-1;
	free(crate);
	return 0;
}

/*
 * The C bitcode a native object carries (embed.c), named name in
 * messages, as a helper of its own: the object stays as it is.  1 when
 * the object carries bitcode (C or Rust), 0 when not, -1 after printing
 * why.
 */
static int
add_embedded(struct driver *d, const unsigned char *data, size_t len,
             const char *name)
{
	size_t bclen, n;
	const unsigned char *bc = cc_llvmbc(data, len, &bclen);
	char *file, *label;

	if (!bc)
		return 0;
	if (cc_is_rust_bitcode(bc, bclen))
		return 1;
	if (check_bitcode(bc, bclen, name, ".llvmbc") < 0)
		return -1;
	file = xasprintf("%s/e%zu.bc", d->tmp, d->nhelpers);
	if (write_file_atomic(file, bc, bclen) < 0) {
		free(file);
		return -1;
	}
	temp_register(file);
	label = xasprintf("%s(.llvmbc)", name);
	n = d->nhelpers;
	strlist_push(&d->helpers, &d->nhelpers, file);
	strlist_push(&d->helper_names, &n, label);
	strlist_push(&d->owned, &d->nowned, file);
	strlist_push(&d->owned, &d->nowned, label);
	d->nembedded++;
	return 1;
}

/* The same for an archive's member. */
static int
embedded_member(struct driver *d, const char *archive, const struct ar_member *m)
{
	char *name = xasprintf("%s(%s)", archive, m->name);
	int ret = add_embedded(d, m->data, m->size, name);

	free(name);
	return ret;
}

/*
 * An archive on the link line: when a member is bitcode, or Rust whose
 * bitcode is to be compiled again (native.c), every member is written
 * out, to be put back, compiled, into a new archive.  Members that are
 * neither bitcode nor ELF (an rlib's lib.rmeta) are left out: the linker
 * does not read them.
 */
static int
add_archive(struct driver *d, size_t arg, const char *path, int library,
            const unsigned char *data, size_t len)
{
	const char *why;
	size_t n, i, k = d->ninputs, nbc = 0, *rlen;
	struct ar_member *m = ar_members(data, len, &n, &why);
	const unsigned char **rbc;
	struct cc_input *in;
	char *dir = NULL;
	int ret = -1;

	if (!m)
		return error("'%s': %s", path, why);
	/* A Rust member to compile again is its bitcode from here on. */
	rbc = xcalloc(n + 1, sizeof(*rbc));
	rlen = xcalloc(n + 1, sizeof(*rlen));
	for (i = 0; i < n; i++) {
		if (is_elf(m[i].data, m[i].size))
			rbc[i] = cc_rust_embedded(d, m[i].data, m[i].size, &rlen[i]);
		nbc += bc_is_bitcode(m[i].data, m[i].size) || rbc[i];
	}
	if (nbc == 0) {
		/* Native members stay as they are; C bitcode they carry is
		 * a source of helpers. */
		for (i = 0; i < n; i++)
			if (is_elf(m[i].data, m[i].size) &&
			    embedded_member(d, path, &m[i]) < 0)
				break;
		ret = i < n ? -1 : 0;
		goto out;
	}
	dir = xasprintf("%s/a%zu", d->tmp, k);
	if (mkdir(dir, 0700) < 0) {
		error("cannot create '%s':", dir);
		goto out;
	}
	temp_register(dir);
	in = add_input(d, arg);
	in->is_archive = 1;
	in->library = library;
	in->members = xcalloc(n + 1, sizeof(*in->members));
	in->member_job = xcalloc(n + 1, sizeof(*in->member_job));
	in->member_embedded = xcalloc(n + 1, sizeof(*in->member_embedded));
	for (i = 0; i < n; i++) {
		const unsigned char *mdata = rbc[i] ? rbc[i] : m[i].data;
		size_t msize = rbc[i] ? rlen[i] : m[i].size;
		int bc = bc_is_bitcode(mdata, msize);
		int elf = is_elf(mdata, msize), embedded = 0;
		char *file;

		if (!bc && !elf)
			continue;
		/* A native member goes back into the archive as it is; one
		 * that is damaged is said so now, by its name, not by ar
		 * later, by a temporary file's. */
		if (elf && (check_elf(mdata, msize, path, m[i].name) < 0 ||
		            (embedded = embedded_member(d, path, &m[i])) < 0))
			goto out;
		in->member_embedded[in->nmembers] = (unsigned char)embedded;
		file = xasprintf("%s/m%zu.%s", dir, i, bc ? "bc" : "o");
		if (write_file_atomic(file, mdata, msize) < 0) {
			free(file);
			goto out;
		}
		temp_register(file);
		in->member_job[in->nmembers] = -1;
		if (bc) {
			/* An archive's Rust members are one crate: the
			 * archive's index names it. */
			char *crate = xasprintf("archive %zu", k);
			char *name = xasprintf("%s(%s)", path, m[i].name);
			size_t job, p;

			if (check_bitcode(mdata, msize, name, rbc[i] ? ".llvmbc" : NULL) < 0) {
				free(crate);
				free(name);
				free(file);
				goto out;
			}
			job = add_job(d, file, name, cc_is_rust_bitcode(mdata, msize), crate);
			free(crate);
			free(name);
			/* The crate's object goes where its first module was. */
			for (p = 0; p < in->nmembers; p++)
				if (in->member_job[p] == (int)job)
					break;
			in->member_job[in->nmembers] = p < in->nmembers ? -2 : (int)job;
		}
		in->members[in->nmembers++] = file;
	}
	ret = 0;
out:
	free(rbc);
	free(rlen);
	free(dir);
	ar_members_release(m, n);
	return ret;
}

/* libNAME.a in the -L directories, or NULL. */
static char *
find_library(const struct driver *d, const char *name)
{
	size_t i;

	for (i = 0; i < d->nlibdirs; i++) {
		char *p = xasprintf("%s/lib%s.a", d->libdirs[i], name);

		if (access(p, R_OK) == 0)
			return p;
		free(p);
	}
	return NULL;
}

/* A native object on the link line: Rust that calls C, compiled again
 * from its bitcode (native.c), or an object that stays, and may carry C
 * bitcode. */
static int
add_native(struct driver *d, size_t arg, const unsigned char *data, size_t len)
{
	struct buf bc = BUF_INIT;
	char *file;
	int ret = cc_rust_object(d, d->all.v[arg], data, len, &bc, &file);

	if (ret > 0)
		ret = add_object(d, arg, file, (unsigned char *)bc.data, bc.len);
	else if (ret == 0)
		ret = add_embedded(d, data, len, d->all.v[arg]) < 0 ? -1 : 0;
	free(file);
	buf_release(&bc);
	return ret;
}

/* An input file of the link line, read whole into b; 0 when it is
 * neither bitcode nor an archive nor ELF, 1 when it is, -1 after
 * printing why. */
static int
read_input(const char *path, struct buf *b)
{
	unsigned char head[8];

	if (read_prefix(path, head, sizeof(head)) != (long)sizeof(head))
		return 0;
	if (!bc_is_bitcode(head, sizeof(head)) && !ar_is_archive(head, sizeof(head)) &&
	    !is_elf(head, sizeof(head)))
		return 0;
	return read_file(path, b) < 0 ? -1 : 1;
}

/* One input file of the link line, read once for both passes. */
struct input_file {
	size_t arg;
	char *path;
	int library;
	struct buf b;
};

/* Look at one input file: bitcode, an archive with bitcode, a native
 * object, or none of these. */
static int
scan_file(struct driver *d, const struct input_file *f)
{
	const unsigned char *data = (unsigned char *)f->b.data;

	if (bc_is_bitcode(data, f->b.len))
		return add_object(d, f->arg, f->path, data, f->b.len);
	if (is_elf(data, f->b.len))
		return add_native(d, f->arg, data, f->b.len);
	return add_archive(d, f->arg, f->path, f->library, data, f->b.len);
}

/* The -L directories and the -plugin-opt=O level (in any argument:
 * -Wl,-plugin-opt=O3, or -Xlinker's value), which may come after the
 * inputs they apply to. */
static void
scan_options(struct driver *d)
{
	const char *o, *dir;
	size_t i;

	for (i = 0; i < d->all.n; i++) {
		const char *a = d->all.v[i];

		if (strcmp(a, "-L") == 0 && i + 1 < d->all.n)
			strlist_push(&d->libdirs, &d->nlibdirs, d->all.v[i + 1]);
		else if ((dir = skip_prefix(a, "-L")) != NULL && *dir)
			strlist_push(&d->libdirs, &d->nlibdirs, dir);
		if ((o = strstr(a, "-plugin-opt=O")) != NULL) {
			o += strlen("-plugin-opt=O");
			if (*o >= '0' && *o <= '3')
				d->opt = *o - '0';
		}
	}
}

/* Read every input file of the link line that may hold bitcode: objects
 * and archives, and libraries found in the -L directories; std's are
 * linked as they are, and have no C.  -1 after printing why. */
static int
read_inputs(struct driver *d, struct input_file **files, size_t *nfiles)
{
	struct linkline_arg la;
	size_t i;

	for (i = 0; i < d->all.n; i += la.span) {
		struct input_file f = {i, NULL, 0, BUF_INIT};
		const char *sysroot_end;
		int ret = 0;

		linkline_next(d->all.v, d->all.n, i, LINKLINE_CC, &la);
		if (la.kind == LINKLINE_INPUT) {
			f.path = xstrdup(la.value);
		} else if (la.kind == LINKLINE_LIBRARY && la.value &&
		           (f.path = find_library(d, la.value)) != NULL) {
			f.library = (int)la.span;
		}
		/* std, from rustc's sysroot: not read, but it says which
		 * rustc links, whose libLLVM is the one to use. */
		sysroot_end = f.path ? cc_in_sysroot(f.path) : NULL;
		if (sysroot_end && !d->sysroot)
			d->sysroot = xstrndup(f.path, (size_t)(sysroot_end - f.path));
		if (!f.path || sysroot_end || (ret = read_input(f.path, &f.b)) == 0) {
			free(f.path);
			continue;
		}
		*files = xrealloc(*files, (*nfiles + 1) * sizeof(**files));
		(*files)[(*nfiles)++] = f;
		if (ret < 0)
			return -1;
	}
	return 0;
}

/* Two passes over the files: the functions that the C defines, then what
 * uses them. */
int
cc_scan(struct driver *d)
{
	struct input_file *files = NULL;
	size_t nfiles = 0, i;
	int ret;

	scan_options(d);
	ret = read_inputs(d, &files, &nfiles);
	for (i = 0; ret == 0 && i < nfiles; i++)
		cc_c_symbols(d, (unsigned char *)files[i].b.data, files[i].b.len);
	cc_c_symbols_done(d);
	for (i = 0; ret == 0 && i < nfiles; i++)
		ret = scan_file(d, &files[i]);
	for (i = 0; i < nfiles; i++) {
		free(files[i].path);
		buf_release(&files[i].b);
	}
	free(files);
	return ret;
}
