#!/bin/sh
# `flowlint completions bash|zsh|fish` and `flowlint man` offer and
# document every command and every option that `flowlint --help` and
# each command's --help list, the values of fixed-choice options, and
# every rule of `flowlint rules`.  The bash script is run in bash; the
# man page is rendered by man when it is installed.  The zsh and fish
# scripts are run in those shells by completions_zsh.sh and
# completions_fish.sh.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/helpers/completions.sh"
[ -n "$commands" ] && ok || fail "no commands in --help"

expect_run no-shell 2 'which shell' -- completions
expect_run unknown-shell 2 "unknown shell 'tcsh'" -- completions tcsh
for shell in bash zsh fish; do
	"$FLOWLINT" completions "$shell" >"completions.$shell" && [ -s "completions.$shell" ] && ok ||
		fail "completions $shell"
done

# complete WORDS...: what the bash completion offers for the last word.
complete() {
	bash -c '. ./completions.bash && COMP_WORDS=("$@") && COMP_CWORD=$(($# - 1)) &&
		_flowlint && printf "%s\n" "${COMPREPLY[@]}"' complete "$@"
}
if command -v bash >/dev/null 2>&1; then
	bash -n completions.bash && ok || fail "bash: syntax"
	for c in $commands; do
		complete flowlint "" | grep -qx -- "$c" && ok || fail "bash: command $c not offered"
		offered=$(complete flowlint "$c" --)
		for o in $(options "$c"); do
			printf '%s\n' "$offered" | grep -qx -- "--$o" && ok || fail "bash: $c --$o not offered"
		done
	done
	[ "$(complete flowlint check --format "" | tr '\n' ' ')" = "text json codequality sarif junit " ] &&
		ok || fail "bash: check --format values"
	[ "$(complete flowlint check --color a | tr '\n' ' ')" = "auto always " ] && ok || fail "bash: --color values"
	# Operands: rules to explain, shells to completions, files to
	# check, nothing to a command that takes none.
	offered=$(complete flowlint explain "")
	for w in $rule_words; do
		printf '%s\n' "$offered" | grep -qx -- "$w" || { fail "bash: explain $w not offered"; break; }
	done && ok
	[ "$(complete flowlint completions "" | tr '\n' ' ')" = "bash zsh fish " ] && ok || fail "bash: completions' shells"
	touch flow-a.json
	[ "$(complete flowlint check flow- | tr '\n' ' ')" = "flow-a.json " ] && ok || fail "bash: check's file names"
	[ -z "$(complete flowlint rules flow-)" ] && ok || fail "bash: rules offers file names"
else
	echo "note: bash is not installed; the bash script was not run"
fi
for c in $commands; do
	for o in $(options "$c"); do
		grep -q -- "'--$o[=[]" completions.zsh && ok || fail "zsh: $c --$o missing"
		grep -q -- "__fish_seen_subcommand_from $c' -l $o\\b" completions.fish && ok || fail "fish: $c --$o missing"
	done
done

# The man page: every command, option and rule, rendered without warnings.
"$FLOWLINT" man >flowlint.1 && ok || fail "man"
if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 LANG=C.UTF-8 man -l flowlint.1 >man.txt 2>man.err && ok || { fail "man -l"; cat man.err; }
	[ -s man.err ] && { fail "man -l warns"; cat man.err; } || ok
	for c in $commands; do
		grep -q "^   flowlint $c\$" man.txt && ok || fail "man: no section for $c"
		for o in $(options "$c"); do
			grep -q -- "--$o\\b" man.txt && ok || fail "man: $c --$o missing"
		done
	done
	for code in $("$FLOWLINT" rules | cut -d' ' -f1); do
		grep -q "^       $code " man.txt && ok || fail "man: rule $code missing"
	done
else
	echo "note: man is not installed; the page was not rendered"
fi
finish
