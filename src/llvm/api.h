/*
 * llvm/api.h: the part of the LLVM C API that helperlink uses, in one place.
 *
 * helperlink does not link against LLVM.  llvm/library.c opens the libLLVM
 * that ships inside rustc with dlopen() and resolves one function pointer
 * per entry of LLVM_FUNCTIONS, once, at start.  The pointers carry the C
 * API's own names, so the code that uses them reads like any LLVM C API
 * code.  Only the files of src/llvm/ include this header.
 *
 * An entry is X(since, need, ret, name, params):
 *   since  the LLVM major version whose llvm-c headers first declare it;
 *          tests/llvmapi_check.c compares every entry with the installed
 *          headers of that version or newer, so a wrong signature fails
 *          the build of that test rather than a user's object file;
 *   need   required: helperlink refuses a libLLVM without it;
 *          optional: the pointer is NULL when missing, and the code that
 *          uses it says what it does instead.
 * Constants are V(since, name, value) and are checked the same way.
 *
 * The types below mirror llvm-c/Types.h and friends.  Enumerations are
 * plain ints here: every LLVM C enumeration is passed as an int.
 */
#ifndef LLVM_API_H
#define LLVM_API_H

#include <stddef.h>
#include <stdint.h>

#ifndef LLVMAPI_REAL_HEADERS
typedef int LLVMBool;
typedef struct LLVMOpaqueContext *LLVMContextRef;
typedef struct LLVMOpaqueModule *LLVMModuleRef;
typedef struct LLVMOpaqueType *LLVMTypeRef;
typedef struct LLVMOpaqueValue *LLVMValueRef;
typedef struct LLVMOpaqueBasicBlock *LLVMBasicBlockRef;
typedef struct LLVMOpaqueUse *LLVMUseRef;
typedef struct LLVMOpaqueBuilder *LLVMBuilderRef;
typedef struct LLVMOpaqueMetadata *LLVMMetadataRef;
typedef struct LLVMOpaqueAttributeRef *LLVMAttributeRef;
typedef struct LLVMComdat *LLVMComdatRef;
typedef struct LLVMOpaqueMemoryBuffer *LLVMMemoryBufferRef;
typedef struct LLVMOpaqueDiagnosticInfo *LLVMDiagnosticInfoRef;
typedef struct LLVMOpaqueTargetData *LLVMTargetDataRef;
typedef struct LLVMTarget *LLVMTargetRef;
typedef struct LLVMOpaqueTargetMachine *LLVMTargetMachineRef;
typedef struct LLVMOpaqueTargetMachineOptions *LLVMTargetMachineOptionsRef;
typedef struct LLVMOpaquePassBuilderOptions *LLVMPassBuilderOptionsRef;
typedef struct LLVMOpaqueError *LLVMErrorRef;
typedef struct LLVMOpaqueBinary *LLVMBinaryRef;
typedef struct LLVMOpaqueSectionIterator *LLVMSectionIteratorRef;
typedef struct LLVMOpaqueSymbolIterator *LLVMSymbolIteratorRef;
typedef struct LLVMOpaqueRelocationIterator *LLVMRelocationIteratorRef;
typedef void *LLVMDisasmContextRef;
typedef int (*LLVMOpInfoCallback)(void *DisInfo, uint64_t PC, uint64_t Offset,
                                  uint64_t OpSize, uint64_t InstSize,
                                  int TagType, void *TagBuf);
typedef const char *(*LLVMSymbolLookupCallback)(void *DisInfo,
                                                uint64_t ReferenceValue,
                                                uint64_t *ReferenceType,
                                                uint64_t ReferencePC,
                                                const char **ReferenceName);
typedef unsigned LLVMAttributeIndex;
typedef void (*LLVMDiagnosticHandler)(LLVMDiagnosticInfoRef, void *);
typedef void (*LLVMFatalErrorHandler)(const char *Reason);

typedef int LLVMLinkage;
typedef int LLVMVisibility;
typedef int LLVMUnnamedAddr;
typedef int LLVMValueKind;
typedef int LLVMTypeKind;
typedef int LLVMOpcode;
typedef int LLVMDiagnosticSeverity;
typedef int LLVMCodeGenOptLevel;
typedef int LLVMRelocMode;
typedef int LLVMCodeModel;
typedef int LLVMCodeGenFileType;
typedef int LLVMVerifierFailureAction;
#endif

/* What an entry's need says, as a number (LLVMAPI_NEED(required)). */
#define LLVMAPI_NEED_required 1
#define LLVMAPI_NEED_optional 0
#define LLVMAPI_NEED(need) LLVMAPI_NEED_##need

