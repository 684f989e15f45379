#!/bin/sh
# Command-line options: every command parses with its option table
# (src/cmd/options.h), so the same mistake gets the same error in every
# command, the shared run options are accepted wherever they mean
# something, and each --help lists exactly what the table declares.
. "$(dirname "$0")/lib.sh"

printf '{"Version":"2019-10-30","StartAction":"a","Metadata":{},"Actions":[{"Identifier":"a","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}\n' > flow.json
printf '{}\n' > other.json

# The same mistakes, the same errors, in check, fix and format.
for cmd in check fix format; do
	expect_run "$cmd-unknown" 2 "^flowlint $cmd: unknown option '--bogus'$" -- $cmd --bogus
	expect_run "$cmd-flag-value" 2 "option '--quiet' takes no value" -- $cmd --quiet=yes
	expect_run "$cmd-short-unknown" 2 "unknown option '-Z'" -- $cmd -Z
	expect_run "$cmd-hint" 2 "^Run 'flowlint $cmd --help' for usage\.$" -- $cmd --bogus
	expect_run "$cmd-quiet-typo" 2 "unknown option '--quite' \(did you mean '--quiet'\?\)" -- $cmd --quite
done
# The shared run options.
for cmd in check fix format; do
	expect_run "$cmd-typo" 2 "unknown option '--jbos' \(did you mean '--jobs'\?\)" -- $cmd --jbos 2
	expect_run "$cmd-abbrev" 2 "unknown option '--conf' \(did you mean '--config'\?\)" -- $cmd --conf other.json
	expect_run "$cmd-config-needs-value" 2 "^flowlint $cmd: option '--config' needs a value" -- $cmd --config
	expect_run "$cmd-jobs-needs-value" 2 "option '-j' needs a value" -- $cmd -j
	expect_run "$cmd-jobs-range" 2 "^flowlint $cmd: --jobs takes a number from 1 to 256, not '0'" -- $cmd --jobs 0 flow.json
	color=--color=never
	[ $cmd = format ] && color=	# format prints no colour
	expect_run "$cmd-shared-options" 0 '' -- $cmd --config other.json --jobs 2 -j1 $color -q flow.json
done
expect_run fix-select-needs-value 2 "^flowlint fix: option '--select' needs a value" -- fix --select
expect_run check-select-needs-value 2 "^flowlint check: option '--select' needs a value" -- check --select
expect_run fix-color-choice 2 "^flowlint fix: --color takes auto, always or never, not 'blue'" -- fix --color blue flow.json
expect_run fix-fail-on-choice 2 "^flowlint fix: --fail-on takes error, warning or info, not 'x'" -- fix --fail-on=x flow.json

# Options after operands, --opt=value, clustered short options, and "--".
expect_run options-after-paths 0 'No problems found in 1 file' -- check flow.json --jobs=1 --color never
expect_run clustered 0 '^$' -- check -qj1 flow.json
expect_run double-dash 2 "error: --quiet: No such file" -- check -- --quiet

# Commands without operands say so; explain takes one.
expect_run rules-extra 2 "^flowlint rules: unexpected argument 'x'" -- rules x
expect_run explain-none 2 'expected exactly one rule code or name' -- explain
expect_run explain-help 0 '^usage: flowlint explain RULE' -- explain --help

# Each --help is generated from the table: every option listed once, in
# the same layout, with the values a choice takes.
for cmd in check fix format; do
	"$FLOWLINT" $cmd --help > help.txt
	for opt in --config --jobs --quiet; do
		if [ "$(grep -c -- "^ .*$opt " help.txt)" = 1 ] || [ "$(grep -c -- "^ .*$opt\$" help.txt)" = 1 ]; then ok
		else fail "$cmd --help lists $opt not exactly once"; fi
	done
	if tr -s ' \n' ' ' < help.txt | grep -q -- '(WHEN: auto, always or never)' || [ $cmd = format ]; then ok
	else fail "$cmd --help does not list the values of --color"; fi
	if grep -q -- '^  -h, --help            show this help$' help.txt; then ok
	else fail "$cmd --help: no generated --help line"; fi
done
# --config says where each command looks for .flowlint.json.
config_help() {
	"$FLOWLINT" "$1" --help | awk '/--config/ { on = 1 } on && /^ *-/ && !/--config/ { exit } on' | tr -s ' \n' ' '
}
for cmd in check fix format; do
	config_help $cmd | grep -q 'from the first PATH up to the repository root' && ok ||
		fail "$cmd --help: --config looks from the first PATH"
done
config_help schema | grep -q 'from the current folder up to the repository root' && ok ||
	fail "schema --help: --config looks from the current folder"
config_help server | grep -q 'from the workspace root the editor names (else the current folder) up to' && ok ||
	fail "server --help: --config looks from the workspace root"
finish
