/*
 * unit.c: table-driven tests of helperlink's pure functions.  Prints
 * "ok - NAME" or "not ok - NAME" per case, like the shell tests.
 */
#define _POSIX_C_SOURCE 200809L  /* mkstemp, fdopen */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/archive.h"
#include "../src/args.h"
#include "../src/bitcode.h"
#include "../src/diff.h"
#include "../src/json.h"
#include "../src/link_args.h"
#include "../src/map.h"
#include "../src/rename.h"
#include "../src/report.h"
#include "../src/symlist.h"
#include "../src/target.h"
#include "../src/target_features.h"
#include "../src/util.h"
#include "../src/buf.h"
#include "../src/file.h"
#include "../src/msg.h"
#include "../src/version.h"

static int failures;

/* Print a result line; the name is kept on one line. */
static void
result(int ok, const char *fmt, const char *arg)
{
	char name[256], *p;

	snprintf(name, sizeof(name), fmt, arg);
	for (p = name; *p; p++)
		if (*p == '\n')
			*p = ' ';
	printf("%s - %s\n", ok ? "ok" : "not ok", name);
	failures += !ok;
}

static void
test_versions(void)
{
	static const struct {
		int (*parse)(const char *, struct llvm_version *);
		const char *in;
		int ret;
		unsigned major, minor, patch;
	} cases[] = {
		{version_parse, "22.1.2", 0, 22, 1, 2},
		{version_parse, "22.1", 0, 22, 1, 0},
		{version_parse, "14", 0, 14, 0, 0},
		{version_parse, "x1", -1, 0, 0, 0},
		{version_from_producer, "LLVM22.1.2-rust-1.95.0-stable", 0, 22, 1, 2},
		{version_from_producer, "LLVM14.0.6", 0, 14, 0, 6},
		{version_from_producer, "LLVM23.0.0git", 0, 23, 0, 0},
		{version_from_producer, "APPLE_1_1500.3.9.4_0", -1, 0, 0, 0},
		{version_from_rustc, "rustc 1.95.0 (59807616e 2026-04-14)\nbinary: rustc\n"
		                     "release: 1.95.0\nLLVM version: 22.1.2\n", 0, 22, 1, 2},
		{version_from_rustc, "rustc 1.95.0\n", -1, 0, 0, 0},
		{version_from_cc, "Debian clang version 14.0.6\nTarget: x86_64-pc-linux-gnu\n", 0, 14, 0, 6},
		{version_from_cc, "clang version 19.1.7 (https://github.com/llvm/llvm-project)\n", 0, 19, 1, 7},
		{version_from_cc, "Ubuntu clang version 22.1.8 (1ubuntu1)\n", 0, 22, 1, 8},
		{version_from_cc, "gcc (Debian 12.2.0-14) 12.2.0\n", -1, 0, 0, 0},
		{version_from_cc, "Apple clang version 15.0.0 (clang-1500.3.9.4)\n", -1, 0, 0, 0},
	};
	static const struct {
		struct llvm_version reader, producer;
		int ok;
	} reads[] = {
		{{22, 1, 2}, {22, 1, 8}, 1},   /* Debian's clang-22 and rustc 1.95 */
		{{22, 1, 2}, {14, 0, 6}, 1},
		{{22, 1, 2}, {23, 1, 0}, 0},
		{{22, 1, 2}, {22, 2, 0}, 0},
		{{22, 1, 2}, {21, 9, 9}, 1},
	};
	size_t i;

	for (i = 0; i < LEN(cases); i++) {
		struct llvm_version v = {0, 0, 0};
		int ret = cases[i].parse(cases[i].in, &v);

		result(ret == cases[i].ret && (ret < 0 ||
		       (v.major == cases[i].major && v.minor == cases[i].minor &&
		        v.patch == cases[i].patch)),
		       "version: parse '%s'", cases[i].in);
	}
	for (i = 0; i < LEN(reads); i++) {
		char a[32], b[64];

		snprintf(b, sizeof(b), "%s reads %s",
		         version_str(&reads[i].reader, a),
		         version_str(&reads[i].producer, b + 40));
		result(version_can_read(&reads[i].reader, &reads[i].producer) ==
		       reads[i].ok, "version: %s", b);
	}
}

