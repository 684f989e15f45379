#!/bin/sh
# `flowlint completions zsh` loaded by zsh's own completion system
# (compinit, in an interactive zsh in a pseudo-terminal): after a tab it
# offers every command, every option of each command's --help, the
# values of a fixed-choice option, rule codes and names to explain, shell
# names to completions, file names to check, and none to a command that
# takes no operand.  Skipped when zsh is not installed.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
need zsh
. "$here/helpers/completions.sh"

mkdir fpath
"$FLOWLINT" completions zsh > fpath/_flowlint && ok || fail "completions zsh"
zsh -n fpath/_flowlint && ok || fail "zsh: syntax"
touch flow-a.json flow-b.json

set -- 'flowlint ' 'flowlint check --format ' 'flowlint explain ' \
	'flowlint completions ' 'flowlint check flow-' 'flowlint rules '
for c in $commands; do
	set -- "$@" "flowlint $c --"
done
timeout 120 zsh -f "$here/helpers/zsh_complete.zsh" "$work/fpath" "$@" > offered ||
	fail "zsh: the completion session failed"
# offers LINE: what a tab after LINE offered, one a line.
offers() { awk -F '\t' -v l="$1" '$1 == l { print $2 }' offered; }

for c in $commands; do
	offers 'flowlint ' | grep -qx -- "$c" && ok || fail "zsh: command $c not offered"
	for o in $(options "$c"); do
		offers "flowlint $c --" | grep -qx -- "--$o" && ok || fail "zsh: $c --$o not offered"
	done
done
[ "$(offers 'flowlint check --format ' | tr '\n' ' ')" = "codequality json junit sarif text " ] &&
	ok || { fail "zsh: check --format values"; offers 'flowlint check --format '; }
for w in $rule_words; do
	offers 'flowlint explain ' | grep -qx -- "$w" || { fail "zsh: explain $w not offered"; break; }
done && ok
[ "$(offers 'flowlint completions ' | tr '\n' ' ')" = "bash fish zsh " ] && ok || fail "zsh: completions' shells"
[ "$(offers 'flowlint check flow-' | tr '\n' ' ')" = "flow-a.json flow-b.json " ] && ok || fail "zsh: check's file names"
offers 'flowlint rules ' | grep -q 'flow-' && fail "zsh: rules offers file names" || ok
finish
