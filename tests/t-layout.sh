# t-layout.sh: the shape of the source (README "Layout"): no two files
# that call each other in a loop, no command that calls another command
# (scripts/layers, from the objects' symbols), no file longer than about
# 600 lines, and every source file in the Makefile's object lists.
. "$top/tests/lib.sh"

objs=$(cd "$top" && ls src/*.o src/*/*.o 2>/dev/null)
if [ -z "$objs" ]; then
	notok "layers: no objects built"
else
	(cd "$top" && scripts/layers $objs) >layers.out 2>layers.err
	check "no loop of files, no command calling a command" test ! -s layers.err
	detail layers.err
	check "the engine's session calls nothing above it" \
		sh -c "! grep -E '^src/llvm/session.o -> src/llvm/(import|link|inspect|explain|internalize|unique|features|describe|codegen|unify)\.o' layers.out"
fi
(cd "$top" && wc -l src/*.c src/*.h src/*/*.c src/*/*.h) |
	awk '$2 != "total" && $1 > 600 { print $2 " has " $1 " lines" }' >long.out
check "no source file over 600 lines" test ! -s long.out
detail long.out
for f in $(cd "$top" && ls src/*.c src/*/*.c); do
	grep -q "${f%.c}\.o" "$top/Makefile" || echo "$f" >>unlisted.out
done
check "every source file is built" test ! -s unlisted.out
if [ -f unlisted.out ]; then detail unlisted.out; fi
