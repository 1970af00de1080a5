/*
 * llvm/diag.c: LLVM's diagnostics, one line each, about the input they
 * concern; see engine.h.
 */
#include <string.h>

#include "../capture.h"
#include "engine.h"

static void
diag_handler(LLVMDiagnosticInfoRef di, void *arg)
{
	struct diag *d = arg;
	LLVMDiagnosticSeverity sev = LLVMGetDiagInfoSeverity(di);
	char *msg;

	if (d->quiet || (sev != LLVMDSError && sev != LLVMDSWarning))
		return;
	msg = LLVMGetDiagInfoDescription(di);
	/* One line per message: LLVM adds the source line and a caret. */
	msg[strcspn(msg, "\n")] = '\0';
	if (sev == LLVMDSWarning) {
		warn("'%s': %s", d->subject ? d->subject : "?", msg);
	} else {
		if (d->errors.len)
			buf_addstr(&d->errors, "; ");
		buf_addstr(&d->errors, msg);
	}
	LLVMDisposeMessage(msg);
}

void
diag_install(LLVMContextRef ctx, struct diag *d)
{
	LLVMContextSetDiagnosticHandler(ctx, diag_handler, d);
}

void
diag_subject(struct diag *d, const char *subject)
{
	d->subject = subject;
	llvm_subject = subject;
	capture_subject(subject);
}

const char *
diag_take(struct diag *d, const char *fallback)
{
	buf_reset(&d->last);
	buf_addstr(&d->last, d->errors.len ? d->errors.data : fallback);
	buf_reset(&d->errors);
	return d->last.data;
}

int
diag_failed(const struct diag *d)
{
	return d->errors.len > 0;
}

void
diag_release(struct diag *d)
{
	diag_subject(d, NULL);
	buf_release(&d->errors);
	buf_release(&d->last);
}
