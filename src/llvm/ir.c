/* llvm/ir.c: values, attributes, linkage and module flags; see engine.h. */
#include <stdlib.h>
#include <string.h>

#include "engine.h"

const char *
value_name(LLVMValueRef v)
{
	size_t len;

	return LLVMGetValueName2(v, &len);
}

LLVMValueRef
parent_function(LLVMValueRef inst)
{
	return LLVMGetBasicBlockParent(LLVMGetInstructionParent(inst));
}

LLVMValueRef
named_value(LLVMModuleRef m, const char *name)
{
	LLVMValueRef v = LLVMGetNamedFunction(m, name);

	return v ? v : LLVMGetNamedGlobal(m, name);
}

char *
ir_verify(LLVMModuleRef m)
{
	char *msg = NULL, *line = NULL;

	if (LLVMVerifyModule(m, LLVMReturnStatusAction, &msg)) {
		line = xstrndup(msg ? msg : "", msg ? strcspn(msg, "\n") : 0);
		if (!*line) {
			free(line);
			line = xstrdup("invalid IR");
		}
	}
	LLVMDisposeMessage(msg);
	return line;
}

char *
type_text(LLVMTypeRef t)
{
	char *s = LLVMPrintTypeToString(t), *copy = xstrdup(s);

	LLVMDisposeMessage(s);
	return copy;
}

static unsigned
attr_kind(const char *attr)
{
	unsigned k = LLVMGetEnumAttributeKindForName(attr, strlen(attr));

	if (k == 0)
		fatal("this LLVM has no '%s' attribute", attr);
	return k;
}

int
fn_has_attr(LLVMValueRef f, const char *attr)
{
	return LLVMGetEnumAttributeAtIndex(f, LLVMAttributeFunctionIndex,
	                                   attr_kind(attr)) != NULL;
}

void
fn_add_attr(LLVMValueRef f, const char *attr)
{
	LLVMContextRef ctx = LLVMGetModuleContext(LLVMGetGlobalParent(f));

	LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex,
	                        LLVMCreateEnumAttribute(ctx, attr_kind(attr), 0));
}

void
fn_remove_attr(LLVMValueRef f, const char *attr)
{
	LLVMRemoveEnumAttributeAtIndex(f, LLVMAttributeFunctionIndex,
	                               attr_kind(attr));
}

void
fn_set_string_attr(LLVMValueRef f, const char *key, const char *value)
{
	LLVMContextRef ctx = LLVMGetModuleContext(LLVMGetGlobalParent(f));

	LLVMRemoveStringAttributeAtIndex(f, LLVMAttributeFunctionIndex, key,
	                                 (unsigned)strlen(key));
	if (value)
		LLVMAddAttributeAtIndex(f, LLVMAttributeFunctionIndex,
		                        LLVMCreateStringAttribute(ctx, key,
		                                                  (unsigned)strlen(key),
		                                                  value,
		                                                  (unsigned)strlen(value)));
}

char *
fn_string_attr(LLVMValueRef f, const char *key)
{
	LLVMAttributeRef a;
	const char *s;
	unsigned len;

	a = LLVMGetStringAttributeAtIndex(f, LLVMAttributeFunctionIndex, key,
	                                  (unsigned)strlen(key));
	if (!a)
		return NULL;
	s = LLVMGetStringAttributeValue(a, &len);
	return xstrndup(s, len);
}

void
each_global(LLVMModuleRef m, void (*fn)(LLVMValueRef, void *), void *arg)
{
	LLVMValueRef v, next;

	for (v = LLVMGetFirstFunction(m); v; v = next) {
		next = LLVMGetNextFunction(v);
		fn(v, arg);
	}
	for (v = LLVMGetFirstGlobal(m); v; v = next) {
		next = LLVMGetNextGlobal(v);
		fn(v, arg);
	}
	for (v = LLVMGetFirstGlobalAlias(m); v; v = next) {
		next = LLVMGetNextGlobalAlias(v);
		fn(v, arg);
	}
	for (v = LLVMGetFirstGlobalIFunc(m); v; v = next) {
		next = LLVMGetNextGlobalIFunc(v);
		fn(v, arg);
	}
}

int
is_function(LLVMValueRef v)
{
	return LLVMGetValueKind(v) == LLVMFunctionValueKind;
}

int
is_variable(LLVMValueRef v)
{
	return LLVMGetValueKind(v) == LLVMGlobalVariableValueKind;
}

int
is_call(LLVMValueRef v)
{
	LLVMOpcode op;

	if (LLVMGetValueKind(v) != LLVMInstructionValueKind)
		return 0;
	op = LLVMGetInstructionOpcode(v);
	return op == LLVMCall || op == LLVMInvoke || op == LLVMCallBr;
}

int
is_callee(LLVMUseRef use)
{
	LLVMValueRef user = LLVMGetUser(use);

	return is_call(user) &&
	       LLVMGetOperandUse(user, (unsigned)LLVMGetNumOperands(user) - 1) == use;
}