static void
test_targets(void)
{
	static const struct {
		const char *triple, *family;
		int elf;
	} triples[] = {
		{"x86_64-unknown-linux-gnu", "x86_64", 1},
		{"x86_64-unknown-none-elf", "x86_64", 1},
		{"x86_64-pc-linux-gnu", "x86_64", 1},
		{"i686-pc-linux-gnu", "x86", 1},
		{"aarch64-unknown-linux-gnu", "aarch64", 1},
		{"arm64-apple-macosx14.0.0", "aarch64", 0},
		{"thumbv7em-none-unknown-eabihf", "arm", 1},
		{"armv7-unknown-linux-gnueabihf", "arm", 1},
		{"riscv64-unknown-linux-gnu", "riscv64", 1},
		{"s390x-unknown-linux-gnu", "s390x", 1},
		{"x86_64-pc-windows-msvc", "x86_64", 0},
		{"wasm32-unknown-unknown", "wasm32", 0},
	};
	static const struct {
		const char *dl, *prefix;
		char order;
	} layouts[] = {
		{"e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128", ".L", 'e'},
		{"E-m:m-p:32:32-i8:8:32-i16:16:32-i64:64-n32-S64", "$", 'E'},
		{"e-m:o-i64:64-i128:128-n32:64-S128-Fn32", NULL, 'e'},
		{"i64:64-n32:64", NULL, 'E'},
	};
	size_t i;

	for (i = 0; i < LEN(triples); i++) {
		char buf[32];

		result(strcmp(target_arch_family(triples[i].triple, buf, sizeof(buf)),
		              triples[i].family) == 0,
		       "target: family of '%s'", triples[i].triple);
		result(target_is_elf(triples[i].triple) == triples[i].elf,
		       "target: whether '%s' is ELF", triples[i].triple);
	}
	for (i = 0; i < LEN(layouts); i++) {
		const char *p = target_private_prefix(layouts[i].dl);

		result(p == layouts[i].prefix ||
		       (p && layouts[i].prefix && strcmp(p, layouts[i].prefix) == 0),
		       "target: private prefix of '%s'", layouts[i].dl);
		result(target_dl_byte_order(layouts[i].dl) == layouts[i].order,
		       "target: byte order of '%s'", layouts[i].dl);
	}
}

/* A bit writer, to make bitstreams by hand. */
struct bits {
	unsigned char data[256];
	size_t pos;
};

static void
put(struct bits *b, unsigned long v, unsigned width)
{
	unsigned i;

	for (i = 0; i < width; i++, b->pos++)
		if (v >> i & 1)
			b->data[b->pos / 8] |= (unsigned char)(1u << (b->pos % 8));
}

static void
put_vbr(struct bits *b, unsigned long v, unsigned width)
{
	unsigned long hi = 1UL << (width - 1);

	while (v >= hi) {
		put(b, (v & (hi - 1)) | hi, width);
		v >>= width - 1;
	}
	put(b, v, width);
}

static void
align(struct bits *b)
{
	b->pos = (b->pos + 31) & ~(size_t)31;
}

/* Bitcode with an identification block naming producer, written with
 * unabbreviated records, then a module block that claims nwords words. */
