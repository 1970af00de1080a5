/*
 * temp.h: the temporary files and directories helperlink has made, so
 * that none is left behind: they are removed when the process exits
 * (fatal() included) or is stopped by SIGINT, SIGTERM or SIGHUP, unless
 * they were renamed into place or removed first.  A forked child does
 * not remove its parent's.
 */
#ifndef TEMP_H
#define TEMP_H

/* Note a temporary file or directory (the path is copied).  A directory
 * is removed with what was noted in it, after it. */
void temp_register(const char *path);
/* It was renamed into place, or removed: forget it. */
void temp_forget(const char *path);
/* Remove it and forget it. */
void temp_remove(const char *path);
/* Forget dir and everything noted in it (it was removed as a tree). */
void temp_forget_under(const char *dir);
/* In a forked child: forget the parent's, without removing them. */
void temp_reset(void);

#endif
