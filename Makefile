# helperlink: a plain Makefile.  See README.md for the targets.

CC = cc
CFLAGS = -O2 -g
WARNFLAGS = -std=c11 -Wall -Wextra -Wpedantic -Wmissing-prototypes -Wshadow
# Demangled names in reports need libiberty's demangler (Debian:
# libiberty-dev); found by default, HAVE_LIBIBERTY=0 builds without.
HAVE_LIBIBERTY != if [ -f /usr/include/libiberty/demangle.h ]; then echo 1; else echo 0; fi
LIBIBERTY_1 = -liberty
CPPFLAGS = -DHAVE_LIBIBERTY=$(HAVE_LIBIBERTY)
LDLIBS = -ldl $(LIBIBERTY_$(HAVE_LIBIBERTY))
PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man

# The commands (git's builtins): main.c's table and one file each.
CMDOBJ = src/main.o src/cmd_cc.o src/cmd_compat.o src/cmd_gen.o \
	src/cmd_ld.o src/cmd_link.o src/cmd_plugin.o src/cmd_report.o pic/shim_text.o
# What every layer uses: messages, memory, buffers, maps, files,
# processes, options.
BASEOBJ = src/util.o src/msg.o src/buf.o src/map.o src/file.o \
	src/proc.o src/capture.o src/opt.o src/args.o src/temp.o src/guard.o \
	src/hash.o
# Pure readers and writers, no LLVM: bitcode headers, ELF, archives,
# symbol lists, renamings, reports, versions, targets, gen's output.
PUREOBJ = src/archive.o src/bitcode.o src/bitstream.o src/demangle.o src/diff.o \
	src/elffile.o src/gen.o src/got.o src/json.o src/object.o src/relist.o src/rename.o src/report.o \
	src/symlist.o src/target.o src/target_features.o src/version.o
# The library the commands share: link's arguments and run, gen's, link
# lines, the programs around helperlink.
LIBOBJ_TOP = src/link_args.o src/link_run.o src/gen_args.o \
	src/linkline.o src/plugin_tools.o src/toolchain.o
# The engine (src/llvm/engine.h), libclang (src/clang.h), the cc driver.
LLVMOBJ = src/llvm/abi.o src/llvm/abi_move.o src/llvm/codegen.o \
	src/llvm/describe.o src/llvm/diag.o src/llvm/explain.o src/llvm/features.o \
	src/llvm/import.o src/llvm/inliner.o src/llvm/notes.o src/llvm/inspect.o \
	src/llvm/cross.o src/llvm/libcalls.o \
	src/llvm/internalize.o src/llvm/ir.o src/llvm/layout.o src/llvm/library.o \
	src/llvm/link.o src/llvm/objrefs.o src/llvm/passes.o src/llvm/regs.o \
	src/llvm/regs_a64.o src/llvm/regs_x86.o src/llvm/redefine.o src/llvm/refs.o \
	src/llvm/session.o src/llvm/signature.o src/llvm/unify.o src/llvm/unique.o
CLANGOBJ = src/clang/diag.o src/clang/functions.o src/clang/library.o \
	src/clang/probe.o src/clang/rust.o src/clang/scope.o src/clang/text.o
CCOBJ = src/cc/cache.o src/cc/driver.o src/cc/embed.o src/cc/jobs.o src/cc/native.o \
        src/cc/scan.o

LIBOBJ = $(BASEOBJ) $(PUREOBJ) $(LIBOBJ_TOP) $(LLVMOBJ) $(CLANGOBJ) $(CCOBJ)
OBJ = $(CMDOBJ) $(LIBOBJ)

all: helperlink helperlink-cc libhelperlink-plugin.a

