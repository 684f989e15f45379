# Sourced by the completion tests: what flowlint's own help lists.
# $commands: every command of `flowlint --help`.
commands=$("$FLOWLINT" --help | awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }')
# options COMMAND: the long options its --help lists.
options() {
	"$FLOWLINT" "$1" --help | sed -n 's/^  *\(-[A-Za-z0-9], \)\{0,1\}--\([a-z][a-z0-9-]*\).*/\2/p'
}
# $rule_words: every rule's code and name, as `flowlint rules` lists them.
rule_words=$("$FLOWLINT" rules | awk '{ print $1; print $2 }')
