/*
 * plugin/run.c: helperlink inside rustc, the C side of plugin/shim.cpp.
 *
 * NAME.so reads NAME.args beside it once: link's options, one argument a
 * line, as "helperlink plugin" wrote them (--helpers FILE, --exports
 * FILE, ...).  Then for each module rustc optimizes, the helpers it calls
 * are imported and inlined as "helperlink link" does (llvm_link_hosted());
 * rustc's own pipeline optimizes the result and rustc's own code
 * generator writes the object.  With $HELPERLINK_REPORT_DIR set, each
 * module's report goes to DIR/MODULE.report (.report.json with
 * --report-format=json).
 *
 * The pass runs twice.  At the start of rustc's pipeline (run()), which
 * then optimizes the inlined code with everything else; and once rustc
 * has simplified the module (run_late()), for a helper that only became
 * called there (kernel 6.12 calls krealloc through a function pointer
 * held in a constant): only when the module calls one of the helper
 * files' functions, and its report then replaces the first.
 *
 * Errors are held back: when the module cannot be done, the last one is
 * rustc's fatal error ("rustc-LLVM ERROR: helperlink: ..."), after the
 * others, so that one failure is one line.
 *
 * rustc optimizes its codegen units in threads of its own, and
 * helperlink's code is not written for threads (its messages, its
 * settings, LLVM's diagnostics of each step): one module at a time.
 */
#define _GNU_SOURCE  /* dladdr() */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../args.h"
#include "../buf.h"
#include "../file.h"
#include "../link_args.h"
#include "../llvm.h"
#include "../msg.h"
#include "../symlist.h"
#include "../util.h"

int helperlink_plugin_run(void *module, const char *name, char *err,
                          unsigned long errsize);
int helperlink_plugin_run_late(void *module, const char *name, char *err,
                               unsigned long errsize);
/* plugin/shim.cpp: rustc's fatal error with the message why; no return. */
void helperlink_plugin_stop(const char *why);

static struct link_args settings;
static struct strmap exports = STRMAP_INIT;
static struct args lines;
static char *args_path;
static int loaded;      /* 1: ready; -1: failed, with the error in failure */
static char failure[512];
static struct buf held = BUF_INIT;  /* error lines, each ending in '\n' */
/* The helper files' functions, from the first run. */
static struct strmap helper_functions = STRMAP_INIT;
/* The helpers a first run left called (static state, ...): the second run
 * leaves them alone, and does not warn again. */
static struct strmap kept = STRMAP_INIT;
/* The first run's report of each module (struct report *), for the second
 * run's to be merged into, when reports are written. */
static struct strmap first_reports = STRMAP_INIT;
static pthread_mutex_t one_at_a_time = PTHREAD_MUTEX_INITIALIZER;
/* An address in this file, for dladdr() to say which file it is. */
static const char anchor;

/* NAME.args, one argument a line, into settings; -1 after error(). */
static int
read_settings(void)
{
	struct buf text = BUF_INIT;
	struct opt_parser p;
	char **argv;
	char *line, *next;
	Dl_info info;
	int i, used;

	if (!dladdr(&anchor, &info) || !info.dli_fname ||
	    !skip_prefix(info.dli_fname + strlen(info.dli_fname) - 3, ".so")) {
		return error("cannot tell which plugin file this is");
	}
	args_path = xasprintf("%.*s.args", (int)(strlen(info.dli_fname) - 3), info.dli_fname);
	if (read_text_file(args_path, &text) < 0) {
		buf_release(&text);
		return error("cannot read '%s'", args_path);
	}
	args_push(&lines, "plugin");
	for (line = text.data; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (*line)
			args_push(&lines, line);
	}
	buf_release(&text);
	link_args_init(&settings);
	argv = lines.v;
	opt_init(&p, (int)lines.n, argv);
	for (i = 1; i < (int)lines.n; i += used) {
		used = link_args_match(&settings, &p, i);
		if (used <= 0)
			return error("'%s': %s", args_path,
			             used < 0 ? p.err : "not an option of helperlink link");
	}
	if (settings.o.nhelpers == 0)
		return error("'%s': no --helpers", args_path);
	if (settings.exports) {
		if (symlist_read(settings.exports, &exports) < 0)
			return error("'%s': cannot read the export list '%s'", args_path,
			             settings.exports);
		settings.o.exports = &exports;
		settings.o.exports_name = settings.exports;
	}
	/* rustc's pipeline runs after: only the inlining is helperlink's. */
	settings.o.opt = OPT_NONE;
	return 0;
}

static void
hold_error(const char *line)
{
	buf_addf(&held, "%s\n", line);
}

