/* version.c: see version.h. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "version.h"

static const char *
parse_number(const char *s, unsigned *n)
{
	unsigned long v = 0;

	if (!isdigit((unsigned char)*s))
		return NULL;
	while (isdigit((unsigned char)*s)) {
		v = v * 10 + (unsigned long)(*s++ - '0');
		if (v > 100000)
			return NULL;
	}
	*n = (unsigned)v;
	return s;
}

int
version_parse(const char *s, struct llvm_version *v)
{
	struct llvm_version r = {0, 0, 0};

	s = parse_number(s, &r.major);
	if (!s)
		return -1;
	if (*s == '.' && isdigit((unsigned char)s[1])) {
		s = parse_number(s + 1, &r.minor);
		if (*s == '.' && isdigit((unsigned char)s[1]))
			parse_number(s + 1, &r.patch);
	}
	*v = r;
	return 0;
}

int
version_from_producer(const char *producer, struct llvm_version *v)
{
	if (strncmp(producer, "LLVM", 4) != 0)
		return -1;
	return version_parse(producer + 4, v);
}

/* Find key in text and parse the version that follows it. */
static int
version_after(const char *text, const char *key, struct llvm_version *v)
{
	const char *p = strstr(text, key);

	if (!p)
		return -1;
	return version_parse(p + strlen(key), v);
}

int
version_from_rustc(const char *output, struct llvm_version *v)
{
	return version_after(output, "LLVM version: ", v);
}

int
version_from_cc(const char *output, struct llvm_version *v)
{
	/* Apple's clang numbers its releases on its own scale. */
	if (strstr(output, "Apple clang"))
		return -1;
	return version_after(output, "clang version ", v);
}

int
version_can_read(const struct llvm_version *reader,
                 const struct llvm_version *producer)
{
	if (producer->major != reader->major)
		return producer->major < reader->major;
	return producer->minor <= reader->minor;
}

const char *
version_str(const struct llvm_version *v, char *buf)
{
	snprintf(buf, 32, "%u.%u.%u", v->major, v->minor, v->patch);
	return buf;
}