helperlink: $(OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

# "helperlink cc" under the name rustc's -C linker runs.
helperlink-cc: helperlink
	ln -sf helperlink $@

# The library, for the unit tests and the test tools.
libhelperlink.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

# "helperlink plugin" links rustc's pass plugin from plugin/shim.cpp,
# which the program carries as text, and this: the library and the
# plugin's C side again, position-independent, every symbol hidden (the
# plugin exports its entry point only), without libiberty.
PLUGINOBJ = $(LIBOBJ:%.o=pic/%.o) pic/src/plugin/run.o
libhelperlink-plugin.a: $(PLUGINOBJ)
	rm -f $@
	ar rcs $@ $(PLUGINOBJ)

pic/src/%.o: src/%.c src/.build-flags
	@mkdir -p $(@D)
	$(CC) $(WARNFLAGS) -DHAVE_LIBIBERTY=0 $(CFLAGS) -fPIC -fvisibility=hidden \
		-MMD -MP -c -o $@ $<

pic/shim_text.c: src/plugin/shim.cpp
	@mkdir -p pic
	{ echo '/* Generated from src/plugin/shim.cpp by the Makefile. */'; \
	  echo 'const char plugin_shim_text[] ='; \
	  sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$$/\\n"/' src/plugin/shim.cpp; \
	  echo ';'; } >$@

# Each object depends on the headers it includes (-MMD writes the list
# beside it) and on the flags it was built with.
.c.o:
	$(CC) $(WARNFLAGS) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(OBJ): src/.build-flags

# Rewritten only when the flags change, as git's GIT-CFLAGS.
src/.build-flags: FORCE
	@echo '$(CC) $(WARNFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDLIBS)' >$@.new; \
	if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi

-include $(OBJ:.o=.d) $(PLUGINOBJ:.o=.d) tests/unit.d

install: helperlink libhelperlink-plugin.a
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(PREFIX)/lib/helperlink
	cp helperlink $(DESTDIR)$(BINDIR)/helperlink
	cp libhelperlink-plugin.a $(DESTDIR)$(PREFIX)/lib/helperlink/
	ln -sf helperlink $(DESTDIR)$(BINDIR)/helperlink-cc
	cp doc/helperlink.1 $(DESTDIR)$(MANDIR)/man1/helperlink.1

tests/unit: tests/unit.c libhelperlink.a
	$(CC) $(WARNFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -MMD -MP -o $@ \
		tests/unit.c libhelperlink.a $(LDLIBS)

tests/tools/bcpatch: tests/tools/bcpatch.c libhelperlink.a
	$(CC) $(WARNFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tests/tools/bcpatch.c \
		libhelperlink.a $(LDLIBS)

# tests/packages lists what the tests use; run as root, check installs
# what is missing first, and builds with it.  tests/run NAME... runs
# some of the tests only (make check T='t-user t-gen').
check:
	@tests/setup
	@$(MAKE) --no-print-directory all tests/tools/bcpatch
	@tests/run $(T)

# Linux 6.12's real helpers and flags (tests/kernel/README); installs
# Debian's kernel source and rustc-web when run as root.  ARCH=arm64
# cross-builds the same for arm64 (tests/kernel/arch/).
ARCH = x86_64
check-kernel: helperlink libhelperlink-plugin.a
	@KARCH=$(ARCH) tests/kernel/run

# Linux 6.12's own Rust built with and without helperlink, booted under
# QEMU (tests/kernel/README, "The boot test"); installs what it needs as
# root.  About 40 minutes the first time, minutes after that.  ARCH=arm64
# cross-builds it for arm64 and boots it under qemu-system-aarch64.
check-kernel-boot: helperlink libhelperlink-plugin.a
	@KARCH=$(ARCH) tests/kernel/boot

demo: helperlink
	@demo/run

# bench/README; writes bench/results.md and bench/build-time.png.
bench: helperlink helperlink-cc libhelperlink-plugin.a
	@bench/run

# The object step of the real kernel's Rust objects (bench/kernel), in the
# tree make check-kernel-boot leaves; adds its section to bench/results.md.
bench-kernel: helperlink
	@bench/kernel

# tests/fuzz/run: FUZZ_SECONDS per kind of command input (default 60),
# FUZZ_READER_SECONDS per reader; writes tests/fuzz/out/summary.md.
FUZZ_SECONDS = 60
FUZZ_READER_SECONDS = $(FUZZ_SECONDS)
fuzz: helperlink
	@tests/fuzz/run $(FUZZ_SECONDS) $(FUZZ_READER_SECONDS)

# tests/difftest/run.py: DIFFTEST_COUNT random programs from seed
# DIFFTEST_FIRST, each built plain and through helperlink, run and
# compared; writes tests/difftest/out/summary.md.  DIFFTEST_ARCH=aarch64:
# library crates for AArch64, run under qemu-user.
DIFFTEST_COUNT = 500
DIFFTEST_FIRST = 1
DIFFTEST_ARCH = x86_64
difftest: helperlink helperlink-cc
	@python3 tests/difftest/run.py --count $(DIFFTEST_COUNT) --first $(DIFFTEST_FIRST) \
		--arch $(DIFFTEST_ARCH)

# libraries/run; writes libraries/results.md.
libraries: helperlink
	@libraries/run libraries/out

clean:
	rm -rf pic
	rm -f helperlink helperlink-cc libhelperlink.a libhelperlink-plugin.a $(OBJ) $(OBJ:.o=.d) \
		src/.build-flags tests/unit tests/unit.d tests/tools/bcpatch
	rm -rf tests/out tests/fuzz/out tests/difftest/out demo/out bench/out libraries/out

FORCE:

.PHONY: all install check check-kernel check-kernel-boot demo bench bench-kernel fuzz difftest libraries clean FORCE
