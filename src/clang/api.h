/*
 * clang/api.h: the part of libclang's C API (clang-c/Index.h) that
 * helperlink gen uses, in one place, as llvm/api.h is for LLVM.
 *
 * clang/library.c opens libclang.so with dlopen() and resolves one pointer
 * per entry of CLANG_FUNCTIONS.  Every entry exists in libclang 14 (the
 * oldest Debian 12 has); tests/clangapi_check.c compares them with the
 * installed clang-c headers.  Only the files of src/clang/ include this.
 */
#ifndef CLANG_API_H
#define CLANG_API_H

/* An enumeration: a plain int here, the enum against the real headers. */
#ifdef CLANGAPI_REAL_HEADERS
#define CLANG_ENUM(name) enum name
#else
#define CLANG_ENUM(name) int
typedef void *CXIndex;
typedef struct CXTranslationUnitImpl *CXTranslationUnit;
typedef void *CXClientData;
typedef void *CXDiagnostic;
typedef void *CXFile;
typedef void *CXPrintingPolicy;

typedef struct {
	const void *data;
	unsigned private_flags;
} CXString;

typedef struct {
	int kind;
	int xdata;
	const void *data[3];
} CXCursor;

typedef struct {
	int kind;
	void *data[2];
} CXType;

typedef struct {
	const void *ptr_data[2];
	unsigned int_data;
} CXSourceLocation;

struct CXUnsavedFile {
	const char *Filename;
	const char *Contents;
	unsigned long Length;
};

typedef int (*CXCursorVisitor)(CXCursor cursor, CXCursor parent,
                               CXClientData client_data);
typedef void (*CXInclusionVisitor)(CXFile included_file,
                                   CXSourceLocation *inclusion_stack,
                                   unsigned include_len,
                                   CXClientData client_data);
#endif

#define CLANG_FUNCTIONS(X) \
	X(CXIndex, clang_createIndex, (int excludeDeclarationsFromPCH, int displayDiagnostics)) \
	X(void, clang_disposeIndex, (CXIndex index)) \
	X(CLANG_ENUM(CXErrorCode), clang_parseTranslationUnit2, (CXIndex CIdx, const char *source_filename, const char *const *command_line_args, int num_command_line_args, struct CXUnsavedFile *unsaved_files, unsigned num_unsaved_files, unsigned options, CXTranslationUnit *out_TU)) \
	X(void, clang_disposeTranslationUnit, (CXTranslationUnit)) \
	X(unsigned, clang_getNumDiagnostics, (CXTranslationUnit Unit)) \
	X(CXDiagnostic, clang_getDiagnostic, (CXTranslationUnit Unit, unsigned Index)) \
	X(CLANG_ENUM(CXDiagnosticSeverity), clang_getDiagnosticSeverity, (CXDiagnostic)) \
	X(void, clang_disposeDiagnostic, (CXDiagnostic Diagnostic)) \
	X(CXSourceLocation, clang_getDiagnosticLocation, (CXDiagnostic)) \
	X(CXString, clang_getDiagnosticSpelling, (CXDiagnostic)) \
	X(const char *, clang_getCString, (CXString string)) \
	X(void, clang_disposeString, (CXString string)) \
	X(CXString, clang_getClangVersion, (void)) \
	X(CXCursor, clang_getTranslationUnitCursor, (CXTranslationUnit)) \
	X(unsigned, clang_visitChildren, (CXCursor parent, CXCursorVisitor visitor, CXClientData client_data)) \
	X(void, clang_getInclusions, (CXTranslationUnit tu, CXInclusionVisitor visitor, CXClientData client_data)) \
	X(CLANG_ENUM(CXCursorKind), clang_getCursorKind, (CXCursor)) \
	X(CXString, clang_getCursorSpelling, (CXCursor)) \
	X(unsigned, clang_isCursorDefinition, (CXCursor)) \
	X(CLANG_ENUM(CX_StorageClass), clang_Cursor_getStorageClass, (CXCursor)) \
	X(unsigned, clang_Cursor_isFunctionInlined, (CXCursor C)) \
	X(unsigned, clang_Cursor_isAnonymous, (CXCursor C)) \
	X(int, clang_Cursor_getNumArguments, (CXCursor C)) \
	X(CXCursor, clang_Cursor_getArgument, (CXCursor C, unsigned i)) \
	X(CXCursor, clang_getCursorSemanticParent, (CXCursor cursor)) \
	X(CXCursor, clang_getCursorReferenced, (CXCursor)) \
	X(CXCursor, clang_getNullCursor, (void)) \
	X(int, clang_Cursor_isNull, (CXCursor cursor)) \
	X(unsigned, clang_Cursor_isMacroFunctionLike, (CXCursor C)) \
	X(unsigned, clang_Cursor_isMacroBuiltin, (CXCursor C)) \
	X(unsigned, clang_equalCursors, (CXCursor, CXCursor)) \
	X(CXSourceLocation, clang_getCursorLocation, (CXCursor)) \
	X(void, clang_getFileLocation, (CXSourceLocation location, CXFile *file, unsigned *line, unsigned *column, unsigned *offset)) \
	X(int, clang_Location_isInSystemHeader, (CXSourceLocation location)) \
	X(CXString, clang_getFileName, (CXFile SFile)) \
	X(CXType, clang_getCursorType, (CXCursor C)) \
	X(CXType, clang_getResultType, (CXType T)) \
	X(int, clang_getNumArgTypes, (CXType T)) \
	X(CXType, clang_getArgType, (CXType T, unsigned i)) \
	X(unsigned, clang_isFunctionTypeVariadic, (CXType T)) \
	X(CXString, clang_getTypeSpelling, (CXType CT)) \
	X(CXType, clang_getCanonicalType, (CXType T)) \
	X(CXType, clang_getPointeeType, (CXType T)) \
	X(CXType, clang_getArrayElementType, (CXType T)) \
	X(unsigned, clang_isConstQualifiedType, (CXType T)) \
	X(CXCursor, clang_getTypeDeclaration, (CXType T)) \
	X(CXType, clang_getEnumDeclIntegerType, (CXCursor C)) \
	X(CXString, clang_Cursor_getMangling, (CXCursor)) \
	X(CXType, clang_getTypedefDeclUnderlyingType, (CXCursor C)) \
	X(CXType, clang_Type_getNamedType, (CXType T)) \
	X(CXPrintingPolicy, clang_getCursorPrintingPolicy, (CXCursor)) \
	X(void, clang_PrintingPolicy_setProperty, (CXPrintingPolicy Policy, CLANG_ENUM(CXPrintingPolicyProperty) Property, unsigned Value)) \
	X(void, clang_PrintingPolicy_dispose, (CXPrintingPolicy Policy)) \
	X(CXString, clang_getCursorPrettyPrinted, (CXCursor Cursor, CXPrintingPolicy Policy))

