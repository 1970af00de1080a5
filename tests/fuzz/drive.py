#!/usr/bin/env python3
"""drive.py HELPERLINK SEEDS OUT SECONDS [KIND...]: mutate the inputs of
helperlink's commands and run them, for SECONDS per kind, classifying
every run:

  crash        killed by a signal, or a sanitizer's report on stderr
  hang         still running after 20 s
  wrong exit   an exit status other than 0 or 1
  output left  a failed run that left its output, a temporary file or a
               work directory behind
  nameless     a failed run whose error does not name the mutated input,
               or that printed a line not in helperlink's own form

Writes OUT/results.md (the table) and OUT/findings/KIND-N/ (each input
that was not handled, with the command and what it printed).  The
mutations are seeded: the same seed gives the same runs.

drive.py mutate SEED IN OUT writes one mutant of IN, for tests.
"""
import os
import random
import shutil
import subprocess
import sys
import time

TIMEOUT = 20


def mutate_bytes(rng, data):
    d = bytearray(data)
    if not d:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
    for _ in range(rng.randint(1, 3)):
        how = rng.randrange(8)
        p = rng.randrange(len(d))
        if how <= 2:                       # flip bits
            for _ in range(rng.randint(1, 8)):
                q = rng.randrange(len(d))
                d[q] ^= 1 << rng.randrange(8)
        elif how == 3:                     # a random byte run
            for q in range(p, min(len(d), p + rng.randint(1, 16))):
                d[q] = rng.randrange(256)
        elif how == 4:                     # cut short
            del d[rng.randrange(1, len(d) + 1):]
        elif how == 5:                     # a word set to something huge
            v = rng.choice([0xffffffff, 0x7fffffff, 0x80000000, 0x10000, 0])
            d[p:p + 4] = v.to_bytes(4, "little")
        elif how == 6:                     # a chunk repeated
            n = rng.randint(1, 256)
            d[p:p] = d[p:p + n]
        else:                              # a chunk removed
            del d[p:p + rng.randint(1, 64)]
        if not d:
            d = bytearray(b"\0")
    return bytes(d)


def mutate_text(rng, data):
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 3)):
        how = rng.randrange(7)
        i = rng.randrange(len(lines))
        if how == 0:
            del lines[i]
        elif how == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif how == 2:
            lines[i] = bytes(rng.randrange(32, 127) for _ in range(rng.randrange(80)))
        elif how == 3:
            lines[i] = lines[i] * rng.randint(2, 2000)
        elif how == 4:
            lines[i] = lines[i] + b"\t" + lines[rng.randrange(len(lines))]
        elif how == 5:
            lines[i] = lines[i][:rng.randrange(len(lines[i]) + 1)]
        else:
            return mutate_bytes(rng, b"\n".join(lines))
        if not lines:
            lines = [b""]
    return b"\n".join(lines)


# Each kind: the seed file to mutate, whether it is text, the command
# (M stands for the mutated file, S/ for the seeds), the outputs it
# writes, and the extra environment.
KINDS = {
    "link-crate": ("crate.bc", False,
                   ["link", "M", "--helpers", "S/helpers.bc", "-o", "out.o",
                    "--report=out.txt"], ["out.o", "out.txt"], {}),
    "link-helpers": ("helpers.bc", False,
                     ["link", "S/crate.bc", "--helpers", "M", "-o", "out.o"],
                     ["out.o"], {}),
    "report-elf": ("linked.o", False,
                   ["report", "M", "--helpers", "S/helpers.bc",
                    "--require-inlined"], [], {}),
    "report-diff": ("plain.o", False,
                    ["report", "--diff", "S/linked.o", "M"], [], {}),
    "report-bitcode": ("helpers.bc", False,
                       ["report", "S/linked.o", "--helpers", "M"], [], {}),
    "cc-archive": ("libhelpers.a", False,
                   ["cc", "-o", "prog", "S/crate.bc", "M"], ["prog"],
                   {"HELPERLINK_LINKER": "true", "HELPERLINK_CACHE": "cache"}),
    "cc-rlib": ("libapp.rlib", False,
                ["cc", "-o", "prog", "M", "S/helpers.bc"], ["prog"],
                {"HELPERLINK_LINKER": "true", "HELPERLINK_CACHE": "cache"}),
    "ld": ("crate.bc", False,
           ["ld", "-r", "--helpers", "S/helpers.bc", "-o", "mod.o", "M",
            "S/native.o"], ["mod.o"], {}),
    "gen": ("torture.h", True, ["gen", "-I", "S", "M", "-o", "out.c"],
            ["out.c"], {}),
    "exports": ("Module.symvers", True,
                ["link", "S/kcrate.bc", "--helpers", "S/khelpers.bc",
                 "--exports", "M", "-o", "out.o"], ["out.o"], {}),
    "helper-list": ("helper-list.txt", True,
                    ["report", "S/linked.o", "--helper-list", "M"], [], {}),
    "redefine-syms": ("renames.txt", True,
                      ["link", "S/crate.bc", "--helpers", "S/helpers.bc",
                       "--redefine-syms", "M", "-o", "out.o"], ["out.o"], {}),
}


