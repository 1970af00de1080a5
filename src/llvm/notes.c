/*
 * llvm/notes.c: what a link tells the report that reads its output later.
 *
 * A call left in an object says nothing of why it was left: the types of
 * the call that did not match, or the attributes LLVM's inliner would
 * not inline across, are gone with the IR.  So a link that leaves a
 * helper called writes why, one "HELPER\tREASON" line each: in an
 * object, as the description of an ELF note (owner "helperlink", type 1)
 * in the section .note.helperlink, flagged SHF_EXCLUDE so that a linked
 * program does not keep it (ld -r does); in bitcode, in the named
 * metadata helperlink.reasons.  A note, because tools expect notes:
 * readelf -n shows it, and kbuild's modpost, which warns of any other
 * section that is not loaded, lets it be.  A link that leaves no call
 * writes nothing, so the object is the same as without helperlink.
 */
#include <stdlib.h>
#include <string.h>

#include "../elffile.h"
#include "engine.h"

#define NOTES_METADATA "helperlink.reasons"
#define NOTE_OWNER "helperlink"
#define NOTE_TYPE 1

/* The lines: each helper still called, with its reason, sorted. */
static void
collect(struct session *s, struct buf *text)
{
	const char **names = strmap_keys(&s->info);
	size_t i;

	for (i = 0; names[i]; i++) {
		const struct helper_info *hi = strmap_get(&s->info, names[i]);
		LLVMValueRef f = LLVMGetNamedFunction(s->crate, names[i]);
		LLVMUseRef u;
		int called = 0;

		for (u = f ? LLVMGetFirstUse(f) : NULL; u && !called; u = LLVMGetNextUse(u))
			called = is_callee(u);
		if (called && hi->why_not && !strchr(hi->why_not, '\n'))
			buf_addf(text, "%s\t%s\n", names[i], hi->why_not);
	}
	free(names);
}

/* text as the operand of an assembler .ascii directive. */
static void
asm_string(struct buf *out, const char *text)
{
	const unsigned char *p;

	buf_addstr(out, "\t.ascii \"");
	for (p = (const unsigned char *)text; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_addf(out, "\\%c", *p);
		else if (*p < 32 || *p >= 127)
			buf_addf(out, "\\%03o", *p);
		else
			buf_addch(out, (char)*p);
	}
	buf_addstr(out, "\"\n");
}

void
notes_embed(struct session *s, const struct link_options *o)
{
	struct buf text = BUF_INIT, as = BUF_INIT;

	collect(s, &text);
	if (!text.len)
		return;
	if (o->emit == EMIT_OBJ || o->emit == EMIT_ASM) {
		buf_addf(&as, "\t.pushsection " NOTES_SECTION ",\"e\",%%note\n"
		         "\t.balign 4\n\t.long %zu, %zu, %d\n\t.asciz \"" NOTE_OWNER "\"\n"
		         "\t.balign 4\n", sizeof(NOTE_OWNER), text.len, NOTE_TYPE);
		asm_string(&as, text.data);
		buf_addstr(&as, "\t.balign 4\n\t.popsection\n");
		LLVMAppendModuleInlineAsm(s->crate, as.data, as.len);
	} else {
		LLVMMetadataRef md = LLVMMDStringInContext2(s->ctx, text.data, text.len);
		LLVMMetadataRef node = LLVMMDNodeInContext2(s->ctx, &md, 1);

		LLVMAddNamedMetadataOperand(s->crate, NOTES_METADATA,
		                            LLVMMetadataAsValue(s->ctx, node));
	}
	buf_release(&as);
	buf_release(&text);
}

static void
parse(const char *text, size_t n, struct strmap *notes)
{
	const char *end = text + n, *line, *tab, *nl;

	for (line = text; line < end; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(end - line));
		if (!nl)
			nl = end;
		tab = memchr(line, '\t', (size_t)(nl - line));
		if (tab && tab > line) {
			char *name = xstrndup(line, (size_t)(tab - line));

			free(strmap_put(notes, name, xstrndup(tab + 1,
			                                      (size_t)(nl - tab - 1))));
			free(name);
		}
	}
}

void
notes_read_module(LLVMModuleRef m, struct strmap *notes)
{
	unsigned n = LLVMGetNamedMetadataNumOperands(m, NOTES_METADATA), i;
	LLVMValueRef *nodes, op;

	if (n == 0)
		return;
	nodes = xcalloc(n, sizeof(*nodes));
	LLVMGetNamedMetadataOperands(m, NOTES_METADATA, nodes);
	for (i = 0; i < n; i++) {
		const char *s;
		unsigned len;

		if (LLVMGetMDNodeNumOperands(nodes[i]) != 1)
			continue;
		LLVMGetMDNodeOperands(nodes[i], &op);
		if ((s = LLVMGetMDString(op, &len)) != NULL)
			parse(s, len, notes);
	}
	free(nodes);
}

void
notes_read_section(const unsigned char *d, size_t n, struct strmap *notes)
{
	size_t at = 0;

	while (n - at >= 12) {
		uint64_t namesz = elf_le(d + at, 4), descsz = elf_le(d + at + 4, 4);
		uint64_t desc = at + 12 + (namesz + 3) / 4 * 4;

		if (desc > n || descsz > n - desc)
			return;
		if (namesz == sizeof(NOTE_OWNER) && elf_le(d + at + 8, 4) == NOTE_TYPE &&
		    !memcmp(d + at + 12, NOTE_OWNER, sizeof(NOTE_OWNER)))
			parse((const char *)d + desc, (size_t)descsz, notes);
		at = desc + (descsz + 3) / 4 * 4;
		if (at > n)
			return;
	}
}