#define LLVM_FUNCTIONS(X) \
	/* Core: contexts, messages, memory buffers */ \
	X(14, required, LLVMContextRef, LLVMContextCreate, (void)) \
	X(14, required, void, LLVMContextDispose, (LLVMContextRef C)) \
	X(14, required, void, LLVMContextSetDiagnosticHandler, (LLVMContextRef C, LLVMDiagnosticHandler Handler, void *DiagnosticContext)) \
	X(14, required, char *, LLVMGetDiagInfoDescription, (LLVMDiagnosticInfoRef DI)) \
	X(14, required, LLVMDiagnosticSeverity, LLVMGetDiagInfoSeverity, (LLVMDiagnosticInfoRef DI)) \
	X(14, required, void, LLVMDisposeMessage, (char *Message)) \
	X(14, required, LLVMMemoryBufferRef, LLVMCreateMemoryBufferWithMemoryRange, (const char *InputData, size_t InputDataLength, const char *BufferName, LLVMBool RequiresNullTerminator)) \
	X(14, required, void, LLVMDisposeMemoryBuffer, (LLVMMemoryBufferRef MemBuf)) \
	X(14, required, const char *, LLVMGetBufferStart, (LLVMMemoryBufferRef MemBuf)) \
	X(14, required, size_t, LLVMGetBufferSize, (LLVMMemoryBufferRef MemBuf)) \
	X(14, required, void, LLVMParseCommandLineOptions, (int argc, const char *const *argv, const char *Overview)) \
	X(14, required, void, LLVMInstallFatalErrorHandler, (LLVMFatalErrorHandler Handler)) \
	X(16, required, void, LLVMGetVersion, (unsigned *Major, unsigned *Minor, unsigned *Patch)) \
	/* Modules */ \
	X(14, required, LLVMBool, LLVMParseBitcodeInContext2, (LLVMContextRef ContextRef, LLVMMemoryBufferRef MemBuf, LLVMModuleRef *OutModule)) \
	X(14, required, LLVMBool, LLVMGetBitcodeModuleInContext2, (LLVMContextRef ContextRef, LLVMMemoryBufferRef MemBuf, LLVMModuleRef *OutM)) \
	X(14, required, LLVMModuleRef, LLVMModuleCreateWithNameInContext, (const char *ModuleID, LLVMContextRef C)) \
	X(14, required, void, LLVMDisposeModule, (LLVMModuleRef M)) \
	X(14, required, LLVMModuleRef, LLVMCloneModule, (LLVMModuleRef M)) \
	X(14, required, LLVMContextRef, LLVMGetModuleContext, (LLVMModuleRef M)) \
	X(14, required, const char *, LLVMGetTarget, (LLVMModuleRef M)) \
	X(14, required, void, LLVMSetTarget, (LLVMModuleRef M, const char *Triple)) \
	X(14, required, const char *, LLVMGetDataLayoutStr, (LLVMModuleRef M)) \
	X(14, required, void, LLVMSetDataLayout, (LLVMModuleRef M, const char *DataLayoutStr)) \
	X(14, required, LLVMBool, LLVMLinkModules2, (LLVMModuleRef Dest, LLVMModuleRef Src)) \
	X(14, required, LLVMBool, LLVMVerifyModule, (LLVMModuleRef M, LLVMVerifierFailureAction Action, char **OutMessage)) \
	X(14, required, LLVMMemoryBufferRef, LLVMWriteBitcodeToMemoryBuffer, (LLVMModuleRef M)) \
	X(14, required, void, LLVMSetModuleInlineAsm2, (LLVMModuleRef M, const char *Asm, size_t Len)) \
	/* Without it, any inline asm in a helper file with statics marked \
	 * used is taken to name them (llvm_unique.c). */ \
	X(19, optional, const char *, LLVMGetInlineAsmAsmString, (LLVMValueRef InlineAsmVal, size_t *Len)) \
	X(19, optional, const char *, LLVMGetInlineAsmConstraintString, (LLVMValueRef InlineAsmVal, size_t *Len)) \
	X(14, required, char *, LLVMPrintModuleToString, (LLVMModuleRef M)) \
	/* Metadata: module flags are read from the llvm.module.flags node, \
	 * because LLVMCopyModuleFlagsMetadata() reaches llvm_unreachable() \
	 * on the Max and Min behaviours that rustc uses (LLVM 22). */ \
	X(14, required, unsigned, LLVMGetNamedMetadataNumOperands, (LLVMModuleRef M, const char *Name)) \
	X(14, required, void, LLVMGetNamedMetadataOperands, (LLVMModuleRef M, const char *Name, LLVMValueRef *Dest)) \
	X(14, required, unsigned, LLVMGetMDNodeNumOperands, (LLVMValueRef V)) \
	X(14, required, void, LLVMGetMDNodeOperands, (LLVMValueRef V, LLVMValueRef *Dest)) \
	X(14, required, const char *, LLVMGetMDString, (LLVMValueRef V, unsigned *Length)) \
	/* Global values */ \
	X(14, required, LLVMValueRef, LLVMGetFirstFunction, (LLVMModuleRef M)) \
	X(14, required, LLVMValueRef, LLVMGetNextFunction, (LLVMValueRef Fn)) \
	X(14, required, LLVMValueRef, LLVMGetFirstGlobal, (LLVMModuleRef M)) \
	X(14, required, LLVMValueRef, LLVMGetNextGlobal, (LLVMValueRef GlobalVar)) \
	X(14, required, LLVMValueRef, LLVMGetFirstGlobalAlias, (LLVMModuleRef M)) \
	X(14, required, LLVMValueRef, LLVMGetNextGlobalAlias, (LLVMValueRef GA)) \
	X(14, required, LLVMValueRef, LLVMGetFirstGlobalIFunc, (LLVMModuleRef M)) \
	X(14, required, LLVMValueRef, LLVMGetNextGlobalIFunc, (LLVMValueRef IFunc)) \
	X(14, required, LLVMValueRef, LLVMAliasGetAliasee, (LLVMValueRef Alias)) \
	X(14, required, LLVMValueRef, LLVMGetGlobalIFuncResolver, (LLVMValueRef IFunc)) \
	/* Aliases cannot be deleted through the C API; they are pointed \
	 * at something harmless instead.  IFuncs can be erased. */ \
	X(14, required, void, LLVMAliasSetAliasee, (LLVMValueRef Alias, LLVMValueRef Aliasee)) \
	X(14, required, void, LLVMEraseGlobalIFunc, (LLVMValueRef IFunc)) \
	X(14, required, LLVMValueRef, LLVMGetNamedFunction, (LLVMModuleRef M, const char *Name)) \
	X(14, required, LLVMValueRef, LLVMGetNamedGlobal, (LLVMModuleRef M, const char *Name)) \
	X(14, required, LLVMValueRef, LLVMGetNamedGlobalAlias, (LLVMModuleRef M, const char *Name, size_t NameLen)) \
	X(14, required, LLVMValueRef, LLVMGetNamedGlobalIFunc, (LLVMModuleRef M, const char *Name, size_t NameLen)) \
	/* Removes every !dbg, debug intrinsic, compile unit and the "Debug \
	 * Info Version" flag of a module (llvm-c/DebugInfo.h). */ \
	X(14, required, LLVMBool, LLVMStripModuleDebugInfo, (LLVMModuleRef Module)) \
	X(14, required, LLVMModuleRef, LLVMGetGlobalParent, (LLVMValueRef Global)) \
	X(14, required, const char *, LLVMGetValueName2, (LLVMValueRef Val, size_t *Length)) \
	X(14, required, void, LLVMSetValueName2, (LLVMValueRef Val, const char *Name, size_t NameLen)) \
	X(14, required, LLVMBool, LLVMIsDeclaration, (LLVMValueRef Global)) \
	X(14, required, LLVMLinkage, LLVMGetLinkage, (LLVMValueRef Global)) \
	X(14, required, void, LLVMSetLinkage, (LLVMValueRef Global, LLVMLinkage Linkage)) \
	X(14, required, LLVMVisibility, LLVMGetVisibility, (LLVMValueRef Global)) \
	X(14, required, void, LLVMSetVisibility, (LLVMValueRef Global, LLVMVisibility Viz)) \
	X(14, required, const char *, LLVMGetSection, (LLVMValueRef Global)) \
	X(14, required, void, LLVMSetSection, (LLVMValueRef Global, const char *Section)) \
	X(14, required, LLVMUnnamedAddr, LLVMGetUnnamedAddress, (LLVMValueRef Global)) \
	X(14, required, LLVMTypeRef, LLVMGlobalGetValueType, (LLVMValueRef Global)) \
	X(14, required, unsigned, LLVMGetAlignment, (LLVMValueRef V)) \
	X(14, required, void, LLVMSetAlignment, (LLVMValueRef V, unsigned Bytes)) \
	X(14, required, LLVMValueRef, LLVMBuildInBoundsGEP2, (LLVMBuilderRef B, LLVMTypeRef Ty, LLVMValueRef Pointer, LLVMValueRef *Indices, unsigned NumIndices, const char *Name)) \
	X(14, required, LLVMValueRef, LLVMBuildLoad2, (LLVMBuilderRef B, LLVMTypeRef Ty, LLVMValueRef PointerVal, const char *Name)) \
	X(14, required, LLVMComdatRef, LLVMGetComdat, (LLVMValueRef V)) \
	X(14, required, void, LLVMSetComdat, (LLVMValueRef V, LLVMComdatRef C)) \
	X(14, required, LLVMBool, LLVMIsThreadLocal, (LLVMValueRef GlobalVar)) \
	X(14, required, LLVMBool, LLVMIsGlobalConstant, (LLVMValueRef GlobalVar)) \
	X(14, required, void, LLVMSetGlobalConstant, (LLVMValueRef GlobalVar, LLVMBool IsConstant)) \
	X(14, required, LLVMValueRef, LLVMGetInitializer, (LLVMValueRef GlobalVar)) \
	X(14, required, void, LLVMSetInitializer, (LLVMValueRef GlobalVar, LLVMValueRef ConstantVal)) \
	X(14, required, LLVMValueRef, LLVMAddFunction, (LLVMModuleRef M, const char *Name, LLVMTypeRef FunctionTy)) \
	X(14, required, LLVMValueRef, LLVMAddGlobal, (LLVMModuleRef M, LLVMTypeRef Ty, const char *Name)) \
	X(14, required, void, LLVMDeleteFunction, (LLVMValueRef Fn)) \
	X(14, required, void, LLVMDeleteGlobal, (LLVMValueRef GlobalVar)) \
	X(14, required, unsigned, LLVMCountBasicBlocks, (LLVMValueRef Fn)) \
	/* Values, uses and constants */ \
	X(14, required, LLVMValueKind, LLVMGetValueKind, (LLVMValueRef Val)) \
	X(14, required, LLVMTypeRef, LLVMTypeOf, (LLVMValueRef Val)) \
	X(14, required, void, LLVMReplaceAllUsesWith, (LLVMValueRef OldVal, LLVMValueRef NewVal)) \
	X(14, required, LLVMUseRef, LLVMGetFirstUse, (LLVMValueRef Val)) \
	X(14, required, LLVMUseRef, LLVMGetNextUse, (LLVMUseRef U)) \
	X(14, required, LLVMValueRef, LLVMGetUser, (LLVMUseRef U)) \
	X(14, required, LLVMBasicBlockRef, LLVMGetInstructionParent, (LLVMValueRef Inst)) \
	X(14, required, LLVMValueRef, LLVMGetBasicBlockParent, (LLVMBasicBlockRef BB)) \
	X(14, required, int, LLVMGetNumOperands, (LLVMValueRef Val)) \
	X(14, required, LLVMValueRef, LLVMGetOperand, (LLVMValueRef Val, unsigned Index)) \
	X(14, required, void, LLVMSetOperand, (LLVMValueRef User, unsigned Index, LLVMValueRef Val)) \
	X(14, required, LLVMUseRef, LLVMGetOperandUse, (LLVMValueRef Val, unsigned Index)) \
	X(14, required, LLVMValueRef, LLVMConstNull, (LLVMTypeRef Ty)) \
	X(14, required, LLVMBasicBlockRef, LLVMGetFirstBasicBlock, (LLVMValueRef Fn)) \
	X(14, required, LLVMBasicBlockRef, LLVMGetNextBasicBlock, (LLVMBasicBlockRef BB)) \
	X(14, required, LLVMValueRef, LLVMGetFirstInstruction, (LLVMBasicBlockRef BB)) \
	X(14, required, LLVMValueRef, LLVMGetNextInstruction, (LLVMValueRef Inst)) \
	X(14, required, LLVMOpcode, LLVMGetInstructionOpcode, (LLVMValueRef Inst)) \
	X(14, required, LLVMValueRef, LLVMGetCalledValue, (LLVMValueRef Instr)) \
	X(14, required, LLVMOpcode, LLVMGetConstOpcode, (LLVMValueRef ConstantVal)) \
	X(14, required, LLVMBool, LLVMIsNull, (LLVMValueRef Val)) \
	X(14, required, LLVMBool, LLVMIsUndef, (LLVMValueRef Val)) \
	X(14, required, LLVMBool, LLVMIsConstantString, (LLVMValueRef c)) \
	X(14, required, const char *, LLVMGetAsString, (LLVMValueRef c, size_t *Length)) \
	X(14, required, unsigned long long, LLVMConstIntGetZExtValue, (LLVMValueRef ConstantVal)) \
	X(15, optional, LLVMValueRef, LLVMGetAggregateElement, (LLVMValueRef C, unsigned Idx)) \
	/* Types and data layouts */ \
	X(14, required, LLVMTypeKind, LLVMGetTypeKind, (LLVMTypeRef Ty)) \
	X(14, required, LLVMContextRef, LLVMGetTypeContext, (LLVMTypeRef Ty)) \
	X(14, required, LLVMTypeRef, LLVMGetElementType, (LLVMTypeRef Ty)) \
	X(14, required, unsigned, LLVMGetIntTypeWidth, (LLVMTypeRef IntegerTy)) \
	X(14, required, unsigned, LLVMGetVectorSize, (LLVMTypeRef VectorTy)) \
	X(14, required, unsigned, LLVMGetIntrinsicID, (LLVMValueRef Fn)) \
	X(14, required, unsigned, LLVMGetNumArgOperands, (LLVMValueRef Instr)) \
	X(14, required, unsigned, LLVMGetPointerAddressSpace, (LLVMTypeRef PointerTy)) \
	X(14, required, unsigned, LLVMGetArrayLength, (LLVMTypeRef ArrayTy)) \
	X(14, required, unsigned, LLVMCountStructElementTypes, (LLVMTypeRef StructTy)) \
	X(14, required, LLVMTypeRef, LLVMStructGetTypeAtIndex, (LLVMTypeRef StructTy, unsigned i)) \
	X(14, required, LLVMBool, LLVMIsFunctionVarArg, (LLVMTypeRef FunctionTy)) \
	X(14, required, LLVMTypeRef, LLVMGetReturnType, (LLVMTypeRef FunctionTy)) \
	X(14, required, unsigned, LLVMCountParamTypes, (LLVMTypeRef FunctionTy)) \
	X(14, required, void, LLVMGetParamTypes, (LLVMTypeRef FunctionTy, LLVMTypeRef *Dest)) \
	X(14, required, char *, LLVMPrintTypeToString, (LLVMTypeRef Val)) \
	/* Calls and instruction building (signature.c) */ \
	X(14, required, LLVMTypeRef, LLVMGetCalledFunctionType, (LLVMValueRef C)) \
	X(14, required, unsigned, LLVMGetInstructionCallConv, (LLVMValueRef Instr)) \
	X(14, required, void, LLVMSetInstructionCallConv, (LLVMValueRef Instr, unsigned CC)) \
	X(14, required, LLVMBool, LLVMIsTailCall, (LLVMValueRef CallInst)) \
	X(14, required, void, LLVMSetTailCall, (LLVMValueRef CallInst, LLVMBool IsTailCall)) \
	X(14, required, unsigned, LLVMGetCallSiteAttributeCount, (LLVMValueRef C, LLVMAttributeIndex Idx)) \
	X(14, required, void, LLVMGetCallSiteAttributes, (LLVMValueRef C, LLVMAttributeIndex Idx, LLVMAttributeRef *Attrs)) \
	X(14, required, void, LLVMAddCallSiteAttribute, (LLVMValueRef C, LLVMAttributeIndex Idx, LLVMAttributeRef A)) \
	X(14, required, LLVMAttributeRef, LLVMGetCallSiteEnumAttribute, (LLVMValueRef C, LLVMAttributeIndex Idx, unsigned KindID)) \
	X(14, required, unsigned, LLVMGetAttributeCountAtIndex, (LLVMValueRef F, LLVMAttributeIndex Idx)) \
	X(14, required, void, LLVMGetAttributesAtIndex, (LLVMValueRef F, LLVMAttributeIndex Idx, LLVMAttributeRef *Attrs)) \
	/* Without it, a call whose type differs from its helper's stays (signature.c). */ \
	X(18, optional, unsigned, LLVMGetNumOperandBundles, (LLVMValueRef C)) \
	X(14, required, LLVMMetadataRef, LLVMInstructionGetDebugLoc, (LLVMValueRef Inst)) \
	X(14, required, void, LLVMInstructionSetDebugLoc, (LLVMValueRef Inst, LLVMMetadataRef Loc)) \
	X(14, required, void, LLVMInstructionEraseFromParent, (LLVMValueRef Inst)) \
	X(14, required, LLVMValueRef, LLVMGetPoison, (LLVMTypeRef Ty)) \
	X(14, required, LLVMBuilderRef, LLVMCreateBuilderInContext, (LLVMContextRef C)) \
	X(14, required, void, LLVMDisposeBuilder, (LLVMBuilderRef Builder)) \
	X(14, required, void, LLVMPositionBuilderBefore, (LLVMBuilderRef Builder, LLVMValueRef Instr)) \
	X(14, required, LLVMValueRef, LLVMBuildCall2, (LLVMBuilderRef B, LLVMTypeRef Ty, LLVMValueRef Fn, LLVMValueRef *Args, unsigned NumArgs, const char *Name)) \
	X(14, required, LLVMValueRef, LLVMBuildPtrToInt, (LLVMBuilderRef B, LLVMValueRef Val, LLVMTypeRef DestTy, const char *Name)) \
	X(14, required, LLVMValueRef, LLVMBuildIntToPtr, (LLVMBuilderRef B, LLVMValueRef Val, LLVMTypeRef DestTy, const char *Name)) \
	X(14, required, LLVMValueRef, LLVMBuildExtractValue, (LLVMBuilderRef B, LLVMValueRef AggVal, unsigned Index, const char *Name)) \
	X(14, required, LLVMValueRef, LLVMBuildInsertValue, (LLVMBuilderRef B, LLVMValueRef AggVal, LLVMValueRef EltVal, unsigned Index, const char *Name)) \
	X(14, required, LLVMValueRef, LLVMBuildInvoke2, (LLVMBuilderRef B, LLVMTypeRef Ty, LLVMValueRef Fn, LLVMValueRef *Args, unsigned NumArgs, LLVMBasicBlockRef Then, LLVMBasicBlockRef Catch, const char *Name)) \
	X(14, required, LLVMBasicBlockRef, LLVMGetNormalDest, (LLVMValueRef InvokeInst)) \
	X(14, required, LLVMBasicBlockRef, LLVMGetUnwindDest, (LLVMValueRef InvokeInst)) \
	X(14, required, LLVMValueRef, LLVMBasicBlockAsValue, (LLVMBasicBlockRef BB)) \
	X(14, required, void, LLVMPositionBuilder, (LLVMBuilderRef Builder, LLVMBasicBlockRef Block, LLVMValueRef Instr)) \
	X(14, required, void, LLVMPositionBuilderAtEnd, (LLVMBuilderRef Builder, LLVMBasicBlockRef Block)) \
	X(14, required, LLVMValueRef, LLVMBuildTrunc, (LLVMBuilderRef B, LLVMValueRef Val, LLVMTypeRef DestTy, const char *Name)) \
	X(14, required, LLVMValueRef, LLVMBuildZExt, (LLVMBuilderRef B, LLVMValueRef Val, LLVMTypeRef DestTy, const char *Name)) \
	X(14, required, LLVMValueRef, LLVMBuildBitCast, (LLVMBuilderRef B, LLVMValueRef Val, LLVMTypeRef DestTy, const char *Name)) \
	X(14, required, LLVMValueRef, LLVMBuildShl, (LLVMBuilderRef B, LLVMValueRef LHS, LLVMValueRef RHS, const char *Name)) \
	X(14, required, LLVMValueRef, LLVMBuildLShr, (LLVMBuilderRef B, LLVMValueRef LHS, LLVMValueRef RHS, const char *Name)) \
	X(14, required, LLVMValueRef, LLVMBuildOr, (LLVMBuilderRef B, LLVMValueRef LHS, LLVMValueRef RHS, const char *Name)) \
	X(14, required, LLVMValueRef, LLVMConstInt, (LLVMTypeRef IntTy, unsigned long long N, LLVMBool SignExtend)) \
	X(14, required, void, LLVMAppendModuleInlineAsm, (LLVMModuleRef M, const char *Asm, size_t Len)) \
	X(14, required, LLVMMetadataRef, LLVMMDStringInContext2, (LLVMContextRef C, const char *Str, size_t SLen)) \
	X(14, required, LLVMMetadataRef, LLVMMDNodeInContext2, (LLVMContextRef C, LLVMMetadataRef *MDs, size_t Count)) \
	X(14, required, LLVMValueRef, LLVMMetadataAsValue, (LLVMContextRef C, LLVMMetadataRef MD)) \
	X(14, required, void, LLVMAddNamedMetadataOperand, (LLVMModuleRef M, const char *Name, LLVMValueRef Val)) \
	X(14, required, LLVMTypeRef, LLVMIntTypeInContext, (LLVMContextRef C, unsigned NumBits)) \
	X(14, required, LLVMTypeRef, LLVMHalfTypeInContext, (LLVMContextRef C)) \
	X(14, required, LLVMTypeRef, LLVMFloatTypeInContext, (LLVMContextRef C)) \
	X(14, required, LLVMTypeRef, LLVMDoubleTypeInContext, (LLVMContextRef C)) \
	X(14, required, LLVMTypeRef, LLVMX86FP80TypeInContext, (LLVMContextRef C)) \
	X(14, required, LLVMTypeRef, LLVMFP128TypeInContext, (LLVMContextRef C)) \
	X(15, required, LLVMTypeRef, LLVMPointerTypeInContext, (LLVMContextRef C, unsigned AddressSpace)) \
	X(14, required, LLVMTypeRef, LLVMVectorType, (LLVMTypeRef ElementType, unsigned ElementCount)) \
	X(14, required, LLVMTargetDataRef, LLVMCreateTargetData, (const char *StringRep)) \
	X(14, required, void, LLVMDisposeTargetData, (LLVMTargetDataRef TD)) \
	X(14, required, LLVMTargetDataRef, LLVMGetModuleDataLayout, (LLVMModuleRef M)) \
	X(14, required, unsigned, LLVMPointerSize, (LLVMTargetDataRef TD)) \
	X(14, required, unsigned long long, LLVMABISizeOfType, (LLVMTargetDataRef TD, LLVMTypeRef Ty)) \
	X(14, required, LLVMTypeRef, LLVMGetTypeAttributeValue, (LLVMAttributeRef A)) \
	X(14, required, uint64_t, LLVMGetEnumAttributeValue, (LLVMAttributeRef A)) \
	X(14, required, unsigned long long, LLVMSizeOfTypeInBits, (LLVMTargetDataRef TD, LLVMTypeRef Ty)) \
	X(14, required, unsigned, LLVMABIAlignmentOfType, (LLVMTargetDataRef TD, LLVMTypeRef Ty)) \
	/* Attributes */ \
	X(14, required, unsigned, LLVMGetEnumAttributeKindForName, (const char *Name, size_t SLen)) \
	X(14, required, LLVMAttributeRef, LLVMCreateEnumAttribute, (LLVMContextRef C, unsigned KindID, uint64_t Val)) \
	X(14, required, void, LLVMAddAttributeAtIndex, (LLVMValueRef F, LLVMAttributeIndex Idx, LLVMAttributeRef A)) \
	X(14, required, LLVMAttributeRef, LLVMGetEnumAttributeAtIndex, (LLVMValueRef F, LLVMAttributeIndex Idx, unsigned KindID)) \
	X(14, required, void, LLVMRemoveEnumAttributeAtIndex, (LLVMValueRef F, LLVMAttributeIndex Idx, unsigned KindID)) \
	X(14, required, LLVMAttributeRef, LLVMGetStringAttributeAtIndex, (LLVMValueRef F, LLVMAttributeIndex Idx, const char *K, unsigned KLen)) \
	X(14, required, const char *, LLVMGetStringAttributeValue, (LLVMAttributeRef A, unsigned *Length)) \
	X(14, required, LLVMAttributeRef, LLVMCreateStringAttribute, (LLVMContextRef C, const char *K, unsigned KLength, const char *V, unsigned VLength)) \
	X(14, required, void, LLVMRemoveStringAttributeAtIndex, (LLVMValueRef F, LLVMAttributeIndex Idx, const char *K, unsigned KLen)) \
	/* Targets and code generation */ \
	X(14, required, LLVMBool, LLVMGetTargetFromTriple, (const char *Triple, LLVMTargetRef *T, char **ErrorMessage)) \
	X(14, required, LLVMTargetMachineRef, LLVMCreateTargetMachine, (LLVMTargetRef T, const char *Triple, const char *CPU, const char *Features, LLVMCodeGenOptLevel Level, LLVMRelocMode Reloc, LLVMCodeModel CodeModel)) \
	X(14, required, void, LLVMDisposeTargetMachine, (LLVMTargetMachineRef T)) \
	X(14, required, LLVMBool, LLVMTargetMachineEmitToMemoryBuffer, (LLVMTargetMachineRef T, LLVMModuleRef M, LLVMCodeGenFileType codegen, char **ErrorMessage, LLVMMemoryBufferRef *OutMemBuf)) \
	/* The options API is the only way to pass an ABI name (RISC-V's \
	 * "target-abi" module flag); without it, the ABI is LLVM's default. */ \
	X(18, optional, LLVMTargetMachineOptionsRef, LLVMCreateTargetMachineOptions, (void)) \
	X(18, optional, void, LLVMDisposeTargetMachineOptions, (LLVMTargetMachineOptionsRef Options)) \
	X(18, optional, void, LLVMTargetMachineOptionsSetCPU, (LLVMTargetMachineOptionsRef Options, const char *CPU)) \
	X(18, optional, void, LLVMTargetMachineOptionsSetFeatures, (LLVMTargetMachineOptionsRef Options, const char *Features)) \
	X(18, optional, void, LLVMTargetMachineOptionsSetABI, (LLVMTargetMachineOptionsRef Options, const char *ABI)) \
	X(18, optional, void, LLVMTargetMachineOptionsSetCodeGenOptLevel, (LLVMTargetMachineOptionsRef Options, LLVMCodeGenOptLevel Level)) \
	X(18, optional, void, LLVMTargetMachineOptionsSetRelocMode, (LLVMTargetMachineOptionsRef Options, LLVMRelocMode Reloc)) \
	X(18, optional, void, LLVMTargetMachineOptionsSetCodeModel, (LLVMTargetMachineOptionsRef Options, LLVMCodeModel CodeModel)) \
	X(18, optional, LLVMTargetMachineRef, LLVMCreateTargetMachineWithOptions, (LLVMTargetRef T, const char *Triple, LLVMTargetMachineOptionsRef Options)) \
	/* Object files (helperlink report) */ \
	X(14, required, LLVMBinaryRef, LLVMCreateBinary, (LLVMMemoryBufferRef MemBuf, LLVMContextRef Context, char **ErrorMessage)) \
	X(14, required, void, LLVMDisposeBinary, (LLVMBinaryRef BR)) \
	X(14, required, LLVMSectionIteratorRef, LLVMObjectFileCopySectionIterator, (LLVMBinaryRef BR)) \
	X(14, required, LLVMBool, LLVMObjectFileIsSectionIteratorAtEnd, (LLVMBinaryRef BR, LLVMSectionIteratorRef SI)) \
	X(14, required, LLVMSymbolIteratorRef, LLVMObjectFileCopySymbolIterator, (LLVMBinaryRef BR)) \
	X(14, required, LLVMBool, LLVMObjectFileIsSymbolIteratorAtEnd, (LLVMBinaryRef BR, LLVMSymbolIteratorRef SI)) \
	X(14, required, void, LLVMDisposeSectionIterator, (LLVMSectionIteratorRef SI)) \
	X(14, required, void, LLVMMoveToNextSection, (LLVMSectionIteratorRef SI)) \
	X(14, required, void, LLVMMoveToContainingSection, (LLVMSectionIteratorRef Sect, LLVMSymbolIteratorRef Sym)) \
	X(14, required, void, LLVMDisposeSymbolIterator, (LLVMSymbolIteratorRef SI)) \
	X(14, required, void, LLVMMoveToNextSymbol, (LLVMSymbolIteratorRef SI)) \
	X(14, required, const char *, LLVMGetSectionName, (LLVMSectionIteratorRef SI)) \
	X(14, required, uint64_t, LLVMGetSectionSize, (LLVMSectionIteratorRef SI)) \
	X(14, required, const char *, LLVMGetSectionContents, (LLVMSectionIteratorRef SI)) \
	X(14, required, LLVMRelocationIteratorRef, LLVMGetRelocations, (LLVMSectionIteratorRef Section)) \
	X(14, required, void, LLVMDisposeRelocationIterator, (LLVMRelocationIteratorRef RI)) \
	X(14, required, LLVMBool, LLVMIsRelocationIteratorAtEnd, (LLVMSectionIteratorRef Section, LLVMRelocationIteratorRef RI)) \
	X(14, required, void, LLVMMoveToNextRelocation, (LLVMRelocationIteratorRef RI)) \
	X(14, required, const char *, LLVMGetSymbolName, (LLVMSymbolIteratorRef SI)) \
	X(14, required, uint64_t, LLVMGetSymbolAddress, (LLVMSymbolIteratorRef SI)) \
	X(14, required, uint64_t, LLVMGetSymbolSize, (LLVMSymbolIteratorRef SI)) \
	X(14, required, uint64_t, LLVMGetRelocationOffset, (LLVMRelocationIteratorRef RI)) \
	X(14, required, LLVMSymbolIteratorRef, LLVMGetRelocationSymbol, (LLVMRelocationIteratorRef RI)) \
	X(14, required, uint64_t, LLVMGetRelocationType, (LLVMRelocationIteratorRef RI)) \
	X(14, required, LLVMDisasmContextRef, LLVMCreateDisasm, (const char *TripleName, void *DisInfo, int TagType, LLVMOpInfoCallback GetOpInfo, LLVMSymbolLookupCallback SymbolLookUp)) \
	X(14, required, size_t, LLVMDisasmInstruction, (LLVMDisasmContextRef DC, uint8_t *Bytes, uint64_t BytesSize, uint64_t PC, char *OutString, size_t OutStringSize)) \
	X(14, required, void, LLVMDisasmDispose, (LLVMDisasmContextRef DC)) \
	/* Passes */ \
	X(14, required, LLVMPassBuilderOptionsRef, LLVMCreatePassBuilderOptions, (void)) \
	X(14, required, void, LLVMDisposePassBuilderOptions, (LLVMPassBuilderOptionsRef Options)) \
	X(14, required, LLVMErrorRef, LLVMRunPasses, (LLVMModuleRef M, const char *Passes, LLVMTargetMachineRef TM, LLVMPassBuilderOptionsRef Options)) \
	/* Without it, cleanup runs on the whole module, not on changed functions. */ \
	X(20, optional, LLVMErrorRef, LLVMRunPassesOnFunction, (LLVMValueRef F, const char *Passes, LLVMTargetMachineRef TM, LLVMPassBuilderOptionsRef Options)) \
	X(14, required, char *, LLVMGetErrorMessage, (LLVMErrorRef Err)) \
	X(14, required, void, LLVMDisposeErrorMessage, (char *ErrMsg))