static size_t
make_bitcode(struct bits *b, const char *producer, unsigned long nwords)
{
	size_t i;

	memset(b, 0, sizeof(*b));
	put(b, 'B', 8);
	put(b, 'C', 8);
	put(b, 0xC0, 8);
	put(b, 0xDE, 8);
	put(b, 1, 2);           /* ENTER_SUBBLOCK */
	put_vbr(b, 13, 8);      /* IDENTIFICATION_BLOCK_ID */
	put_vbr(b, 5, 4);       /* abbreviation width */
	align(b);
	put(b, 0, 32);          /* length, unchecked here */
	put(b, 3, 5);           /* UNABBREV_RECORD: STRING */
	put_vbr(b, 1, 6);
	put_vbr(b, strlen(producer), 6);
	for (i = 0; producer[i]; i++)
		put_vbr(b, (unsigned char)producer[i], 6);
	put(b, 3, 5);           /* UNABBREV_RECORD: EPOCH 0 */
	put_vbr(b, 2, 6);
	put_vbr(b, 1, 6);
	put_vbr(b, 0, 6);
	put(b, 0, 5);           /* END_BLOCK */
	align(b);
	put(b, 1, 2);           /* ENTER_SUBBLOCK: MODULE_BLOCK */
	put_vbr(b, 8, 8);
	put_vbr(b, 3, 4);
	align(b);
	put(b, nwords, 32);
	put(b, 0, 32);          /* one word of module */
	return b->pos / 8;
}

static void
test_bitcode(void)
{
	struct bits b;
	struct bc_ident id;
	size_t n;

	n = make_bitcode(&b, "LLVM23.0.0git", 1);
	result(bc_identify(b.data, n, &id) == BC_OK && id.found &&
	       strcmp(id.producer, "LLVM23.0.0git") == 0,
	       "bitcode: %s", "reads an unabbreviated producer");
	result(bc_identify(b.data, n, &id) == BC_OK && id.char_kind == 'v' &&
	       id.char_width == 6, "bitcode: %s", "knows where the characters are");
	result(bc_identify(b.data, n - 8, &id) == BC_TRUNCATED,
	       "bitcode: %s", "a cut module block is truncated");
	n = make_bitcode(&b, "LLVM14.0.6", 50);
	result(bc_identify(b.data, n, &id) == BC_TRUNCATED,
	       "bitcode: %s", "a module block longer than the file is truncated");
	result(bc_identify((const unsigned char *)"hello, world", 12, &id) ==
	       BC_NOT_BITCODE, "bitcode: %s", "text is not bitcode");
	result(bc_identify((const unsigned char *)"BC", 2, &id) == BC_NOT_BITCODE,
	       "bitcode: %s", "two bytes are not bitcode");
	result(bc_identify(b.data, 20, &id) == BC_TRUNCATED,
	       "bitcode: %s", "a cut identification block is truncated");
	result(bc_is_bitcode(b.data, n) && !bc_is_bitcode((const unsigned char *)"\177ELF", 4),
	       "bitcode: %s", "bc_is_bitcode");
}

static void
test_link_parse(void)
{
	static const struct {
		const char *args, *error;
		size_t ncrates, nhelpers;
		int emit, opt, force, fsect;
	} cases[] = {
		{"link a.bc --helpers h.bc -o a.o", NULL, 1, 1, EMIT_OBJ, OPT_DEFAULT, 1, 1},
		{"link a.bc b.bc --helpers h.bc --helpers i.bc -o a.o --emit=ll", NULL, 2, 2, EMIT_LL, OPT_DEFAULT, 1, 1},
		{"link -o a.o --opt=O2 a.bc --no-force-inline", NULL, 1, 0, EMIT_OBJ, OPT_O2, 0, 1},
		{"link a.bc -o a.s --emit=asm --no-function-sections", NULL, 1, 0, EMIT_ASM, OPT_DEFAULT, 1, 0},
		{"link a.bc -o a.bc2 --emit=llvm-bc --opt=none", NULL, 1, 0, EMIT_BC, OPT_NONE, 1, 1},
		{"link a.bc", "no output file given (-o)", 0, 0, 0, 0, 0, 0},
		{"link -o a.o", "no crate bitcode given", 0, 0, 0, 0, 0, 0},
		{"link a.bc -o a.o --emit=exe", "'exe' is not a valid value for --emit", 0, 0, 0, 0, 0, 0},
		{"link a.bc -o a.o --opt=fast", "'fast' is not a valid value for --opt", 0, 0, 0, 0, 0, 0},
		{"link a.bc -o a.o --frob", "unknown option '--frob'", 0, 0, 0, 0, 0, 0},
		{"link a.bc -o", "option '-o' needs a value", 0, 0, 0, 0, 0, 0},
	};
	size_t i;

	for (i = 0; i < LEN(cases); i++) {
		char *copy = xstrdup(cases[i].args), *argv[16], *tok;
		struct link_args a;
		const char *err;
		int argc = 0, ok;

		for (tok = strtok(copy, " "); tok && argc < 15; tok = strtok(NULL, " "))
			argv[argc++] = tok;
		argv[argc] = NULL;
		err = link_args_parse(argc, argv, &a);
		if (cases[i].error)
			ok = err && strcmp(err, cases[i].error) == 0;
		else
			ok = !err && a.o.ncrates == cases[i].ncrates &&
			     a.o.nhelpers == cases[i].nhelpers &&
			     (int)a.o.emit == cases[i].emit &&
			     (int)a.o.opt == cases[i].opt &&
			     a.o.force_inline == cases[i].force &&
			     a.o.function_sections == cases[i].fsect;
		result(ok, "link_args_parse: %s", cases[i].args);
		link_args_release(&a);
		free(copy);
	}
}

