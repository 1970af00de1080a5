/*
 * cmd.h: the subcommands, one file each, listed in main.c's commands[]
 * (git's builtin.h).  A command gets its arguments, argv[0] being its
 * name, and the libLLVM given before it (--llvm PATH), or NULL; it returns
 * the process exit status: 0 success, 1 failure; usage mistakes exit
 * with 2 through usage_error().
 */
#ifndef CMD_H
#define CMD_H

int cmd_link(int argc, char **argv, const char *llvm);
int cmd_ld(int argc, char **argv, const char *llvm);
int cmd_report(int argc, char **argv, const char *llvm);
int cmd_gen(int argc, char **argv, const char *llvm);
int cmd_cc(int argc, char **argv, const char *llvm);
int cmd_compat(int argc, char **argv, const char *llvm);
int cmd_plugin(int argc, char **argv, const char *llvm);

#endif