def classify(proc, stderr, mutated, outputs, workdir, before):
    """The categories a run falls in."""
    found = []
    if proc is None:
        return ["hang"]
    if proc.returncode < 0 or "Sanitizer" in stderr or \
            "runtime error:" in stderr or proc.returncode in (86, 87):
        found.append("crash")
    elif proc.returncode not in (0, 1):
        found.append("wrong exit")
    left = set(os.listdir(workdir)) - before
    if proc.returncode != 0:
        left_out = [o for o in outputs if os.path.exists(os.path.join(workdir, o))]
        temps = [f for f in left if ".tmp" in f or ".helperlink-" in f]
        if left_out or temps:
            found.append("output left")
        lines = [l for l in stderr.splitlines() if l]
        errors = [l for l in lines if l.startswith("helperlink: ") and
                  not l.startswith("helperlink: warning: ")]
        raw = [l for l in lines if not l.startswith("helperlink: ") and
               not l.startswith("  ")]
        name = os.path.basename(mutated)
        # An input that is not bitcode goes to the real linker as it is
        # (helperlink ld, cc): the linker's own lines name it then.
        linker = any("failed (exit status" in l for l in errors) and \
            any(name in l for l in raw)
        if not linker and (not errors or raw or
                           not any(name in l for l in errors)):
            found.append("nameless")
    else:
        temps = [f for f in left if ".tmp" in f or ".helperlink-" in f]
        if temps:
            found.append("output left")
    return found


def run_kind(hl, seeds, out, kind, seconds, seed):
    src, is_text, args, outputs, env_extra = KINDS[kind]
    rng = random.Random(seed)
    data = open(os.path.join(seeds, src), "rb").read()
    ext = os.path.splitext(src)[1]
    workdir = os.path.join(out, "work-" + kind)
    counts = {"tries": 0, "crash": 0, "hang": 0, "wrong exit": 0,
              "output left": 0, "nameless": 0}
    env = dict(os.environ)
    env.update(env_extra)
    env.setdefault("ASAN_OPTIONS", "detect_leaks=0:exitcode=86:"
                   "max_allocation_size_mb=4096:allocator_may_return_null=1")
    env.setdefault("UBSAN_OPTIONS", "halt_on_error=1:exitcode=87:print_stacktrace=1")
    end = time.time() + seconds
    while time.time() < end:
        shutil.rmtree(workdir, ignore_errors=True)
        os.makedirs(workdir)
        os.symlink(os.path.abspath(seeds), os.path.join(workdir, "S"))
        mutated = "m" + ext
        body = (mutate_text if is_text else mutate_bytes)(rng, data)
        open(os.path.join(workdir, mutated), "wb").write(body)
        before = set(os.listdir(workdir))
        argv = [hl] + [mutated if a == "M" else a for a in args]
        try:
            proc = subprocess.run(argv, cwd=workdir, env=env, timeout=TIMEOUT,
                                  stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE)
            stderr = proc.stderr.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            proc, stderr = None, ""
        counts["tries"] += 1
        found = classify(proc, stderr, mutated, outputs, workdir, before)
        for f in found:
            counts[f] += 1
        if found:
            n = sum(counts[k] for k in counts if k != "tries")
            keep = os.path.join(out, "findings", "%s-%d" % (kind, n))
            if n <= 50:
                os.makedirs(keep, exist_ok=True)
                open(os.path.join(keep, mutated), "wb").write(body)
                with open(os.path.join(keep, "what"), "w") as f:
                    f.write("%s\nexit: %s\n%s\n%s" % (
                        ", ".join(found), proc.returncode if proc else "timeout",
                        " ".join(argv), stderr))
    shutil.rmtree(workdir, ignore_errors=True)
    return counts


def main():
    # drive.py mutate SEED IN OUT: one mutant, for tests on disk.
    if sys.argv[1] == "mutate":
        rng = random.Random(int(sys.argv[2]))
        data = open(sys.argv[3], "rb").read()
        open(sys.argv[4], "wb").write(mutate_bytes(rng, data))
        return
    hl, seeds, out, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    kinds = sys.argv[5:] or list(KINDS)
    os.makedirs(out, exist_ok=True)
    rows = []
    for i, kind in enumerate(kinds):
        c = run_kind(hl, seeds, out, kind, seconds, 1000 + i)
        rows.append((kind, c))
        print("%-15s %6d tries %4d crashes %4d hangs %4d wrong exit %4d output left %4d nameless"
              % (kind, c["tries"], c["crash"], c["hang"], c["wrong exit"],
                 c["output left"], c["nameless"]), flush=True)
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write("| input kind | tries | crashes | hangs > %d s | wrong exit | "
                "output left | nameless messages |\n" % TIMEOUT)
        f.write("|---|--:|--:|--:|--:|--:|--:|\n")
        for kind, c in rows:
            f.write("| %s | %d | %d | %d | %d | %d | %d |\n" % (
                kind, c["tries"], c["crash"], c["hang"], c["wrong exit"],
                c["output left"], c["nameless"]))
    bad = sum(c[k] for _, c in rows for k in c if k != "tries")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