static void
test_features(void)
{
	static const struct {
		const char *triple, *ccpu, *cfeat, *hcpu, *hfeat, *missing;
		int ret;
	} cases[] = {
		/* clang 14 and 22 userspace helpers, rustc's x86-64 */
		{"x86_64-unknown-linux-gnu", "x86-64", "", "x86-64",
		 "+cx8,+fxsr,+mmx,+sse,+sse2,+x87", "", 1},
		{"x86_64-unknown-linux-gnu", "x86-64", NULL, "x86-64",
		 "+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87", "", 1},
		/* the kernel: soft-float Rust, -mno-sse C */
		{"x86_64-unknown-none-elf", "x86-64", "-mmx,-sse,-sse2,+soft-float",
		 "x86-64", "+cmov,+cx8,+fxsr,+x87,-3dnow,-mmx,-sse", "", 1},
		/* userspace helpers into the kernel */
		{"x86_64-unknown-none-elf", "x86-64", "-mmx,-sse,+soft-float",
		 "x86-64", "+cx8,+fxsr,+mmx,+sse,+sse2,+x87", "+mmx,+sse,+sse2", 0},
		{"x86_64-unknown-linux-gnu", "x86-64", "", "x86-64",
		 "+crc32,+popcnt,+sse,+sse2,+sse3,+sse4.1,+sse4.2,+ssse3,+x87",
		 "+crc32,+popcnt,+sse3,+sse4.1,+sse4.2,+ssse3", 0},
		/* implied by a feature, by a CPU level, or removed */
		{"x86_64-unknown-linux-gnu", "x86-64", "+avx2", "x86-64",
		 "+sse4.1,+avx", "", 1},
		{"x86_64-unknown-linux-gnu", "x86-64-v3", "", "haswell",
		 "+avx2,+fma,+bmi2,+sse4.2", "", 1},
		{"x86_64-unknown-linux-gnu", "x86-64", "-sse2", "x86-64",
		 "+sse,+avx", "+avx", 0},
		/* named CPUs (X86.td's ProcessorFeatures) */
		{"x86_64-unknown-linux-gnu", "haswell", "", "x86-64", "+avx2,+fma", "", 1},
		{"x86_64-unknown-linux-gnu", "haswell", "", "x86-64", "+avx512f",
		 "+avx512f", 0},
		{"x86_64-unknown-linux-gnu", "znver3", "", "x86-64", "+vaes,+sha", "", 1},
		{"x86_64-unknown-linux-gnu", "sandybridge", "", "x86-64", "+xsave,+avx",
		 "", 1},
		/* clang's -msse4.2 adds +popcnt; rustc's +sse4.2 does not */
		{"x86_64-unknown-linux-gnu", "x86-64", "+sse4.2,+crc32", "x86-64",
		 "+popcnt", "+popcnt", 0},
		/* nothing needed: always */
		{"x86_64-unknown-linux-gnu", "x86-64", "", "x86-64", "", "", 1},
		{"x86_64-unknown-linux-gnu", "native9", "", "x86-64", NULL, "", 1},
		/* CPUs without a table: the same one matches, others cannot tell */
		{"x86_64-unknown-linux-gnu", "znver9", "", "znver9", "+avx2", "", 1},
		{"x86_64-unknown-linux-gnu", "znver9", "", "x86-64", "+avx2", "", -1},
		{"riscv64-unknown-linux-gnu", "generic-rv64", "+m,+a", "", "+m,+a,+c",
		 "", -1},
		/* AArch64 */
		{"aarch64-unknown-linux-gnu", "generic", "+v8a,+outline-atomics",
		 "generic", "+fp-armv8,+neon,+v8a", "", 1},
		{"aarch64-unknown-linux-gnu", "generic", "", "generic",
		 "+neon,+sve", "+sve", 0},
		{"aarch64-unknown-none-softfloat", "generic", "-neon,-fp-armv8",
		 "generic", "+neon", "+neon", 0},
	};
	struct buf missing = BUF_INIT, cpu = BUF_INIT;
	size_t i;

	for (i = 0; i < LEN(cases); i++) {
		int ret = features_compatible(cases[i].triple, cases[i].ccpu,
		                              cases[i].cfeat, cases[i].hcpu,
		                              cases[i].hfeat, &missing);

		result(ret == cases[i].ret &&
		       (ret != 0 || strcmp(missing.data, cases[i].missing) == 0),
		       "features: %s", cases[i].hfeat);
	}
	result(features_of_cpu("x86_64-unknown-linux-gnu", "x86-64", &cpu) == 0 &&
	       strcmp(cpu.data, "+64bit,+cmov,+cx8,+fxsr,+mmx,+nopl,+sse,+sse2,+x87") == 0,
	       "features: %s", "x86-64 is the psABI's level 1");
	result(features_of_cpu("x86_64-unknown-linux-gnu", "znver9", &cpu) < 0,
	       "features: %s", "no table for an unknown CPU");
	result(strcmp(features_of_intrinsic("x86_64-unknown-linux-gnu",
	                                    "llvm.x86.avx2.pshuf.b"), "avx2") == 0 &&
	       strcmp(features_of_intrinsic("x86_64-unknown-linux-gnu",
	                                    "llvm.x86.avx.vzeroupper"), "avx") == 0 &&
	       strcmp(features_of_intrinsic("x86_64-unknown-linux-gnu",
	                                    "llvm.x86.sse42.crc32.32.32"), "crc32") == 0 &&
	       strcmp(features_of_intrinsic("x86_64-unknown-linux-gnu",
	                                    "llvm.ctpop.i32"), "") == 0 &&
	       features_of_intrinsic("x86_64-unknown-linux-gnu",
	                             "llvm.x86.avx512.sqrt.pd.512") == NULL &&
	       strcmp(features_of_intrinsic("aarch64-unknown-linux-gnu",
	                                    "llvm.aarch64.crc32b"), "crc") == 0,
	       "features: %s", "what intrinsics need");
	buf_release(&missing);
	buf_release(&cpu);
}

