"""gen.py: one random program for the differential tester (run.py).

A program is C helpers (helpers.c), a Rust crate that calls each of them
with values it makes from a seed and folds every result into a checksum,
and, for a library crate, a C main (main.c) that prints the checksums; a
binary crate prints them itself.  Helper signatures are drawn from what
the psABI passes in different ways: integers of every width, bool,
float, double, pointers, __int128, _Complex, and structs of them (with
arrays and a nested struct).  Each helper is of a kind; the kinds that
must stay calls say which reason the report must give:

    plain, table, leaktable, alias      inlined
    weak        "weak"                  the linker may replace it
    recursive   "recursion"
    static      "static variable"       a mutable static
    noinline    "noinline"
    mismatch    "Rust calls it as"      Rust declares a double for a uint64_t
    ifunc       "ifunc"

Everything is deterministic in the seed: the same seed, the same files.
No undefined behaviour on either side: unsigned arithmetic in C, wrapping
arithmetic in Rust, no float-to-integer conversion, -ffp-contract=off.
"""
import random

# (C type, Rust type, class, bits)
SCALARS = [
    ("int8_t", "i8", "int", 8), ("uint8_t", "u8", "int", 8),
    ("int16_t", "i16", "int", 16), ("uint16_t", "u16", "int", 16),
    ("int32_t", "i32", "int", 32), ("uint32_t", "u32", "int", 32),
    ("int64_t", "i64", "int", 64), ("uint64_t", "u64", "int", 64),
    ("float", "f32", "float", 32), ("double", "f64", "float", 64),
    ("_Bool", "bool", "bool", 8),
]

STAY = {
    "weak": "weak", "recursive": "recursion", "static": "static variable",
    "noinline": "noinline", "mismatch": "Rust calls it as", "ifunc": "ifunc",
}
KINDS = [("plain", 40), ("table", 6), ("leaktable", 4), ("alias", 4),
         ("weak", 2), ("recursive", 2), ("static", 2), ("noinline", 2),
         ("mismatch", 1), ("ifunc", 1)]


class Type:
    """A C type and its Rust twin: kind is scalar, ptr, i128, complex,
    struct or array."""

    def __init__(self, kind, c, rust, fields=None, elem=None, n=0, cls=None):
        self.kind, self.c, self.rust = kind, c, rust
        self.fields, self.elem, self.n, self.cls = fields or [], elem, n, cls


