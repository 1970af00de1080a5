/*
 * target_features.c: see target_features.h.
 *
 * A caller's features are those of its CPU, then its "target-features" in
 * order: "+f" adds f and what f implies, "-f" removes f and what implies f,
 * as LLVM's MCSubtargetInfo applies them.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "map.h"
#include "target.h"
#include "target_features.h"
#include "util.h"

/* What a feature implies, one level; the closure is taken at run time. */
struct implication {
	const char *feature, *implies;
};

/* llvm/lib/Target/X86/X86.td: the SubtargetFeature definitions. */
static const struct implication x86_implies[] = {
	{"sse2", "sse"}, {"sse3", "sse2"}, {"ssse3", "sse3"},
	{"sse4.1", "ssse3"}, {"sse4.2", "sse4.1"}, {"sse4a", "sse3"},
	{"avx", "sse4.2"}, {"avx2", "avx"}, {"fma", "avx"}, {"f16c", "avx"},
	{"fma4", "avx,sse4a"}, {"xop", "fma4"},
	{"avx512f", "avx2,f16c,fma"}, {"avx512bw", "avx512f"},
	{"avx512cd", "avx512f"}, {"avx512dq", "avx512f"}, {"avx512vl", "avx512f"},
	{"avx512ifma", "avx512f"}, {"avx512vbmi", "avx512bw"},
	{"avx512vbmi2", "avx512bw"}, {"avx512vnni", "avx512f"},
	{"avx512bitalg", "avx512bw"}, {"avx512vpopcntdq", "avx512f"},
	{"avx512bf16", "avx512bw"}, {"avx512fp16", "avx512bw"},
	{"avxvnni", "avx2"}, {"avxifma", "avx2"},
	{"aes", "sse2"}, {"pclmul", "sse2"}, {"sha", "sse2"}, {"gfni", "sse2"},
	{"vaes", "aes,avx2"}, {"vpclmulqdq", "avx,pclmul"},
	{"cx16", "cx8"}, {"xsaveopt", "xsave"}, {"xsavec", "xsave"},
	{"xsaves", "xsave"},
};

/* llvm/lib/Target/AArch64/AArch64Features.td. */
static const struct implication aarch64_implies[] = {
	{"neon", "fp-armv8"}, {"fullfp16", "fp-armv8"}, {"fp16fml", "fullfp16"},
	{"sve", "fullfp16,neon"}, {"sve2", "sve"}, {"aes", "neon"},
	{"sha2", "neon"}, {"sha3", "sha2"}, {"sm4", "neon"},
	{"crypto", "aes,sha2"}, {"dotprod", "neon"}, {"rdm", "neon"},
	{"i8mm", "neon"}, {"bf16", "neon"},
	{"v8.1a", "v8a,crc,lse,rdm"}, {"v8.2a", "v8.1a"}, {"v8.3a", "v8.2a"},
	{"v8.4a", "v8.3a,dotprod"}, {"v8.5a", "v8.4a"},
};

struct cpu {
	const char *arch, *name, *features;
};

/*
 * What a CPU implies.  x86-64: X86_64V1Features to X86_64V4Features in
 * X86.td's ProcessorFeatures, the psABI's levels; "generic" and no CPU are
 * level 1 on x86-64.  AArch64: the "generic" processor of
 * AArch64Processors.td, the Armv8.0-A profile with FP and AdvSIMD.
 */
#define X86_64_V1 "x87,cx8,cmov,mmx,sse2,fxsr,nopl,64bit"
#define X86_64_V2 X86_64_V1 ",cx16,sahf,crc32,popcnt,sse4.2"
#define X86_64_V3 X86_64_V2 ",avx2,bmi,bmi2,f16c,fma,lzcnt,movbe,xsave"
#define X86_64_V4 X86_64_V3 ",avx512f,avx512bw,avx512cd,avx512dq,avx512vl,evex512"
/* The ISA features of X86.td's NHMFeatures to ICXFeatures and ZNFeatures
 * to ZN3Features, for the CPUs rustc's -C target-cpu names most. */
#define WSM X86_64_V2 ",pclmul"
#define SNB WSM ",avx,xsave,xsaveopt"
#define IVB SNB ",rdrnd,f16c,fsgsbase"
#define HSW IVB ",avx2,bmi,bmi2,ermsb,fma,invpcid,lzcnt,movbe"
#define BDW HSW ",adx,rdseed,prfchw"
#define SKL BDW ",aes,xsavec,xsaves,clflushopt"
#define SKX SKL ",avx512f,avx512cd,avx512dq,avx512bw,avx512vl,evex512,pku,clwb"
#define ICL SKL ",avx512f,avx512cd,avx512dq,avx512bw,avx512vl,evex512,pku," \
	"avx512vbmi,avx512ifma,sha,avx512bitalg,vaes,avx512vbmi2,avx512vnni," \
	"vpclmulqdq,avx512vpopcntdq,gfni,rdpid,fsrm"