static void
test_strmap(void)
{
	struct strmap m = STRMAP_INIT;
	char key[32];
	int i, ok = 1;

	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		strmap_put(&m, key, (void *)(long)(i + 1));
	}
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		ok &= strmap_get(&m, key) == (void *)(long)(i + 1);
	}
	result(ok && m.n == 1000, "strmap: %s", "1000 keys survive growth");
	result(strmap_put(&m, "k7", (void *)1) == (void *)8 && m.n == 1000,
	       "strmap: %s", "put returns the old value");
	result(strmap_get(&m, "missing") == NULL, "strmap: %s", "absent key");
	strmap_release(&m);
}

/* Write text to a new file in /tmp; its name goes to path. */
static void
temp_file(const char *text, char *path, size_t size)
{
	FILE *f;
	int fd;

	snprintf(path, size, "/tmp/helperlink-unit-XXXXXX");
	fd = mkstemp(path);
	f = fd < 0 ? NULL : fdopen(fd, "w");
	if (!f) {
		perror("unit: mkstemp");
		exit(1);
	}
	fputs(text, f);
	fclose(f);
}

static void
test_symlist(void)
{
	static const struct {
		const char *text, *name;
		int ret;
		const char *present, *absent;
	} cases[] = {
		{"0x8e1a7c5c\trefcount_warn_saturate\tvmlinux\tEXPORT_SYMBOL\t\n",
		 "Module.symvers line", 0, "refcount_warn_saturate", "vmlinux"},
		{"# comment\n\n  vmalloc_node_noprof\n", "a name per line", 0,
		 "vmalloc_node_noprof", "#"},
		{"0xzz\tsym\tvmlinux\n", "a bad CRC", -1, NULL, NULL},
		{"two names\n", "two names on a line", -1, NULL, NULL},
		{"", "an empty file", 0, NULL, "x"},
	};
	size_t i;

	for (i = 0; i < LEN(cases); i++) {
		struct strmap m = STRMAP_INIT;
		char path[64];
		int ret, ok;

		temp_file(cases[i].text, path, sizeof(path));
		fflush(stdout);
		ret = symlist_read(path, &m);
		ok = ret == cases[i].ret &&
		     (!cases[i].present || strmap_get(&m, cases[i].present)) &&
		     (!cases[i].absent || !strmap_get(&m, cases[i].absent));
		result(ok, "symlist: %s", cases[i].name);
		strmap_release(&m);
		unlink(path);
	}
}