class Program:
    def __init__(self, seed, settings):
        self.r = random.Random(seed)
        self.seed = seed
        self.s = settings
        self.structs = []          # (name, [(field, Type)])
        self.helpers = []          # dicts: name, kind, params, ret
        self.k = 0                 # the next mixing constant

    # --- types ---

    def scalar(self):
        c, rust, cls, _ = self.r.choice(SCALARS)
        return Type("scalar", c, rust, cls=cls)

    def struct(self, depth=0):
        name = "S%d" % len(self.structs)
        slot = len(self.structs)
        self.structs.append((name, None))
        fields = []
        for i in range(self.r.randint(1, 5)):
            roll = self.r.random()
            if roll < 0.12 and depth == 0:
                t = self.struct(depth + 1)
            elif roll < 0.24:
                e = self.scalar()
                n = self.r.randint(1, 4)
                t = Type("array", "%s [%d]" % (e.c, n), "[%s; %d]" % (e.rust, n),
                         elem=e, n=n)
            elif roll < 0.30:
                t = Type("ptr", "const uint8_t *", "*const u8")
            else:
                t = self.scalar()
            fields.append(("f%d" % i, t))
        self.structs[slot] = (name, fields)
        return Type("struct", "struct %s" % name, name, fields=fields)

    def value_type(self, allow_ptr=True):
        roll = self.r.random()
        if roll < 0.40:
            return self.scalar()
        if roll < 0.50 and allow_ptr:
            return Type("ptr", "const uint8_t *", "*const u8")
        if roll < 0.56:
            signed = self.r.random() < 0.5
            return Type("i128", "__int128" if signed else "unsigned __int128",
                        "i128" if signed else "u128")
        if roll < 0.62:
            f = self.r.choice([("float", "f32"), ("double", "f64")])
            return Type("complex", "_Complex " + f[0], "C" + f[1],
                        elem=Type("scalar", f[0], f[1], cls="float"))
        return self.struct()

    # --- helpers ---

    def add_helper(self, i):
        kinds, weights = zip(*KINDS)
        kind = self.r.choices(kinds, weights)[0]
        if kind == "ifunc" and self.s["cm"] == "large" and self.s["reloc"] == "pic":
            kind = "plain"  # ld has no GOT64 relocation of an ifunc
        name = "rust_helper_dt%d" % i
        if kind == "recursive":
            params = [Type("scalar", "uint32_t", "u32", cls="int")]
            ret = Type("scalar", "uint64_t", "u64", cls="int")
        elif kind == "mismatch":
            params = [Type("scalar", "uint64_t", "u64", cls="int")]
            ret = Type("scalar", "uint64_t", "u64", cls="int")
        else:
            params = [self.value_type() for _ in range(self.r.randint(0, 8))]
            ret = self.value_type(allow_ptr=True) if self.r.random() < 0.9 else None
        self.helpers.append({"name": name, "kind": kind, "params": params,
                             "ret": ret, "loop": self.r.random() < 0.25})

    def generate(self):
        for i in range(self.r.randint(3, 9)):
            self.add_helper(i)
        return {"helpers.c": self.c_file(), "crate.rs": self.rust_file(),
                "main.c": self.main_file()}

    def expected(self):
        """name -> the reason it must stay a call with, or None."""
        return {h["name"]: STAY.get(h["kind"]) for h in self.helpers}

    def konst(self):
        self.k += 1
        return "0x%016xULL" % (self.r.getrandbits(64) | 1)

    # --- C ---

    def c_fold(self, expr, t, out):
        """C statements folding the value expr of type t into h."""
        if t.kind == "scalar" and t.cls == "float":
            out.append("\th = dt_mix(h, dt_bits((double)(%s) * 1.5 + 0.25));" % expr)
        elif t.kind == "scalar":
            out.append("\th = dt_mix(h, (uint64_t)(%s));" % expr)
        elif t.kind == "ptr":
            out.append("\th = dt_mix(h, *(%s));" % expr)
        elif t.kind == "i128":
            out.append("\th = dt_mix(h, (uint64_t)(%s));" % expr)
            out.append("\th = dt_mix(h, (uint64_t)((%s) >> 64));" % expr)
        elif t.kind == "complex":
            out.append("\th = dt_mix(h, dt_bits(__real__ (%s)));" % expr)
            out.append("\th = dt_mix(h, dt_bits(__imag__ (%s)));" % expr)
        elif t.kind == "array":
            for i in range(t.n):
                self.c_fold("(%s)[%d]" % (expr, i), t.elem, out)
        else:
            for f, ft in t.fields:
                self.c_fold("(%s).%s" % (expr, f), ft, out)

    def c_make(self, t, seed, target, out, ptr):
        """C statements setting target (of type t) from seed."""
        k = self.konst()
        if t.kind == "scalar" and t.cls == "float":
            out.append("\t%s = (%s)((double)(dt_mix(%s, %s) %% 100003) / 7.0);"
                       % (target, t.c, seed, k))
        elif t.kind == "scalar" and t.cls == "bool":
            out.append("\t%s = dt_mix(%s, %s) & 1;" % (target, seed, k))
        elif t.kind == "scalar":
            out.append("\t%s = (%s)dt_mix(%s, %s);" % (target, t.c, seed, k))
        elif t.kind == "ptr":
            out.append("\t%s = %s + dt_mix(%s, %s) %% 4;" % (target, ptr, seed, k))
        elif t.kind == "i128":
            out.append("\t%s = (%s)(((unsigned __int128)dt_mix(%s, %s) << 64) | "
                       "dt_mix(%s, %s));" % (target, t.c, seed, k, seed, self.konst()))
        elif t.kind == "complex":
            out.append("\t__real__ %s = (%s)((double)(dt_mix(%s, %s) %% 1009) / 3.0);"
                       % (target, t.elem.c, seed, k))
            out.append("\t__imag__ %s = (%s)((double)(dt_mix(%s, %s) %% 1013) / 5.0);"
                       % (target, t.elem.c, seed, self.konst()))
        elif t.kind == "array":
            for i in range(t.n):
                self.c_make(t.elem, seed, "%s[%d]" % (target, i), out, ptr)
        else:
            for f, ft in t.fields:
                self.c_make(ft, seed, "%s.%s" % (target, f), out, ptr)

    def c_proto(self, h, name):
        ret = h["ret"].c if h["ret"] else "void"
        params = ", ".join("%s a%d" % (self.c_decl(t), i)
                           for i, t in enumerate(h["params"])) or "void"
        return "%s\n%s(%s)" % (ret, name, params)

    @staticmethod
    def c_decl(t):
        return t.c

    def c_body(self, h, out):
        out.append("{")
        out.append("\tuint64_t h = %s;" % self.konst())
        if h["ret"]:
            out.append("\t%s r;" % h["ret"].c)
        ptrs = ["a%d" % i for i, t in enumerate(h["params"]) if t.kind == "ptr"]
        for i, t in enumerate(h["params"]):
            self.c_fold("a%d" % i, t, out)
        if h["kind"] in ("table", "leaktable"):
            tab = "dt_tab%s" % h["name"][len("rust_helper_dt"):]
            out.append("\th = dt_mix(h, %s[h & 15]);" % tab)
            if h["kind"] == "leaktable":
                out.append("\th = dt_mix(h, *%s_at((unsigned)h));" % tab)
        if h["kind"] == "static":
            out.append("\tcalls_%s++;" % h["name"])
            out.append("\th = dt_mix(h, calls_%s);" % h["name"])
        if h["ret"]:
            self.c_make(h["ret"], "h", "r", out, ptrs[0] if ptrs else "dt_bytes")
            out.append("\treturn r;")
        out.append("}")

    def c_file(self):
        out = ["/* helpers.c: generated by tests/difftest/gen.py, seed %d. */" % self.seed,
               "#include <stdint.h>", "#include <string.h>", "",
               "const uint8_t dt_bytes[64] = {%s};" %
               ", ".join(str(self.r.randrange(256)) for _ in range(64)), "",
               "static inline uint64_t", "dt_mix(uint64_t h, uint64_t v)", "{",
               "\th ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);",
               "\treturn h * 0xff51afd7ed558ccdULL;", "}", "",
               "static inline uint64_t", "dt_bits(double d)", "{",
               "\tuint64_t u;", "", "\tmemcpy(&u, &d, sizeof(u));", "\treturn u;", "}", ""]
        # A nested struct is made while its parent is: it comes later in
        # the list, and must come first in C.
        for name, fields in reversed(self.structs):
            out.append("struct %s {" % name)
            for f, t in fields:
                if t.kind == "array":
                    out.append("\t%s %s[%d];" % (t.elem.c, f, t.n))
                else:
                    out.append("\t%s %s;" % (t.c, f))
            out.append("};")
        out.append("")
        for h in self.helpers:
            name, kind = h["name"], h["kind"]
            n = name[len("rust_helper_dt"):]
            if kind in ("table", "leaktable"):
                out.append("static const uint32_t dt_tab%s[16] = {%s};" %
                           (n, ", ".join(str(self.r.getrandbits(32)) for _ in range(16))))
            if kind == "leaktable":
                out += ["__attribute__((noinline)) const uint32_t *",
                        "dt_tab%s_at(unsigned k)" % n, "{",
                        "\treturn &dt_tab%s[k & 15];" % n, "}"]
            if kind == "static":
                out.append("static uint64_t calls_%s;" % name)
            if kind == "recursive":
                out += ["uint64_t", "%s(uint32_t n)" % name, "{",
                        "\treturn n < 2 ? n : %s(n - 1) + %s(n - 2);" % (name, name),
                        "}", ""]
                continue
            if kind == "mismatch":
                out += ["uint64_t", "%s(uint64_t x)" % name, "{",
                        "\treturn x ^ %s;" % self.konst(), "}", ""]
                continue
            attr = {"weak": "__attribute__((weak)) ", "noinline": "__attribute__((noinline)) "}
            if kind in ("alias", "ifunc"):
                out.append("static " + self.c_proto(h, "dt_impl" + n))
            else:
                out.append(attr.get(kind, "") + self.c_proto(h, name))
            self.c_body(h, out)
            if kind == "alias":
                out.append("%s __attribute__((alias(\"dt_impl%s\")));" %
                           (self.c_proto(h, name).replace("\n", " "), n))
            if kind == "ifunc":
                ret = h["ret"].c if h["ret"] else "void"
                params = ", ".join(self.c_decl(t) for t in h["params"]) or "void"
                out += ["static %s (*dt_resolve%s(void))(%s)" % (ret, n, params),
                        "{", "\treturn dt_impl%s;" % n, "}",
                        "%s __attribute__((ifunc(\"dt_resolve%s\")));" %
                        (self.c_proto(h, name).replace("\n", " "), n)]
            out.append("")
        return "\n".join(out) + "\n"

    # --- Rust ---

    def r_make(self, t, seed):
        """A Rust expression of type t from the u64 expression seed."""
        k = self.konst().replace("ULL", "u64")
        m = "dt_mix(%s, %s)" % (seed, k)
        if t.kind == "scalar" and t.cls == "float":
            return "((%s %% 100003) as f64 / 9.0) as %s" % (m, t.rust)
        if t.kind == "scalar" and t.cls == "bool":
            return "(%s & 1 == 1)" % m
        if t.kind == "scalar":
            return "(%s as %s)" % (m, t.rust)
        if t.kind == "ptr":
            return "unsafe { DT_BYTES.as_ptr().add((%s %% 32) as usize) }" % m
        if t.kind == "i128":
            return "(((%s as u128) << 64) | %s as u128) as %s" % (
                m, "dt_mix(%s, 7)" % m, t.rust)
        if t.kind == "complex":
            return "%s { re: ((%s %% 1009) as f64 / 3.0) as %s, im: ((%s %% 997) as f64 / 4.0) as %s }" % (
                t.rust, m, t.elem.rust, m, t.elem.rust)
        if t.kind == "array":
            return "[%s]" % ", ".join(self.r_make(t.elem, "%s ^ %d" % (seed, i))
                                      for i in range(t.n))
        return "%s { %s }" % (t.rust, ", ".join(
            "%s: %s" % (f, self.r_make(ft, "%s ^ %d" % (seed, i)))
            for i, (f, ft) in enumerate(t.fields)))

    def r_fold(self, expr, t, out, ind):
        if t.kind == "scalar" and t.cls == "float":
            out.append("%sh = dt_mix(h, (%s).to_bits() as u64);" % (ind, expr))
        elif t.kind == "scalar":
            out.append("%sh = dt_mix(h, (%s) as u64);" % (ind, expr))
        elif t.kind == "ptr":
            out.append("%sh = dt_mix(h, unsafe { *(%s) } as u64);" % (ind, expr))
        elif t.kind == "i128":
            out.append("%sh = dt_mix(h, (%s) as u64);" % (ind, expr))
            out.append("%sh = dt_mix(h, ((%s) >> 64) as u64);" % (ind, expr))
        elif t.kind == "complex":
            self.r_fold("(%s).re" % expr, t.elem, out, ind)
            self.r_fold("(%s).im" % expr, t.elem, out, ind)
        elif t.kind == "array":
            for i in range(t.n):
                self.r_fold("(%s)[%d]" % (expr, i), t.elem, out, ind)
        else:
            for f, ft in t.fields:
                self.r_fold("(%s).%s" % (expr, f), ft, out, ind)

    def rust_file(self):
        s = self.s
        std = s["mode"] == "bin"
        abi = '"C-unwind"' if s["panic"] == "unwind" else '"C"'
        out = ["//! crate.rs: generated by tests/difftest/gen.py, seed %d." % self.seed]
        if not std:
            out.append("#![no_std]")
        out += ["#![allow(non_camel_case_types, dead_code, unused_mut)]", ""]
        for name, fields in self.structs:
            out.append("#[repr(C)]\n#[derive(Clone, Copy)]\npub struct %s { %s }" % (
                name, ", ".join("pub %s: %s" % (f, t.rust) for f, t in fields)))
        out.append("#[repr(C)]\n#[derive(Clone, Copy)]\npub struct Cf32 { pub re: f32, pub im: f32 }")
        out.append("#[repr(C)]\n#[derive(Clone, Copy)]\npub struct Cf64 { pub re: f64, pub im: f64 }")
        out.append("")
        out.append("unsafe extern %s {" % abi)
        for h in self.helpers:
            params = ", ".join("a%d: %s" % (i, "f64" if h["kind"] == "mismatch" else t.rust)
                               for i, t in enumerate(h["params"]))
            ret = " -> %s" % h["ret"].rust if h["ret"] else ""
            out.append("    fn %s(%s)%s;" % (h["name"], params, ret))
        out.append("}")
        out.append("unsafe extern \"C\" {\n    static dt_bytes: [u8; 64];\n}")
        out.append("")
        out.append("static DT_BYTES: [u8; 48] = [%s];" %
                   ", ".join(str(self.r.randrange(256)) for _ in range(48)))
        out += ["", "#[inline(never)]", "fn dt_mix(h: u64, v: u64) -> u64 {",
                "    let h = h ^ v.wrapping_add(0x9e3779b97f4a7c15).wrapping_add(h << 6).wrapping_add(h >> 2);",
                "    h.wrapping_mul(0xff51afd7ed558ccd)", "}", ""]
        if s["panic"] == "unwind":
            out += ["static DROPS: core::sync::atomic::AtomicU64 = core::sync::atomic::AtomicU64::new(0);",
                    "struct Guard(u64);", "impl Drop for Guard {",
                    "    fn drop(&mut self) {",
                    "        DROPS.fetch_add(self.0, core::sync::atomic::Ordering::Relaxed);",
                    "    }", "}", ""]
        out.append("#[unsafe(no_mangle)]" if not std else "#[inline(never)]")
        out.append("pub extern \"C\" fn dt_run(s: u64) -> u64 {")
        out.append("    let mut h = s;")
        for i, h in enumerate(self.helpers):
            args = []
            body = []
            ind = "        "
            for j, t in enumerate(h["params"]):
                if h["kind"] == "recursive":
                    args.append("(dt_mix(s, %d) %% 14) as u32" % i)
                elif h["kind"] == "mismatch":
                    args.append("(dt_mix(s, %d) %% 1000) as f64" % i)
                else:
                    args.append(self.r_make(t, "s ^ %d ^ k" % (i * 16 + j)))
            call = "unsafe { %s(%s) }" % (h["name"], ", ".join(args))
            # A while loop: a Range would bring core's code into a crate
            # that C links without core.
            body.append("    let mut k = 0u64;")
            body.append("    while k < %d {" % (3 if h["loop"] else 1))
            if s["panic"] == "unwind":
                body.append("%slet _g = Guard(k + %d);" % (ind, i))
            if h["ret"] and h["kind"] != "mismatch":
                body.append("%slet v = %s;" % (ind, call))
                self.r_fold("v", h["ret"], body, ind)
            else:
                body.append("%slet _ = %s;" % (ind, call))
                body.append("%sh = dt_mix(h, k);" % ind)
            body.append("%sk = k.wrapping_add(1);" % ind)
            body.append("    }")
            out += body
        out.append("    h = dt_mix(h, unsafe { dt_bytes[(s % 64) as usize] } as u64);"
                   if std else "    h = dt_mix(h, unsafe { *dt_bytes.as_ptr().add((s % 64) as usize) } as u64);")
        if s["panic"] == "unwind":
            out.append("    h = dt_mix(h, DROPS.load(core::sync::atomic::Ordering::Relaxed));")
        out.append("    h")
        out.append("}")
        if std:
            out += ["", "fn main() {",
                    "    for s in [1u64, 77, 4096, 0xdead_beef] {",
                    "        println!(\"{}\", dt_run(std::hint::black_box(s)));",
                    "    }", "}"]
        return "\n".join(out) + "\n"

    def main_file(self):
        return "\n".join([
            "/* main.c: generated by tests/difftest/gen.py. */",
            "#include <stdint.h>", "#include <stdio.h>", "",
            "uint64_t dt_run(uint64_t s);", "",
            "int", "main(void)", "{",
            "\tstatic const uint64_t seeds[] = {1, 77, 4096, 0xdeadbeef};",
            "\tunsigned i;", "",
            "\tfor (i = 0; i < 4; i++)",
            "\t\tprintf(\"%llu\\n\", (unsigned long long)dt_run(seeds[i]));",
            "\treturn 0;", "}", ""])