static int
is_ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '$';
}

/* Whether name occurs in text as a whole symbol name. */
static int
names(const char *text, size_t len, const char *name)
{
	size_t n = strlen(name), i;

	for (i = 0; n && i + n <= len; i++) {
		if (memcmp(text + i, name, n) != 0)
			continue;
		if ((i == 0 || !is_ident_char(text[i - 1])) &&
		    (i + n == len || !is_ident_char(text[i + n])))
			return 1;
	}
	return 0;
}

int
asm_names(LLVMValueRef f, const char *sym)
{
	LLVMBasicBlockRef bb;
	LLVMValueRef i, callee;
	const char *text;
	size_t len;

	for (bb = LLVMGetFirstBasicBlock(f); bb; bb = LLVMGetNextBasicBlock(bb))
		for (i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i)) {
			if (!is_call(i) || !(callee = LLVMGetCalledValue(i)) ||
			    LLVMGetValueKind(callee) != LLVMInlineAsmValueKind)
				continue;
			if (!LLVMGetInlineAsmAsmString)
				return -1;
			text = LLVMGetInlineAsmAsmString(callee, &len);
			if (names(text, len, sym))
				return 1;
		}
	return 0;
}

int
linkage_is_local(LLVMLinkage l)
{
	return l == LLVMInternalLinkage || l == LLVMPrivateLinkage;
}

int
linkage_is_strong(LLVMLinkage l)
{
	return l == LLVMExternalLinkage;
}

int
linkage_is_interposable(LLVMLinkage l)
{
	return l == LLVMWeakAnyLinkage || l == LLVMLinkOnceAnyLinkage ||
	       l == LLVMCommonLinkage || l == LLVMExternalWeakLinkage;
}

int
module_flags_each(LLVMModuleRef m,
                  int (*fn)(const char *key, int behavior, LLVMValueRef value,
                            void *arg),
                  void *arg)
{
	unsigned n = LLVMGetNamedMetadataNumOperands(m, "llvm.module.flags"), i;
	LLVMValueRef *nodes, ops[3];
	int ret = 0;

	if (n == 0)
		return 0;
	nodes = xcalloc(n, sizeof(*nodes));
	LLVMGetNamedMetadataOperands(m, "llvm.module.flags", nodes);
	for (i = 0; i < n && ret == 0; i++) {
		const char *key;
		unsigned len;
		char *k;

		if (LLVMGetMDNodeNumOperands(nodes[i]) != 3)
			continue;
		LLVMGetMDNodeOperands(nodes[i], ops);
		key = LLVMGetMDString(ops[1], &len);
		if (!key || LLVMGetTypeKind(LLVMTypeOf(ops[0])) != LLVMIntegerTypeKind)
			continue;
		k = xstrndup(key, len);
		ret = fn(k, (int)LLVMConstIntGetZExtValue(ops[0]), ops[2], arg);
		free(k);
	}
	free(nodes);
	return ret;
}

struct flag_query {
	const char *key;
	LLVMValueRef value;
	int behavior;
};

static int
match_flag(const char *key, int behavior, LLVMValueRef value, void *arg)
{
	struct flag_query *q = arg;

	if (strcmp(key, q->key) != 0)
		return 0;
	q->value = value;
	q->behavior = behavior;
	return 1;
}

LLVMValueRef
module_flag(LLVMModuleRef m, const char *key, int *behavior)
{
	struct flag_query q = {key, NULL, 0};

	module_flags_each(m, match_flag, &q);
	if (behavior)
		*behavior = q.behavior;
	return q.value;
}

long long
module_flag_int(LLVMModuleRef m, const char *key, long long def)
{
	LLVMValueRef v = module_flag(m, key, NULL);

	if (!v || LLVMGetTypeKind(LLVMTypeOf(v)) != LLVMIntegerTypeKind)
		return def;
	return (long long)LLVMConstIntGetZExtValue(v);
}

char *
module_flag_string(LLVMModuleRef m, const char *key)
{
	LLVMValueRef v = module_flag(m, key, NULL);
	const char *s;
	unsigned len;

	if (!v || LLVMGetTypeKind(LLVMTypeOf(v)) == LLVMIntegerTypeKind)
		return NULL;
	s = LLVMGetMDString(v, &len);
	return s ? xstrndup(s, len) : NULL;
}

void
fn_make_declaration(LLVMModuleRef m, const char *fname)
{
	LLVMValueRef f = LLVMGetNamedFunction(m, fname), d;
	char *name;

	if (!f || LLVMIsDeclaration(f))
		return;
	name = xstrdup(fname);
	d = LLVMAddFunction(m, "", LLVMGlobalGetValueType(f));
	LLVMReplaceAllUsesWith(f, d);
	LLVMDeleteFunction(f);
	LLVMSetValueName2(d, name, strlen(name));
	free(name);
}