static void
test_json(void)
{
	struct buf b = BUF_INIT;

	json_string(&b, "a\"b\\c\n\x01");
	result(strcmp(b.data, "\"a\\\"b\\\\c\\u000a\\u0001\"") == 0,
	       "json: %s", "quotes, backslashes and control characters escaped");
	buf_release(&b);
}

static void
test_diff(void)
{
	struct diff_edge a[] = {
		{"f", "helper"}, {"f", "helper"}, {"f", "kept"}, {"g", "gone"},
	};
	struct diff_edge b[] = {
		{"f", "kept"}, {"f", "new"}, {"f", "new"}, {"f", "helper"},
	};
	struct buf out = BUF_INIT;

	diff_sort(a, LEN(a));
	diff_sort(b, LEN(b));
	diff_print("a.o", a, LEN(a), "b.o", b, LEN(b), 0, &out);
	result(strcmp(out.data, "calls that differ from 'a.o' to 'b.o':\n"
	                        "  f\n    - helper\n    + new (x2)\n"
	                        "  g\n    - gone\n") == 0,
	       "diff: %s", "counts per callee, per function");
	buf_reset(&out);
	diff_print("a.o", a, LEN(a), "a.o", a, LEN(a), 0, &out);
	result(strcmp(out.data, "calls that differ from 'a.o' to 'a.o':\n"
	                        "  none\n") == 0, "diff: %s", "no change");
	buf_release(&out);
}

static void
test_report(void)
{
	struct strmap exports = STRMAP_INIT;
	struct report r;

	memset(&r, 0, sizeof(r));
	report_add_call(&r, "f", "h", "call", "");
	report_add_call(&r, "f", "h", "call", "");
	report_add_call(&r, "f", "h", "address", "");
	report_add_helper(&r, "h", "h.bc", 3, NULL);
	report_add_ref(&r, "b_sym", "h");
	report_add_ref(&r, "a_sym", "h");
	strmap_put(&exports, "a_sym", (void *)1);
	report_finish(&r, &exports);
	result(r.ncalls == 2 && r.calls[1].count == 2 &&
	       strcmp(r.calls[0].kind, "address") == 0, "report: %s",
	       "equal calls merge, counted");
	result(r.helpers[0].calls_left == 2, "report: %s",
	       "a use of the address is not a call left");
	result(strcmp(r.refs[0].symbol, "a_sym") == 0 && r.refs[0].exported == 1 &&
	       r.refs[1].exported == 0, "report: %s",
	       "references sorted, checked against the exports");
	report_release(&r);
	strmap_release(&exports);
}