def settings(seed, clangs, arch="x86_64"):
    """The build settings of program seed, for arch (x86_64 or aarch64)."""
    r = random.Random(seed * 7919 + 1)
    s = {
        "clang": r.choice(clangs),
        "copt": r.choice(["-O2", "-O2", "-O1", "-O3", "-Os"]),
        "opt": r.choice(["0", "1", "2", "3", "s", "z"]),
        "cgu": r.choice([1, 1, 16]),
        "overflow": r.choice(["on", "off"]),
        "panic": r.choice(["abort", "abort", "unwind"]),
        "cpu": r.choice(["x86-64", "x86-64", "x86-64-v2", "x86-64-v3"]),
        "cm": r.choice(["small", "small", "medium", "large"]),
        "reloc": r.choice(["pic", "pic", "static"]),
    }
    s["mode"] = "bin" if s["cgu"] > 1 or s["panic"] == "unwind" or r.random() < 0.25 \
        else "lib"
    if arch == "aarch64":
        # A library crate only (there is no std for AArch64 here: run.py
        # builds core), so one codegen unit and panic=abort; AArch64 CPUs;
        # no medium code model, and the large one without PIC only.  The
        # x86-64 choices above stay as they were, seed for seed.
        s.update(mode="lib", cgu=1, panic="abort", arch=arch,
                 cpu=r.choice(["generic", "generic", "cortex-a72", "neoverse-n1"]))
        if s["cm"] == "medium" or (s["cm"] == "large" and s["reloc"] == "pic"):
            s["cm"] = "small"
    return s


def generate(seed, clangs, arch="x86_64"):
    s = settings(seed, clangs, arch)
    p = Program(seed, s)
    files = p.generate()
    return s, files, p.expected()