#define ZN "adx,aes,avx2,bmi,bmi2,clflushopt,clzero,cmov,64bit,cx16,crc32," \
	"f16c,fma,fsgsbase,fxsr,nopl,sahf,lzcnt,mmx,movbe,mwaitx,pclmul," \
	"popcnt,prfchw,rdrnd,rdseed,sha,sse4a,x87,xsave,xsavec,xsaveopt,xsaves"
#define ZN2 ZN ",clwb,rdpid,rdpru,wbnoinvd"
static const struct cpu cpus[] = {
	{"x86_64", "", X86_64_V1},
	{"x86_64", "generic", X86_64_V1},
	{"x86_64", "x86-64", X86_64_V1},
	{"x86_64", "x86-64-v2", X86_64_V2},
	{"x86_64", "x86-64-v3", X86_64_V3},
	{"x86_64", "x86-64-v4", X86_64_V4},
	{"x86_64", "nehalem", X86_64_V2}, {"x86_64", "corei7", X86_64_V2},
	{"x86_64", "westmere", WSM},
	{"x86_64", "sandybridge", SNB}, {"x86_64", "corei7-avx", SNB},
	{"x86_64", "ivybridge", IVB}, {"x86_64", "core-avx-i", IVB},
	{"x86_64", "haswell", HSW}, {"x86_64", "core-avx2", HSW},
	{"x86_64", "broadwell", BDW},
	{"x86_64", "skylake", SKL},
	{"x86_64", "skylake-avx512", SKX}, {"x86_64", "skx", SKX},
	{"x86_64", "cascadelake", SKX ",avx512vnni"},
	{"x86_64", "icelake-client", ICL},
	{"x86_64", "icelake-server", ICL ",pconfig,clwb,wbnoinvd"},
	{"x86_64", "znver1", ZN},
	{"x86_64", "znver2", ZN2},
	{"x86_64", "znver3", ZN2 ",fsrm,invpcid,pku,vaes,vpclmulqdq"},
	{"aarch64", "", "v8a,fp-armv8,neon"},
	{"aarch64", "generic", "v8a,fp-armv8,neon"},
};

struct arch {
	const struct implication *implies;
	size_t n;
};

static int
arch_of(const char *triple, struct arch *a, char *family, size_t size)
{
	target_arch_family(triple, family, size);
	if (strcmp(family, "x86_64") == 0) {
		a->implies = x86_implies;
		a->n = LEN(x86_implies);
		return 0;
	}
	if (strcmp(family, "aarch64") == 0) {
		a->implies = aarch64_implies;
		a->n = LEN(aarch64_implies);
		return 0;
	}
	return -1;
}

static const char *
cpu_features(const char *family, const char *cpu)
{
	size_t i;

	for (i = 0; i < LEN(cpus); i++)
		if (strcmp(cpus[i].arch, family) == 0 && strcmp(cpus[i].name, cpu) == 0)
			return cpus[i].features;
	return NULL;
}

/* Call fn for each item of a comma-separated list. */
static void
each_item(const char *list, void (*fn)(const char *item, size_t len, void *arg),
          void *arg)
{
	while (list && *list) {
		size_t n = strcspn(list, ",");

		if (n > 0)
			fn(list, n, arg);
		list += n;
		if (*list == ',')
			list++;
	}
}

struct set {
	struct strmap m;      /* feature -> non-NULL when present */
	const struct arch *a;
};

static void add(struct set *s, const char *f);

static void
add_item(const char *item, size_t len, void *arg)
{
	char *f = xstrndup(item, len);

	add(arg, f);
	free(f);
}

/* Add f and everything it implies. */
static void
add(struct set *s, const char *f)
{
	size_t i;

	if (strmap_get(&s->m, f))
		return;
	strmap_put(&s->m, f, (void *)1);
	for (i = 0; i < s->a->n; i++)
		if (strcmp(s->a->implies[i].feature, f) == 0)
			each_item(s->a->implies[i].implies, add_item, s);
}

struct implies_query {
	const struct arch *a;
	const char *target;
	int found, depth;
};

static int implies(const struct arch *a, const char *g, const char *f, int depth);

