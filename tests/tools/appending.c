/*
 * appending IN OUT NAME: copy bitcode with the function NAME given
 * appending linkage, which LLVM's verifier refuses (only arrays may have
 * it) and its reader accepts.  Built against an installed LLVM's C API
 * (llvm-N-dev), as no tool writes such a file.
 */
#include <stdio.h>

#include <llvm-c/BitReader.h>
#include <llvm-c/BitWriter.h>
#include <llvm-c/Core.h>

int
main(int argc, char **argv)
{
	LLVMMemoryBufferRef mb;
	LLVMModuleRef m;
	LLVMValueRef f;
	char *msg = NULL;

	if (argc != 4) {
		fputs("usage: appending IN OUT NAME\n", stderr);
		return 2;
	}
	if (LLVMCreateMemoryBufferWithContentsOfFile(argv[1], &mb, &msg) ||
	    LLVMParseBitcodeInContext2(LLVMContextCreate(), mb, &m)) {
		fprintf(stderr, "appending: cannot read %s\n", argv[1]);
		return 1;
	}
	f = LLVMGetNamedFunction(m, argv[3]);
	if (!f) {
		fprintf(stderr, "appending: no function %s\n", argv[3]);
		return 1;
	}
	LLVMSetLinkage(f, LLVMAppendingLinkage);
	return LLVMWriteBitcodeToFile(m, argv[2]) != 0;
}