/* Constants, from clang-c/Index.h; tests/clangapi_check.c checks them. */
#define CLANG_CONSTANTS(V) \
	V(CXCursor_StructDecl, 2) \
	V(CXCursor_UnionDecl, 3) \
	V(CXCursor_EnumDecl, 5) \
	V(CXCursor_FieldDecl, 6) \
	V(CXCursor_FunctionDecl, 8) \
	V(CXCursor_VarDecl, 9) \
	V(CXCursor_TypedefDecl, 20) \
	V(CXCursor_DeclRefExpr, 101) \
	V(CXCursor_MacroDefinition, 501) \
	V(CXPrintingPolicy_TerseOutput, 17) \
	V(CXChildVisit_Break, 0) \
	V(CXChildVisit_Continue, 1) \
	V(CXChildVisit_Recurse, 2) \
	V(CX_SC_Static, 3) \
	V(CXDiagnostic_Error, 3) \
	V(CXTranslationUnit_DetailedPreprocessingRecord, 0x01) \
	V(CXTranslationUnit_KeepGoing, 0x200) \
	V(CXType_Void, 2) \
	V(CXType_Bool, 3) \
	V(CXType_Char_U, 4) \
	V(CXType_UChar, 5) \
	V(CXType_UShort, 8) \
	V(CXType_UInt, 9) \
	V(CXType_ULong, 10) \
	V(CXType_ULongLong, 11) \
	V(CXType_UInt128, 12) \
	V(CXType_Char_S, 13) \
	V(CXType_SChar, 14) \
	V(CXType_Short, 16) \
	V(CXType_Int, 17) \
	V(CXType_Long, 18) \
	V(CXType_LongLong, 19) \
	V(CXType_Int128, 20) \
	V(CXType_Float, 21) \
	V(CXType_Double, 22) \
	V(CXType_LongDouble, 23) \
	V(CXType_Pointer, 101) \
	V(CXType_Record, 105) \
	V(CXType_Enum, 106) \
	V(CXType_Typedef, 107) \
	V(CXType_FunctionNoProto, 110) \
	V(CXType_FunctionProto, 111) \
	V(CXType_ConstantArray, 112) \
	V(CXType_Vector, 113) \
	V(CXType_IncompleteArray, 114) \
	V(CXType_VariableArray, 115) \
	V(CXType_DependentSizedArray, 116) \
	V(CXType_Elaborated, 119) \
	V(CXType_ExtVector, 176)

#ifndef CLANGAPI_REAL_HEADERS
#define CLANGAPI_CONSTANT(name, value) name = (value),
enum { CLANG_CONSTANTS(CLANGAPI_CONSTANT) };
#undef CLANGAPI_CONSTANT

#define CLANGAPI_POINTER(ret, name, params) extern ret (*name) params;
CLANG_FUNCTIONS(CLANGAPI_POINTER)
#undef CLANGAPI_POINTER
#endif

#endif
