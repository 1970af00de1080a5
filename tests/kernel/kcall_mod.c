// SPDX-License-Identifier: GPL-2.0
/*
 * kcall_mod.c: the module information of the kcall test module, which a
 * Rust module gets from its module! macro.  tests/kernel/run links it with
 * helperlink's kcall.o so that modpost can check the module as kbuild
 * would.
 */
#include <linux/module.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("helperlink test: Rust calling the kernel's helpers");
