# t-user.sh: the userspace fixture, built both ways, must print the same;
# with helperlink no helper call is left, except the one that uses static
# state; unused helpers are not imported, variables are not duplicated.
. "$top/tests/lib.sh"

hl_link app.o "$FX/user-app.bc" --helpers "$FX/user-helpers.bc" --verify
hl_link app.ll "$FX/user-app.bc" --helpers "$FX/user-helpers.bc" --emit=ll

cc "$FX/user-main.o" "$FX/user-lib.o" "$FX/user-helpers.o" "$FX/user-app.o" \
	-o plain && ./plain 1000 >plain.out
cc "$FX/user-main.o" "$FX/user-lib.o" "$FX/user-helpers.o" app.o \
	-o inlined && ./inlined 1000 >inlined.out
check "both programs run" test -s plain.out -a -s inlined.out
same "same output with and without inlining" plain.out inlined.out

for h in ring_push ring_pop ring_len add_total; do
	check "rust_helper_$h is called by plain rustc" \
		test "$(refs rust_helper_$h "$FX/user-app.o")" -gt 0
	check "rust_helper_$h has no call left" \
		test "$(refs rust_helper_$h app.o)" -eq 0
done
check "no helper symbol is defined or exported" \
	sh -c "! nm app.o | grep -q ' [TtDdRrBb] rust_helper_'"

# A helper with static state stays a call, with a warning.
check "rust_helper_stamp stays a call (static state)" \
	test "$(refs rust_helper_stamp app.o)" -gt 0
echo "helperlink: warning: '$FX/user-helpers.bc': not inlining 'rust_helper_stamp': it uses the static variable 'stamps', which must not be duplicated" >stamp.expect
grep 'rust_helper_stamp' app.o.err >stamp.actual
same "the static-state warning" stamp.expect stamp.actual

# Only what the crate uses is imported.
check "unused helper not imported" \
	sh -c "! grep -q 'rust_helper_unused\|unused_big_function' app.ll"
check "unused helpers absent from the object" \
	sh -c "! nm app.o | grep -q 'unused'"

# Variables stay in the C object that defines them.
nm app.o | grep -E ' (helper_total|helper_weights|ring_events|stamps)$' |
	sort >vars.actual
printf '                 U %s\n' helper_total helper_weights ring_events \
	>vars.expect
same "external variables are referenced, not duplicated" vars.expect vars.actual
# The report lists every symbol the object needs now that it did not
# before, the constant too.
"$HL" link "$FX/user-app.bc" --helpers "$FX/user-helpers.bc" -o rep.o \
	--report=app.report 2>/dev/null
new_symbols "$FX/user-app.o" rep.o >new.actual
report_symbols app.report >new.report
check "the object needs helper_total, helper_weights and ring_events now" \
	test "$(tr '\n' ' ' <new.actual)" = "helper_total helper_weights ring_events "
same "the report lists what the object needs now" new.actual new.report
# The constant's value stays visible to the optimizer, but is not emitted.
check "the external constant is available_externally in the IR" \
	grep -q '^@helper_weights = available_externally .*constant' app.ll

# Determinism, for every output kind.
for e in obj asm bc ll; do
	hl_link a.$e "$FX/user-app.bc" --helpers "$FX/user-helpers.bc" --emit=$e
	hl_link b.$e "$FX/user-app.bc" --helpers "$FX/user-helpers.bc" --emit=$e
	check "--emit=$e is byte-identical from run to run" cmp -s a.$e b.$e
done
check "--emit=asm is assembly" grep -q 'app_run:' a.asm
check "--emit=bc is bitcode" sh -c "head -c 2 a.bc | grep -q BC"

# The pipelines agree on behaviour.
for p in none O2; do
	hl_link app-$p.o "$FX/user-app.bc" --helpers "$FX/user-helpers.bc" \
		--opt=$p
	cc "$FX/user-main.o" "$FX/user-lib.o" "$FX/user-helpers.o" app-$p.o \
		-o app-$p && ./app-$p 1000 >app-$p.out
	same "--opt=$p gives the same output" plain.out app-$p.out
done

# Without alwaysinline LLVM decides; here it inlines the small helpers too,
# and the program still behaves the same.
hl_link nf.o "$FX/user-app.bc" --helpers "$FX/user-helpers.bc" \
	--no-force-inline
cc "$FX/user-main.o" "$FX/user-lib.o" "$FX/user-helpers.o" nf.o -o nf &&
	./nf 1000 >nf.out
same "--no-force-inline gives the same output" plain.out nf.out

# No --helpers: the crate is compiled as it is.
hl_link alone.o "$FX/user-app.bc"
check "without helpers every helper call stays" \
	test "$(refs rust_helper_ring_push alone.o)" -eq "$(refs rust_helper_ring_push "$FX/user-app.o")"
