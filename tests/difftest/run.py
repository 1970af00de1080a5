#!/usr/bin/env python3
"""run.py: the differential tester ("make difftest").

    run.py [--count N] [--first SEED] [--jobs J] [--helperlink PATH]
           [--out DIR] [--keep] [--arch aarch64]

For each seed, gen.py writes a program; it is built twice with the real
clang and rustc, plain (rustc's own object, the helpers' native object,
from the clang of rustc's LLVM: see native_clang())
and through helperlink (a library crate: "helperlink link" on its bitcode,
then the same C main; a binary crate: rustc with -C linker-plugin-lto and
-C linker=helperlink-cc, the helpers in a static archive of bitcode), and
both programs run.  Checked for each:

- the outputs are the same (else a miscompile);
- every helper still called is one the generator made to stay, with the
  reason it made it for ("weak", "recursion", ...), and every other helper
  is inlined (else an unexplained call);
- what "helperlink report" says is called is what objdump finds
  (scripts/refs) in the objects helperlink wrote (else a report that
  misses a call, or invents one).

With --arch aarch64 the programs are library crates built for
aarch64-unknown-linux-gnu by Debian's rustc (/usr/bin/rustc, against a
core built by tests/tools/a64-core), the helpers by clang
--target=aarch64-linux-gnu, main.c and the link by aarch64-linux-gnu-gcc;
they run under qemu-aarch64, and objdump is aarch64-linux-gnu-objdump.

out/summary.md gets the settings, the counts and the calls left by
reason; out/failures/SEED/ keeps every program that failed.  Exits 1 when
any program failed, 2 on bad usage.
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


# What differs for --arch aarch64 (set by main()).
A64 = {"target": [], "cc": "cc", "run": [], "env": None}


def sh(cmd, cwd, env=None, timeout=300):
    """Run cmd (a list); (status, output)."""
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return -1, "timed out: %s" % " ".join(cmd)


class Failure(Exception):
    def __init__(self, kind, detail):
        Exception.__init__(self, detail)
        self.kind, self.detail = kind, detail


def must(step, cmd, cwd, env=None):
    st, out = sh(cmd, cwd, env)
    if st != 0:
        raise Failure("build", "%s failed (%s): %s\n%s" % (step, st, " ".join(cmd), out))
    return out


def native_clang(rustc, clangs):
    """The clang whose LLVM is rustc's, for the native objects of both
    builds: a clang of another LLVM may pass some arguments otherwise
    than rustc's LLVM (clang 19's objects and rustc 1.95's disagree on
    some __int128 and struct arguments, gcc's agree with clang 22's), and
    the plain program would be wrong on its own."""
    st, out = sh([rustc, "-vV"], ".")
    major = [l.split()[-1].split(".")[0] for l in out.splitlines()
             if l.startswith("LLVM version")]
    for c in clangs:
        st, v = sh([c, "--version"], ".")
        if major and ("clang version %s." % major[0]) in v:
            return c
    return clangs[-1]


def rust_flags(s):
    return ["-C", "opt-level=" + s["opt"], "-C", "codegen-units=%d" % s["cgu"],
            "-C", "overflow-checks=" + s["overflow"], "-C", "debug-assertions=off",
            "-C", "panic=" + s["panic"], "-C", "target-cpu=" + s["cpu"],
            "-C", "code-model=" + s["cm"],
            "-C", "relocation-model=" + ("pic" if s["reloc"] == "pic" else "static")]


def c_flags(s):
    target = ["--target=aarch64-linux-gnu", "-ffreestanding"] if A64["target"] else []
    return target + [s["copt"], "-ffp-contract=off",
                     "-fPIC" if s["reloc"] == "pic" else "-fno-pic"]


def refs(sym, obj, d):
    st, out = sh([os.path.join(TOP, "scripts", "refs"), sym, obj], d, A64["env"])
    return int(out.strip() or 0) if st == 0 else 0


def build_lib(d, s, args):
    """A library crate and a C main: plain, and through helperlink link."""
    cc, hl, rustc = s["clang"], args.helperlink, args.rustc
    link = [] if s["reloc"] == "pic" else ["-no-pie"]
    must("clang -emit-llvm", [cc] + c_flags(s) + ["-c", "-emit-llvm", "helpers.c", "-o", "h.bc"], d)
    must("clang", [args.native] + c_flags(s) + ["-c", "helpers.c", "-o", "h.o"], d)
    must("cc main.c", [A64["cc"], "-O2", "-c", "main.c", "-o", "main.o"], d)
    must("rustc", [rustc, "--edition=2021", "--crate-type=lib"] + A64["target"] +
         rust_flags(s) + ["--emit=llvm-bc=crate.bc,obj=crate.o", "crate.rs"], d, A64["env"])
    must("link plain", [A64["cc"], "main.o", "crate.o", "h.o", "-o", "plain"] + link, d)
    must("helperlink link", [hl, "link", "crate.bc", "--helpers", "h.bc", "-o", "crate-hl.o"], d)
    must("link hl", [A64["cc"], "main.o", "crate-hl.o", "h.o", "-o", "prog"] + link, d)
    return ["crate-hl.o"], "crate-hl.o"


def build_bin(d, s, args):
    """A binary crate: plain, and through helperlink-cc."""
    cc, hl, rustc = s["clang"], args.helperlink, args.rustc
    must("clang -emit-llvm", [cc] + c_flags(s) + ["-c", "-emit-llvm", "helpers.c", "-o", "h.bc"], d)
    must("clang -flto=thin", [cc] + c_flags(s) + ["-flto=thin", "-c", "helpers.c", "-o", "h-lto.o"], d)
    must("clang", [args.native] + c_flags(s) + ["-c", "helpers.c", "-o", "h.o"], d)
    for sub, obj in (("lto", "h-lto.o"), ("native", "h.o")):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
        must("ar", ["ar", "rcs", os.path.join(sub, "libdth.a"), obj], d)
    base = [rustc, "--edition=2021"] + rust_flags(s) + ["crate.rs", "-l", "static=dth"]
    must("rustc plain", base + ["-L", "native", "-o", "plain"], d)
    env = dict(os.environ, HELPERLINK_CACHE=os.path.join(d, "cache"))
    must("rustc through helperlink-cc", base + [
        "-L", "lto", "-C", "linker-plugin-lto", "-C", "linker=" + hl + "-cc",
        "-o", "prog"], d, env)
    objs = []
    for root, _, files in os.walk(os.path.join(d, "cache")):
        objs += [os.path.join(root, f) for f in files if f.endswith(".o")]
    return sorted(objs), "prog"


def report_calls(hl, d, target):
    """helper -> (calls left, reason), from helperlink report --format=json."""
    st, out = sh([hl, "report", target, "--helpers", "h.bc", "--format=json"], d)
    if st != 0:
        raise Failure("report", "helperlink report failed: %s" % out)
    calls = collections.defaultdict(lambda: [0, ""])
    for c in json.loads(out[out.index("{"):])["calls"]:
        if c["kind"] != "call":
            continue
        calls[c["helper"]][0] += c["count"]
        calls[c["helper"]][1] = c["reason"]
    return calls


def run_one(seed, args, clangs):
    s, files, expected = gen.generate(seed, clangs, args.arch)
    d = tempfile.mkdtemp(prefix="dt%d-" % seed, dir=args.work)
    result = {"seed": seed, "settings": s, "status": "ok", "left": [], "detail": ""}
    try:
        for name, text in files.items():
            if name == "main.c" and s["mode"] == "bin":
                continue
            with open(os.path.join(d, name), "w") as f:
                f.write(text)
        build = build_lib if s["mode"] == "lib" else build_bin
        objs, target = build(d, s, args)
        st1, out1 = sh(A64["run"] + ["./plain"], d, timeout=60)
        st2, out2 = sh(A64["run"] + ["./prog"], d, timeout=60)
        if st1 != 0 or not out1.strip():
            raise Failure("build", "the plain program failed (%s): %s" % (st1, out1))
        if (st1, out1) != (st2, out2):
            raise Failure("miscompile", "plain printed (%s):\n%s\nhelperlink's (%s):\n%s"
                          % (st1, out1, st2, out2))
        # The reasons from what helperlink wrote (a linked program keeps
        # no notes); the program's own report must agree on what is called.
        calls = collections.defaultdict(lambda: [0, ""])
        for o in objs:
            for name, (n, reason) in report_calls(args.helperlink, d, o).items():
                calls[name][0] += n
                calls[name][1] = calls[name][1] or reason
        problems = []
        if target not in objs:
            whole = report_calls(args.helperlink, d, target)
            for name in expected:
                if (whole.get(name, (0, ""))[0] > 0) != (calls.get(name, (0, ""))[0] > 0):
                    problems.append(("report", "%s: the program's report says %d calls, "
                                     "its objects' %d" % (name, whole.get(name, (0, ""))[0],
                                                          calls.get(name, (0, ""))[0])))
        for name, want in sorted(expected.items()):
            n, reason = calls[name] if name in calls else (0, "")
            found = sum(refs(name, o, d) for o in objs)
            if (n > 0) != (found > 0):
                problems.append(("report", "%s: report says %d calls, objdump finds %d"
                                 % (name, n, found)))
            if n > 0:
                result["left"].append([name, reason, want])
                if not want or want not in reason:
                    problems.append(("unexplained", "%s stays a call: '%s' (made to %s)"
                                     % (name, reason, "be inlined" if not want else
                                        "stay for '%s'" % want)))
            elif want:
                result["inlined_stay"] = result.get("inlined_stay", []) + [name]
        if problems:
            raise Failure(problems[0][0], "\n".join(p[1] for p in problems))
    except Failure as e:
        result["status"], result["detail"] = e.kind, e.detail
        keep = os.path.join(args.out, "failures", str(seed))
        shutil.rmtree(keep, ignore_errors=True)
        shutil.copytree(d, keep, symlinks=True)
        with open(os.path.join(keep, "what"), "w") as f:
            f.write("%s\n%s\n%s\n" % (e.kind, json.dumps(s), e.detail))
    finally:
        if not args.keep:
            shutil.rmtree(d, ignore_errors=True)
    return result


def category(reason):
    for key, label in (("Rust calls it as", "a real type mismatch"),
                       ("recursion", "recursion"), ("noinline", "marked noinline"),
                       ("weak", "weak, the linker may replace it"),
                       ("ifunc", "an ifunc"), ("static variable", "a mutable static"),
                       ("address of the static", "a static whose address escapes"),
                       ("alias", "an alias"), ("target features", "target features"),
                       ("could not inline", "LLVM could not inline it")):
        if key in reason:
            return label
    return reason or "(no reason)"


def summary(results, args):
    out = ["# helperlink difftest", "",
           "%d programs for %s (seeds %d to %d), helperlink %s, rustc %s; the "
           "helpers' bitcode from each program's clang, their native objects (both "
           "builds) from %s." % (len(results), args.arch, args.first,
                                 args.first + args.count - 1, args.helperlink,
                                 args.rustc, args.native), ""]
    status = collections.Counter(r["status"] for r in results)
    out += ["| result | programs |", "|---|---|"]
    for k in ("ok", "miscompile", "unexplained", "report", "build"):
        out.append("| %s | %d |" % (k, status.get(k, 0)))
    out += ["", "## Settings", ""]
    for key in ("clang", "copt", "opt", "cgu", "overflow", "panic", "cpu", "cm",
                "reloc", "mode"):
        c = collections.Counter(str(r["settings"][key]) for r in results)
        out.append("- %s: %s" % (key, ", ".join("%s %d" % kv for kv in sorted(c.items()))))
    out += ["", "## Calls left, by reason", "",
            "| reason | calls left | expected |", "|---|---|---|"]
    left = collections.Counter()
    expect = collections.Counter()
    for r in results:
        for name, reason, want in r["left"]:
            left[category(reason)] += 1
            if want and want in reason:
                expect[category(reason)] += 1
    for k, n in sorted(left.items(), key=lambda kv: -kv[1]):
        out.append("| %s | %d | %d |" % (k, n, expect[k]))
    out.append("| total | %d | %d |" % (sum(left.values()), sum(expect.values())))
    bad = [r for r in results if r["status"] != "ok"]
    if bad:
        out += ["", "## Failures", ""]
        for r in bad[:50]:
            out.append("- seed %d (%s): %s" % (r["seed"], r["status"],
                                               r["detail"].splitlines()[0][:300]))
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description="helperlink's differential tester")
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--first", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--helperlink", default=os.path.join(TOP, "helperlink"))
    ap.add_argument("--rustc")
    ap.add_argument("--arch", choices=["x86_64", "aarch64"], default="x86_64")
    ap.add_argument("--out", default=os.path.join(TOP, "tests", "difftest", "out"))
    ap.add_argument("--keep", action="store_true")
    try:
        args = ap.parse_args()
    except SystemExit as e:
        sys.exit(2 if e.code else 0)
    args.helperlink = os.path.abspath(args.helperlink)
    if not args.rustc:
        args.rustc = "/usr/bin/rustc" if args.arch == "aarch64" else "rustc"
    clangs = [c for c in ("clang", "clang-19", "clang-22") if shutil.which(c)]
    args.native = native_clang(args.rustc, clangs)
    if not clangs or not os.access(args.helperlink, os.X_OK):
        print("difftest: needs clang and %s" % args.helperlink, file=sys.stderr)
        sys.exit(2)
    os.makedirs(args.out, exist_ok=True)
    shutil.rmtree(os.path.join(args.out, "failures"), ignore_errors=True)
    args.work = tempfile.mkdtemp(prefix="difftest-")
    if args.arch == "aarch64":
        sysroot = os.path.join(args.work, "sysroot")
        st, out = sh(["sh", os.path.join(TOP, "tests", "tools", "a64-core"), sysroot], ".")
        if st != 0 or not shutil.which("aarch64-linux-gnu-gcc") or not shutil.which("qemu-aarch64"):
            print("difftest: --arch aarch64 needs a64-core (rust-web-src), "
                  "gcc-aarch64-linux-gnu and qemu-user\n%s" % out, file=sys.stderr)
            sys.exit(2)
        A64.update(target=["--target=aarch64-unknown-linux-gnu", "--sysroot", sysroot],
                   cc="aarch64-linux-gnu-gcc", run=["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"],
                   env=dict(os.environ, RUSTC_BOOTSTRAP="1",
                            OBJDUMP="aarch64-linux-gnu-objdump"))
    seeds = range(args.first, args.first + args.count)
    done = 0
    results = []
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for r in pool.map(lambda sd: run_one(sd, args, clangs), seeds):
            results.append(r)
            done += 1
            if r["status"] != "ok":
                print("difftest: seed %d: %s: %s" % (r["seed"], r["status"],
                                                     r["detail"].splitlines()[0][:200]))
            if done % 50 == 0:
                print("difftest: %d of %d" % (done, args.count))
    shutil.rmtree(args.work, ignore_errors=True)
    text = summary(results, args)
    with open(os.path.join(args.out, "summary.md"), "w") as f:
        f.write(text)
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(results, f, indent=1, sort_keys=True)
    print(text)
    sys.exit(0 if all(r["status"] == "ok" for r in results) else 1)


if __name__ == "__main__":
    main()