static void
test_args(void)
{
	static const struct {
		const char *text, *want;  /* want: the words joined by '|' */
	} cases[] = {
		{"a.o b.o\nc.o\n", "a.o|b.o|c.o"},
		{"  'with space.o'  \"dq x\" back\\ slash ", "with space.o|dq x|back slash"},
		{"it''s \"\"", "its|"},
		{"", ""},
	};
	struct buf joined = BUF_INIT;
	size_t i, j;

	for (i = 0; i < LEN(cases); i++) {
		struct args a = ARGS_INIT;

		args_split(&a, cases[i].text);
		buf_reset(&joined);
		buf_addstr(&joined, "");
		for (j = 0; j < a.n; j++)
			buf_addf(&joined, "%s%s", j ? "|" : "", a.v[j]);
		result(strcmp(joined.data, cases[i].want) == 0 && (!a.v || !a.v[a.n]),
		       "args_split: gives '%s'", cases[i].want);
		args_release(&a);
	}
	buf_release(&joined);
}

/* A minimal relocatable ELF64 object: a symbol table of three symbols
 * (a section symbol and two named ones) and its string table. */
static void
make_elf(struct buf *b)
{
	static const char strtab[] = "\0alpha\0beta\0";
	unsigned char eh[64] = {0x7f, 'E', 'L', 'F', 2, 1, 1};
	unsigned char sym[3][24], sh[3][64];
	size_t symoff = 64, stroff = symoff + sizeof(sym),
	       shoff = stroff + sizeof(strtab);

	memset(sym, 0, sizeof(sym));
	memset(sh, 0, sizeof(sh));
	sym[1][0] = 1;                  /* "alpha" */
	sym[1][4] = 0x10;               /* global notype */
	sym[2][0] = 7;                  /* "beta" */
	sym[2][4] = 0x03;               /* local section symbol: kept */
	eh[16] = 1;                     /* ET_REL */
	memcpy(eh + 40, &shoff, 8);
	eh[58] = 64;                    /* e_shentsize */
	eh[60] = 3;                     /* e_shnum */
	sh[1][4] = 2;                   /* SHT_SYMTAB */
	memcpy(sh[1] + 24, &symoff, 8);
	sh[1][32] = sizeof(sym);
	sh[1][40] = 2;                  /* sh_link: the string table */
	sh[1][56] = 24;
	sh[2][4] = 3;                   /* SHT_STRTAB */
	memcpy(sh[2] + 24, &stroff, 8);
	sh[2][32] = sizeof(strtab);
	buf_add(b, eh, sizeof(eh));
	buf_add(b, sym, sizeof(sym));
	buf_add(b, strtab, sizeof(strtab));
	buf_add(b, sh, sizeof(sh));
}

/* The name of symbol i of make_elf()'s object, after renaming. */
static const char *
elf_name(const struct buf *b, int i)
{
	uint32_t name;
	uint64_t shoff, stroff;

	memcpy(&name, b->data + 64 + i * 24, 4);
	memcpy(&shoff, b->data + 40, 8);
	memcpy(&stroff, b->data + shoff + 2 * 64 + 24, 8);
	return b->data + stroff + name;
}