static void
implies_item(const char *item, size_t len, void *arg)
{
	struct implies_query *q = arg;
	char *g = xstrndup(item, len);

	if (!q->found)
		q->found = implies(q->a, g, q->target, q->depth + 1);
	free(g);
}

/* Whether g is f or implies it. */
static int
implies(const struct arch *a, const char *g, const char *f, int depth)
{
	struct implies_query q = {a, f, 0, depth};
	size_t i;

	if (strcmp(g, f) == 0)
		return 1;
	if (depth > 16)
		return 0;
	for (i = 0; i < a->n && !q.found; i++)
		if (strcmp(a->implies[i].feature, g) == 0)
			each_item(a->implies[i].implies, implies_item, &q);
	return q.found;
}

/* Remove f and everything that implies f. */
static void
remove_feature(struct set *s, const char *f)
{
	size_t i;

	for (i = 0; i < s->m.cap; i++)
		if (s->m.e[i].key && s->m.e[i].val &&
		    implies(s->a, s->m.e[i].key, f, 0))
			s->m.e[i].val = NULL;
}

/* Apply a "target-features" string to a set, in order. */
static void
apply_item(const char *item, size_t len, void *arg)
{
	char *f = xstrndup(item + 1, len - 1);

	if (*item == '+')
		add(arg, f);
	else if (*item == '-')
		remove_feature(arg, f);
	free(f);
}

struct check {
	struct set *caller;
	int same_unknown_cpu;
	struct buf *missing;
};

/*
 * Features that choose how code is generated, not what the CPU can run: a
 * caller without them compiles the inlined code its own way.  Atomics
 * become LL/SC (or LSE) instead of calls of __aarch64_ldadd4_acq_rel and
 * the like; indirect branches go without retpolines or SLS hardening when
 * the caller's own do; a reserved register is the caller's to reserve.
 */
static int
codegen_only(const char *f)
{
	static const char *const names[] = {
		"outline-atomics", "harden-sls-retbr", "harden-sls-blr",
		"harden-sls-nocomdat", "retpoline-indirect-calls",
		"retpoline-indirect-branches", "retpoline-external-thunk",
		"lvi-cfi", "lvi-load-hardening", "seses", "harden-sls-ret",
		"harden-sls-ijmp",
	};

	return strlist_has(names, LEN(names), f) || startswith(f, "reserve-");
}

static void
check_item(const char *item, size_t len, void *arg)
{
	struct check *c = arg;
	char *f;

	if (*item != '+' || c->same_unknown_cpu)
		return;
	f = xstrndup(item + 1, len - 1);
	if (!codegen_only(f) && !strmap_get(&c->caller->m, f))
		buf_addf(c->missing, "%s+%s", c->missing->len ? "," : "", f);
	free(f);
}

/* Whether a feature list enables anything. */
static int
enables_any(const char *features)
{
	return features && (*features == '+' || strstr(features, ",+"));
}

