#!/bin/sh
# `flowlint completions fish` loaded by fish and asked with `complete -C`
# what it offers: every command, every option of each command's --help,
# the values of a fixed-choice option, rule codes and names to explain,
# shell names to completions, file names to check, and none to a
# command that takes no operand.  Skipped when fish is not installed.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
need fish
. "$here/helpers/completions.sh"

"$FLOWLINT" completions fish > flowlint.fish && ok || fail "completions fish"
fish --no-execute flowlint.fish && ok || fail "fish: syntax"
touch flow-a.json flow-b.json
# offers LINE: the candidates fish offers for LINE, one a line.
offers() {
	fish --no-config -c 'source flowlint.fish; complete -C $argv[1]' "$1" | cut -f1 | sort
}

for c in $commands; do
	offers 'flowlint ' | grep -qx -- "$c" && ok || fail "fish: command $c not offered"
	offered=$(offers "flowlint $c --")
	for o in $(options "$c"); do
		printf '%s\n' "$offered" | grep -qx -- "--$o" && ok || fail "fish: $c --$o not offered"
	done
done
[ "$(offers 'flowlint ch' | tr '\n' ' ')" = "check " ] && ok || fail "fish: flowlint ch"
[ "$(offers 'flowlint check --format ' | tr '\n' ' ')" = "codequality json junit sarif text " ] &&
	ok || fail "fish: check --format values"
offered=$(offers 'flowlint explain ')
for w in $rule_words; do
	printf '%s\n' "$offered" | grep -qx -- "$w" || { fail "fish: explain $w not offered"; break; }
done && ok
[ "$(offers 'flowlint completions ' | tr '\n' ' ')" = "bash fish zsh " ] && ok || fail "fish: completions' shells"
[ "$(offers 'flowlint check flow-' | tr '\n' ' ')" = "flow-a.json flow-b.json " ] && ok || fail "fish: check's file names"
offers 'flowlint rules ' | grep -q 'flow-' && fail "fish: rules offers file names" || ok
finish