/* Write the held errors but the last, and put that one, or otherwise
 * fallback, into out. */
static void
release_errors(char *out, size_t size, const char *fallback)
{
	char *last;

	if (held.len == 0) {
		snprintf(out, size, "%s", fallback);
		return;
	}
	held.data[held.len - 1] = '\0';
	if ((last = strrchr(held.data, '\n')) != NULL) {
		*last++ = '\0';
		msg_text(held.data);
		msg_text("\n");
	} else {
		last = held.data;
	}
	snprintf(out, size, "%s", last);
	buf_reset(&held);
}

/* A fatal() in helperlink's code (out of memory) has held its message:
 * rustc stops with it, as for any other failure, not with exit(1). */
static void
stop_rustc(void)
{
	char why[512];

	release_errors(why, sizeof(why), "helperlink: the compilation stops");
	helperlink_plugin_stop(why);
}

static int
load(void)
{
	if (loaded == 0) {
		msg_instead_of_exit(stop_rustc);
		msg_hold_errors(hold_error);
		loaded = read_settings() == 0 && llvm_load_hosted() == 0 ? 1 : -1;
		if (loaded < 0)
			release_errors(failure, sizeof(failure),
			               "helperlink: this rustc's LLVM cannot be used");
	}
	return loaded;
}

/* The report of module name into $HELPERLINK_REPORT_DIR, if set: the
 * first run's, kept for the second run's to be merged into.  Takes rep. */
static int
write_report(struct report *rep, const char *name, int late)
{
	const char *dir = getenv("HELPERLINK_REPORT_DIR");
	struct report *kept_rep = strmap_get(&first_reports, name);
	struct buf text = BUF_INIT;
	char *path, *p;
	int ret;

	if (!dir || !*dir) {
		report_release(rep);
		return 0;
	}
	if (late && kept_rep) {
		report_merge(kept_rep, rep, settings.o.exports);
		report_release(rep);
	} else {
		if (kept_rep)
			report_release(kept_rep);
		else
			kept_rep = xmalloc(sizeof(*kept_rep));
		*kept_rep = *rep;
		memset(rep, 0, sizeof(*rep));
		strmap_put(&first_reports, name, kept_rep);
	}
	path = xasprintf("%s/%s.report%s", dir, name, settings.o.report_json ? ".json" : "");
	for (p = path + strlen(dir) + 1; *p; p++)
		if (*p == '/')
			*p = '_';
	report_print(kept_rep, settings.o.report_json, &text);
	ret = write_file_atomic(path, text.data, text.len);
	buf_release(&text);
	free(path);
	return ret;
}

/* Inline into module; late: the second run. */
static int
run(void *module, const char *name, int late, char *err, unsigned long errsize)
{
	struct link_options o;
	struct report rep;
	size_t i;
	int ret;

	if (load() < 0) {
		snprintf(err, errsize, "%s", failure);
		return -1;
	}
	o = settings.o;
	o.output = name;
	memset(&rep, 0, sizeof(rep));
	ret = llvm_link_hosted(module, &o, &rep, &helper_functions);
	for (i = 0; ret == 0 && !late && i < rep.ncalls; i++)
		if (strcmp(rep.calls[i].kind, "call") == 0)
			strmap_put(&kept, rep.calls[i].helper, (void *)1);
	if (ret == 0)
		ret = write_report(&rep, name, late);
	else
		report_release(&rep);
	if (ret < 0) {
		char fallback[512];

		snprintf(fallback, sizeof(fallback), "helperlink: the helpers of "
		         "'%s' could not be inlined into '%s'", args_path, name);
		release_errors(err, errsize, fallback);
		return -1;
	}
	/* An error that did not stop the module is written as link writes it. */
	if (held.len) {
		msg_text(held.data);
		buf_reset(&held);
	}
	return 1;
}

int
helperlink_plugin_run(void *module, const char *name, char *err,
                      unsigned long errsize)
{
	int ret;

	pthread_mutex_lock(&one_at_a_time);
	ret = run(module, name, 0, err, errsize);
	pthread_mutex_unlock(&one_at_a_time);
	return ret;
}

int
helperlink_plugin_run_late(void *module, const char *name, char *err,
                           unsigned long errsize)
{
	int ret = 0;

	pthread_mutex_lock(&one_at_a_time);
	if (load() < 0) {
		snprintf(err, errsize, "%s", failure);
		ret = -1;
	} else if (llvm_calls_any(module, &helper_functions, &kept)) {
		ret = run(module, name, 1, err, errsize);
	}
	pthread_mutex_unlock(&one_at_a_time);
	return ret;
}