int
features_compatible(const char *triple, const char *caller_cpu,
                    const char *caller_features, const char *helper_cpu,
                    const char *helper_features, struct buf *missing)
{
	struct set caller = {STRMAP_INIT, NULL};
	struct check c = {&caller, 0, missing};
	const char *baseline;
	char family[32];
	struct arch a;

	buf_reset(missing);
	if (!enables_any(helper_features))
		return 1;
	if (arch_of(triple, &a, family, sizeof(family)) < 0)
		return -1;
	caller.a = &a;
	baseline = cpu_features(family, caller_cpu ? caller_cpu : "");
	if (!baseline) {
		/* A CPU without a table: only the same CPU is known to match. */
		if (!helper_cpu || strcmp(caller_cpu, helper_cpu) != 0)
			return -1;
		c.same_unknown_cpu = 1;
	}
	each_item(baseline, add_item, &caller);
	each_item(caller_features, apply_item, &caller);
	each_item(helper_features, check_item, &c);
	strmap_release(&caller.m);
	return missing->len == 0;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
features_of_cpu(const char *triple, const char *cpu, struct buf *out)
{
	struct set s = {STRMAP_INIT, NULL};
	const char *baseline;
	char family[32], **names;
	struct arch a;
	size_t i, n = 0;

	if (arch_of(triple, &a, family, sizeof(family)) < 0 ||
	    !(baseline = cpu_features(family, cpu)))
		return -1;
	s.a = &a;
	each_item(baseline, add_item, &s);
	names = xcalloc(s.m.n, sizeof(*names));
	for (i = 0; i < s.m.cap; i++)
		if (s.m.e[i].key && s.m.e[i].val)
			names[n++] = s.m.e[i].key;
	qsort(names, n, sizeof(*names), cmpstr);
	buf_reset(out);
	for (i = 0; i < n; i++)
		buf_addf(out, "%s+%s", i ? "," : "", names[i]);
	free(names);
	strmap_release(&s.m);
	return 0;
}

/*
 * The features each group of target intrinsics needs, by name prefix,
 * longest first where one prefix starts another; from LLVM 22's
 * IntrinsicsX86.td and IntrinsicsAArch64.td and the instructions each
 * selects.  "" needs nothing beyond the baseline.
 */
static const struct implication x86_intrinsics[] = {
	{"llvm.x86.sse42.crc32.", "crc32"}, {"llvm.x86.sse42.", "sse4.2"},
	{"llvm.x86.sse41.", "sse4.1"}, {"llvm.x86.sse4a.", "sse4a"},
	{"llvm.x86.ssse3.", "ssse3"}, {"llvm.x86.sse3.", "sse3"},
	{"llvm.x86.sse2.", "sse2"}, {"llvm.x86.sse.", "sse"},
	{"llvm.x86.avx2.", "avx2"}, {"llvm.x86.avx.", "avx"},
	{"llvm.x86.fma.", "fma"}, {"llvm.x86.aesni.", "aes"},
	{"llvm.x86.pclmulqdq", "pclmul"}, {"llvm.x86.vcvtph2ps.", "f16c"},
	{"llvm.x86.vcvtps2ph.", "f16c"}, {"llvm.x86.bmi.bextr.", "bmi"},
	{"llvm.x86.bmi.", "bmi2"}, {"llvm.x86.sha1", "sha"},
	{"llvm.x86.sha256", "sha"}, {"llvm.x86.rdrand.", "rdrnd"},
	{"llvm.x86.rdseed.", "rdseed"}, {"llvm.x86.xgetbv", "xsave"},
	{"llvm.x86.xsetbv", "xsave"}, {"llvm.x86.xsaveopt", "xsaveopt"},
	{"llvm.x86.xsavec", "xsavec"}, {"llvm.x86.xsaves", "xsaves"},
	{"llvm.x86.xrstors", "xsaves"}, {"llvm.x86.xsave", "xsave"},
	{"llvm.x86.xrstor", "xsave"}, {"llvm.x86.mmx.", "mmx"},
	{"llvm.x86.rdtsc", ""},
	{"llvm.x86.rdpmc", ""}, {"llvm.x86.flags.", ""},
	{"llvm.x86.int", ""}, {"llvm.x86.cpuid", ""},
};

static const struct implication aarch64_intrinsics[] = {
	{"llvm.aarch64.crypto.sha512", "sha3"}, {"llvm.aarch64.crypto.eor3", "sha3"},
	{"llvm.aarch64.crypto.rax1", "sha3"}, {"llvm.aarch64.crypto.xar", "sha3"},
	{"llvm.aarch64.crypto.bcax", "sha3"}, {"llvm.aarch64.crypto.sm", "sm4"},
	{"llvm.aarch64.crypto.sha", "sha2"}, {"llvm.aarch64.crypto.aes", "aes"},
	{"llvm.aarch64.crc32", "crc"}, {"llvm.aarch64.neon.", "neon"},
	{"llvm.aarch64.ldxr", ""}, {"llvm.aarch64.ldaxr", ""},
	{"llvm.aarch64.stxr", ""}, {"llvm.aarch64.stlxr", ""},
	{"llvm.aarch64.clrex", ""}, {"llvm.aarch64.hint", ""},
	{"llvm.aarch64.dmb", ""}, {"llvm.aarch64.dsb", ""},
	{"llvm.aarch64.isb", ""}, {"llvm.aarch64.get.fpcr", ""},
	{"llvm.aarch64.set.fpcr", ""}, {"llvm.aarch64.space", ""},
};

const char *
features_of_intrinsic(const char *triple, const char *name)
{
	const struct implication *t;
	char family[32];
	size_t i, n;

	target_arch_family(triple, family, sizeof(family));
	if (strcmp(family, "x86_64") == 0) {
		t = x86_intrinsics;
		n = LEN(x86_intrinsics);
	} else if (strcmp(family, "aarch64") == 0) {
		t = aarch64_intrinsics;
		n = LEN(aarch64_intrinsics);
	} else {
		return NULL;
	}
	if (!startswith(name, "llvm.x86.") && !startswith(name, "llvm.aarch64."))
		return "";
	for (i = 0; i < n; i++)
		if (startswith(name, t[i].feature))
			return t[i].implies;
	return NULL;
}