#define LLVM_CONSTANTS(V) \
	V(14, LLVMExternalLinkage, 0) \
	V(14, LLVMAvailableExternallyLinkage, 1) \
	V(14, LLVMLinkOnceAnyLinkage, 2) \
	V(14, LLVMLinkOnceODRLinkage, 3) \
	V(14, LLVMWeakAnyLinkage, 5) \
	V(14, LLVMWeakODRLinkage, 6) \
	V(14, LLVMAppendingLinkage, 7) \
	V(14, LLVMInternalLinkage, 8) \
	V(14, LLVMPrivateLinkage, 9) \
	V(14, LLVMExternalWeakLinkage, 12) \
	V(14, LLVMCommonLinkage, 14) \
	V(14, LLVMDefaultVisibility, 0) \
	V(14, LLVMHiddenVisibility, 1) \
	V(14, LLVMProtectedVisibility, 2) \
	V(14, LLVMNoUnnamedAddr, 0) \
	V(14, LLVMLocalUnnamedAddr, 1) \
	V(14, LLVMGlobalUnnamedAddr, 2) \
	V(14, LLVMArgumentValueKind, 0) \
	V(14, LLVMBasicBlockValueKind, 1) \
	V(14, LLVMFunctionValueKind, 5) \
	V(14, LLVMGlobalAliasValueKind, 6) \
	V(14, LLVMGlobalIFuncValueKind, 7) \
	V(14, LLVMGlobalVariableValueKind, 8) \
	V(14, LLVMBlockAddressValueKind, 9) \
	V(14, LLVMConstantExprValueKind, 10) \
	V(14, LLVMConstantArrayValueKind, 11) \
	V(14, LLVMConstantStructValueKind, 12) \
	V(14, LLVMConstantVectorValueKind, 13) \
	V(14, LLVMConstantIntValueKind, 18) \
	V(14, LLVMMetadataAsValueValueKind, 22) \
	V(14, LLVMInlineAsmValueKind, 23) \
	V(14, LLVMInstructionValueKind, 24) \
	V(14, LLVMInvoke, 5) \
	V(14, LLVMLoad, 27) \
	V(14, LLVMStore, 28) \
	V(14, LLVMAtomicCmpXchg, 56) \
	V(14, LLVMAtomicRMW, 57) \
	V(14, LLVMCall, 45) \
	V(14, LLVMPHI, 44) \
	V(14, LLVMCallBr, 67) \
	V(14, LLVMVoidTypeKind, 0) \
	V(14, LLVMHalfTypeKind, 1) \
	V(14, LLVMFloatTypeKind, 2) \
	V(14, LLVMDoubleTypeKind, 3) \
	V(14, LLVMFP128TypeKind, 5) \
	V(14, LLVMVectorTypeKind, 13) \
	V(14, LLVMScalableVectorTypeKind, 17) \
	V(14, LLVMBFloatTypeKind, 18) \
	V(14, LLVMIntegerTypeKind, 8) \
	V(14, LLVMStructTypeKind, 10) \
	V(14, LLVMPointerTypeKind, 12) \
	V(14, LLVMFunctionTypeKind, 9) \
	V(14, LLVMArrayTypeKind, 11) \
	V(14, LLVMSub, 10) \
	V(14, LLVMShl, 20) \
	V(14, LLVMAnd, 23) \
	V(14, LLVMTrunc, 30) \
	V(14, LLVMPtrToInt, 39) \
	V(14, LLVMGetElementPtr, 29) \
	V(14, LLVMDSError, 0) \
	V(14, LLVMDSWarning, 1) \
	V(14, LLVMDSRemark, 2) \
	V(14, LLVMDSNote, 3) \
	V(14, LLVMCodeGenLevelNone, 0) \
	V(14, LLVMCodeGenLevelLess, 1) \
	V(14, LLVMCodeGenLevelDefault, 2) \
	V(14, LLVMCodeGenLevelAggressive, 3) \
	V(14, LLVMRelocDefault, 0) \
	V(14, LLVMRelocStatic, 1) \
	V(14, LLVMRelocPIC, 2) \
	V(14, LLVMCodeModelDefault, 0) \
	V(14, LLVMCodeModelTiny, 2) \
	V(14, LLVMCodeModelSmall, 3) \
	V(14, LLVMCodeModelKernel, 4) \
	V(14, LLVMCodeModelMedium, 5) \
	V(14, LLVMCodeModelLarge, 6) \
	V(14, LLVMAssemblyFile, 0) \
	V(14, LLVMObjectFile, 1) \
	V(14, LLVMReturnStatusAction, 2) \
	V(14, LLVMAttributeReturnIndex, 0) \
	V(14, LLVMAttributeFunctionIndex, -1)

#ifndef LLVMAPI_REAL_HEADERS
#define LLVMAPI_CONSTANT(since, name, value) name = (value),
enum { LLVM_CONSTANTS(LLVMAPI_CONSTANT) };
#undef LLVMAPI_CONSTANT

#define LLVMAPI_POINTER(since, need, ret, name, params) extern ret (*name) params;
LLVM_FUNCTIONS(LLVMAPI_POINTER)
#undef LLVMAPI_POINTER
#endif

#endif
