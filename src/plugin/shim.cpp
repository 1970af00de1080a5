// plugin/shim.cpp: the C++ that an LLVM pass plugin cannot do without,
// compiled by "helperlink plugin" against the LLVM headers of rustc's
// LLVM major.  rustc -Z llvm-plugins=NAME.so loads it; it registers a
// module pass at the start of rustc's pipeline and again once the module
// is simplified (OptimizerEarly), which hands the module to helperlink's C
// code (plugin/run.c) and stops the compilation with rustc's own fatal
// error when that fails.  Everything else is in C.  The
// plugin links to no libLLVM: its LLVM symbols are the ones rustc has.
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/ErrorHandling.h"
#if __has_include("llvm/Plugins/PassPlugin.h")
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif

extern "C" int helperlink_plugin_run(void *module, const char *name, char *err,
                                     unsigned long errsize);
extern "C" int helperlink_plugin_run_late(void *module, const char *name, char *err,
                                          unsigned long errsize);

// What plugin/run.c calls when helperlink's C code meets a fatal error.
extern "C" [[noreturn]] void helperlink_plugin_stop(const char *why)
{
	// rustc's handler of fatal errors prints it, removes the outputs
	// and exits with 101: the compilation fails.
	llvm::report_fatal_error(why, false);
}

namespace {

struct HelperlinkPass : llvm::PassInfoMixin<HelperlinkPass> {
	bool late;  // the second run, once rustc has simplified the module

	explicit HelperlinkPass(bool late) : late(late) {}
	llvm::PreservedAnalyses run(llvm::Module &m, llvm::ModuleAnalysisManager &)
	{
		llvm::LLVMContext &ctx = m.getContext();
		// helperlink installs its own diagnostic handler while it
		// works; rustc's is put back after.
		std::unique_ptr<llvm::DiagnosticHandler> rustc = ctx.getDiagnosticHandler();
		char err[512] = "";

		ctx.setDiagnosticHandler(std::make_unique<llvm::DiagnosticHandler>());
		int ret = (late ? helperlink_plugin_run_late : helperlink_plugin_run)(
			&m, m.getModuleIdentifier().c_str(), err, sizeof(err));

		ctx.setDiagnosticHandler(std::move(rustc));
		if (ret < 0)
			helperlink_plugin_stop(err);
		return ret > 0 ? llvm::PreservedAnalyses::none()
		               : llvm::PreservedAnalyses::all();
	}
	static bool isRequired() { return true; }
};

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK LLVM_ATTRIBUTE_VISIBILITY_DEFAULT ::llvm::PassPluginLibraryInfo
llvmGetPassPluginInfo()
{
	return {LLVM_PLUGIN_API_VERSION, "helperlink", "1",
	        [](llvm::PassBuilder &pb) {
		        pb.registerPipelineStartEPCallback(
		            [](llvm::ModulePassManager &mpm, llvm::OptimizationLevel) {
			            mpm.addPass(HelperlinkPass(false));
		            });
#if LLVM_VERSION_MAJOR >= 20
		        pb.registerOptimizerEarlyEPCallback(
		            [](llvm::ModulePassManager &mpm, llvm::OptimizationLevel,
		               llvm::ThinOrFullLTOPhase) {
			            mpm.addPass(HelperlinkPass(true));
		            });
#else
		        pb.registerOptimizerEarlyEPCallback(
		            [](llvm::ModulePassManager &mpm, llvm::OptimizationLevel) {
			            mpm.addPass(HelperlinkPass(true));
		            });
#endif
	        }};
}
