/* symlist.c: see symlist.h. */
#include <string.h>

#include "buf.h"
#include "file.h"
#include "map.h"
#include "msg.h"
#include "symlist.h"

/* Whether s is "0x" and hexadecimal digits, as Module.symvers's CRCs. */
static int
is_crc(const char *s)
{
	return strncmp(s, "0x", 2) == 0 && s[2] && !s[2 + strspn(s + 2,
	       "0123456789abcdefABCDEF")];
}

int
symlist_parse(char *text, const char *path, struct strmap *names)
{
	char *line, *next;
	unsigned lineno = 0;

	for (line = text; line && *line; line = next) {
		char *fields[2] = {NULL, NULL}, *p = line;
		int n = 0;

		lineno++;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		while (*p && n < 2) {
			p += strspn(p, " \t\r");
			if (!*p)
				break;
			fields[n++] = p;
			p += strcspn(p, " \t\r");
			if (*p)
				*p++ = '\0';
		}
		if (n == 0 || fields[0][0] == '#')
			continue;
		/* Module.symvers: CRC, symbol, and more; else one name. */
		if (n == 2 && is_crc(fields[0])) {
			strmap_put(names, fields[1], (void *)1);
		} else if (n == 1) {
			strmap_put(names, fields[0], (void *)1);
		} else {
			return error("'%s' line %u: neither a symbol name nor a "
			             "Module.symvers line", path, lineno);
		}
	}
	return 0;
}

int
symlist_read(const char *path, struct strmap *names)
{
	struct buf b = BUF_INIT;
	int ret = read_text_file(path, &b) < 0 ? -1
	          : symlist_parse(b.data ? b.data : (char *)"", path, names);

	buf_release(&b);
	return ret;
}
