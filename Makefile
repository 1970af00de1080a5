# helperlink: a plain Makefile.  See README.md for the targets.
.POSIX:

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

OBJ = src/main.o $(LIBOBJ)
LIBOBJ = \
	src/cmd_link.o \
	src/cmd_ld.o \
	src/args.o \
	src/cmd_compat.o \
	src/cmd_gen.o \
	src/cmd_cc.o \
	src/archive.o \
	src/gen.o \
	src/clang_gen.o \
	src/clang_load.o \
	src/cmd_report.o \
	src/rename.o \
	src/llvm_rename.o \
	src/bitcode.o \
	src/demangle.o \
	src/elffile.o \
	src/diff.o \
	src/json.o \
	src/target_features.o \
	src/target.o \
	src/report.o \
	src/symlist.o \
	src/toolchain.o \
	src/util.o \
	src/version.o \
	src/llvm_calls.o \
	src/llvm_codegen.o \
	src/llvm_features.o \
	src/llvm_import.o \
	src/llvm_layout.o \
	src/llvm_link.o \
	src/llvm_load.o \
	src/llvm_object.o \
	src/llvm_opt.o \
	src/llvm_report.o \
	src/llvm_target.o \
	src/llvm_unique.o \
	src/llvm_util.o

HDR = src/archive.h src/args.h src/bitcode.h src/clang.h src/clangapi.h src/gen.h src/elffile.h src/cmd.h src/demangle.h src/diff.h src/json.h \
	src/target_features.h src/llvm.h src/llvm_int.h src/llvmapi.h \
	src/rename.h src/report.h src/symlist.h \
	src/target.h src/toolchain.h src/util.h src/version.h

all: helperlink helperlink-cc

helperlink: $(OBJ)
	$(CC) $(LDFLAGS) -o $@ $(OBJ) $(LDLIBS)

# "helperlink cc" under the name rustc's -C linker runs.
helperlink-cc: helperlink
	ln -sf helperlink $@

$(OBJ): $(HDR)

.c.o:
	$(CC) $(WARNFLAGS) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

install: helperlink
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	cp helperlink $(DESTDIR)$(BINDIR)/helperlink
	ln -sf helperlink $(DESTDIR)$(BINDIR)/helperlink-cc
	cp doc/helperlink.1 $(DESTDIR)$(MANDIR)/man1/helperlink.1

tests/unit: tests/unit.c $(LIBOBJ) $(HDR)
	$(CC) $(WARNFLAGS) $(CPPFLAGS) $(CFLAGS) -o $@ tests/unit.c $(LIBOBJ) $(LDLIBS)

check: helperlink helperlink-cc
	@tests/run

# Linux 6.12's real helpers and flags (tests/kernel/README); installs
# Debian's kernel source and rustc-web when run as root.
check-kernel: helperlink
	@tests/kernel/run

demo: helperlink
	@demo/run

# bench/README; writes bench/results.md and bench/build-time.png.
bench: helperlink
	@bench/run

# libraries/run; writes libraries/results.md.
libraries: helperlink
	@libraries/run libraries/out

clean:
	rm -f helperlink helperlink-cc $(OBJ) tests/unit
	rm -rf tests/out demo/out bench/out libraries/out

.PHONY: all install check check-kernel demo bench libraries clean