static void
test_renames(void)
{
	struct renames r = RENAMES_INIT;
	struct buf elf = BUF_INIT;
	int ok;

	ok = renames_add_arg(&r, "alpha=gamma") == 0 &&
	     renames_add_arg(&r, "beta=delta") == 0;
	result(ok && strcmp(renames_get(&r, "alpha"), "gamma") == 0 &&
	       !renames_get(&r, "gamma"), "%s", "renames: OLD=NEW");
	result(renames_add_arg(&r, "x=") < 0 && renames_add_arg(&r, "=y") < 0 &&
	       renames_add_arg(&r, "x") < 0, "%s", "renames: malformed arguments");
	result(renames_add_arg(&r, "a=b=c") == 0 &&
	       strcmp(renames_get(&r, "a"), "b=c") == 0, "%s",
	       "renames: split at the first '=', as objcopy does");
	result(renames_add_arg(&r, "alpha=zeta") < 0 &&
	       renames_add_arg(&r, "eta=gamma") < 0, "%s", "renames: one renaming per name");
	make_elf(&elf);
	ok = elf_redefine(&elf, &r, "t.o") == 0;
	result(ok && strcmp(elf_name(&elf, 1), "gamma") == 0,
	       "%s", "elf_redefine: a named symbol is renamed");
	result(ok && strcmp(elf_name(&elf, 2), "beta") == 0,
	       "%s", "elf_redefine: a section symbol keeps its name");
	elf.data[4] = 1;  /* ELFCLASS32 */
	result(elf_redefine(&elf, &r, "t.o") < 0, "%s", "elf_redefine: ELF32 is refused");
	buf_release(&elf);
	renames_release(&r);
}

/* ar_write: the index lists each member's symbols at its offset, long
 * names go to "//", and ar_members reads back what was written. */
static void
test_archive(void)
{
	static const unsigned char one[] = "abc", two[] = "defg";
	const struct ar_entry e[] = {
		{"short.o", one, 3, "f\0g", 2},
		{"a-member-name-longer-than-15.o", two, 4, "h", 1},
	};
	struct buf out = BUF_INIT;
	struct ar_member *m;
	const char *why = ar_write(&out, e, 2);
	const unsigned char *d = (const unsigned char *)out.data;
	size_t n = 0;

	/* magic, "/" header and 4 + 3 * 4 + 6 bytes of index, "//" header and
	 * 32 bytes, the members with their headers, the first padded. */
	result(!why && out.len == 8 + 60 + 22 + 60 + 32 + 60 + 4 + 60 + 4 &&
	       memcmp(d + 8, "/               0", 17) == 0 &&
	       d[71] == 3 && d[75] == 182 && d[79] == 182 && d[83] == 246 &&
	       memcmp(d + 84, "f\0g\0h\0", 6) == 0 &&
	       memcmp(d + 90, "//                                              32", 50) == 0 &&
	       memcmp(d + 182, "short.o/        0           0     0     644     3         `\n", 60) == 0 &&
	       memcmp(d + 242, "abc\n/0              ", 20) == 0,
	       "%s", "ar_write: index, long names, padding");
	m = ar_members(d, out.len, &n, &why);
	result(m && n == 2 && strcmp(m[0].name, "short.o") == 0 && m[0].size == 3 &&
	       strcmp(m[1].name, "a-member-name-longer-than-15.o") == 0 &&
	       m[1].size == 4 && memcmp(m[1].data, "defg", 4) == 0,
	       "%s", "ar_write: ar_members reads back the members");
	ar_members_release(m, n);
	buf_release(&out);
	/* No symbol: an empty index all the same (GNU ld wants one), and a
	 * long-name table of odd length padded, the padding counted. */
	{
		const struct ar_entry f = {"seventeen-chars.o", one, 1, "", 0};

		why = ar_write(&out, &f, 1);
		d = (const unsigned char *)out.data;
		result(!why && out.len == 8 + 60 + 4 + 60 + 20 + 60 + 2 &&
		       memcmp(d + 8, "/ ", 2) == 0 && memcmp(d + 56, "4 ", 2) == 0 &&
		       memcmp(d + 72, "//", 2) == 0 && memcmp(d + 120, "20 ", 3) == 0 &&
		       memcmp(d + 132 + 18, "\n\n", 2) == 0,
		       "%s", "ar_write: an empty index, odd long names padded");
		buf_release(&out);
	}
}

int
main(void)
{
	test_versions();
	test_targets();
	test_bitcode();
	test_link_parse();
	test_features();
	test_strmap();
	test_symlist();
	test_json();
	test_diff();
	test_report();
	test_args();
	test_renames();
	test_archive();
	return failures != 0;
}
