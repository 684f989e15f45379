#!/bin/sh
# Writes flowlint's man page and shell completions from what the built
# binary prints: `flowlint --help` (the command table), each command's
# --help (its option table) and `flowlint rules` (the rule catalog), so
# that they cannot drift from the program.  Run by the build:
#
#	docs-from-help.sh FLOWLINT OUTDIR
#
# OUTDIR receives flowlint.1, flowlint.bash, _flowlint (zsh) and
# flowlint.fish.
set -eu
flowlint=$1 out=$2
mkdir -p "$out"

version=$("$flowlint" --version | sed -n '1s/^flowlint \([^ ]*\).*/\1/p')
# The commands: the indented first words of --help's "Commands:" list.
commands=$("$flowlint" --help |
	awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }')
[ -n "$commands" ] || { echo "docs-from-help: no commands in --help" >&2; exit 1; }
summary() { "$flowlint" --help | awk -v c="$1" '$1 == c { $1 = ""; sub(/^ +/, ""); print; exit }'; }
# The long options a command's --help lists, one a line, without dashes.
options() {
	"$flowlint" "$1" --help |
		sed -n 's/^  *\(-[A-Za-z0-9], \)\{0,1\}--\([a-z][a-z0-9-]*\).*/\2/p'
}
# Whether option $2 of command $1 takes a value (its help names one).
takes_value() {
	"$flowlint" "$1" --help | grep -Eq "^ +(-[A-Za-z0-9], )?--$2 [A-Z]"
}
# roff text: backslashes escaped, "-" kept ASCII (it is typed in
# commands), no line taken for a request.
roff() { sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^[.']/\\\\\\&&/"; }

man=$out/flowlint.1
{
	printf '%s\n' ".TH FLOWLINT 1 \"\" \"flowlint $version\" \"User Commands\""
	printf '%s\n' ".SH NAME"
	printf '%s\n' "flowlint \\- lint, fix and format Amazon Connect contact-flow exports"
	printf '%s\n' ".SH SYNOPSIS"
	printf '%s\n' ".nf"
	for c in $commands; do
		"$flowlint" "$c" --help | sed -n 's/^\(usage:\)\{0,1\} *\(flowlint .*\)/\2/p' |
			sed '/^$/q' | roff
	done
	printf '%s\n' "flowlint \\-\\-version"
	printf '%s\n' ".fi"
	printf '%s\n' ".SH DESCRIPTION"
	"$flowlint" --help | sed -n '3p' | roff
	printf '%s\n' "Each command is described below as its \\fB\\-\\-help\\fR prints it."
	for c in $commands; do
		printf '%s\n' ".SH \"flowlint $c\""
		summary "$c" | roff
		printf '%s\n' ".PP"
		printf '%s\n' ".nf"
		"$flowlint" "$c" --help | sed '1,/^$/d' | roff
		printf '%s\n' ".fi"
	done
	printf '%s\n' ".SH RULES"
	printf '%s\n' "\\fBflowlint explain\\fR \\fIRULE\\fR prints a rule's page."
	printf '%s\n' ".PP"
	printf '%s\n' ".nf"
	"$flowlint" rules | roff
	printf '%s\n' ".fi"
	printf '%s\n' ".SH EXIT STATUS"
	"$flowlint" --help | sed -n 's/^Exit codes: //p' | roff
	printf '%s\n' ".SH FILES"
	printf '%s\n' ".TP"
	printf '%s\n' ".I .flowlint.json"
	printf '%s\n' "the repository's configuration, looked for from the first PATH up to the repository root"
	printf '%s\n' ".TP"
	printf '%s\n' ".I /usr/share/flowlint/"
	printf '%s\n' "the rule pages, the git hook and the editor recipes"
	printf '%s\n' ".SH SEE ALSO"
	printf '%s\n' "\\fBgit\\fR(1), \\fBgithooks\\fR(5)"
} >"$man.tmp"
mv "$man.tmp" "$man"

# bash: the command first, then that command's options, else files.
{
	printf '%s\n' "# bash completion for flowlint $version (generated from --help)"
	printf '%s\n' "_flowlint() {"
	printf '%s\n' "	local cur=\${COMP_WORDS[COMP_CWORD]} opts"
	printf '%s\n' "	if [ \"\$COMP_CWORD\" -eq 1 ]; then"
	printf '%s\n' "		COMPREPLY=(\$(compgen -W '$(echo $commands) --help --version' -- \"\$cur\"))"
	printf '%s\n' "		return"
	printf '%s\n' "	fi"
	printf '%s\n' "	case \${COMP_WORDS[1]} in"
	for c in $commands; do
		printf '%s\n' "	$c) opts='$(options "$c" | sed 's/^/--/' | tr '\n' ' ' | sed 's/ $//')' ;;"
	done
	printf '%s\n' "	*) opts= ;;"
	printf '%s\n' "	esac"
	printf '%s\n' "	if [[ \$cur == -* ]]; then"
	printf '%s\n' "		COMPREPLY=(\$(compgen -W \"\$opts\" -- \"\$cur\"))"
	printf '%s\n' "	else"
	printf '%s\n' "		COMPREPLY=(\$(compgen -f -- \"\$cur\"))"
	printf '%s\n' "	fi"
	printf '%s\n' "}"
	printf '%s\n' "complete -o filenames -F _flowlint flowlint"
} >"$out/flowlint.bash"

# zsh: _arguments per command; options that take a value complete files.
{
	printf '%s\n' "#compdef flowlint"
	printf '%s\n' "# zsh completion for flowlint $version (generated from --help)"
	printf '%s\n' "_flowlint() {"
	printf '%s\n' "	local -a commands"
	printf '%s\n' "	commands=("
	for c in $commands; do
		printf '%s\n' "		'$c:$(summary "$c" | sed "s/'/'\\\\''/g; s/:/\\\\:/g")'"
	done
	printf '%s\n' "	)"
	printf '%s\n' "	if (( CURRENT == 2 )); then"
	printf '%s\n' "		_describe command commands"
	printf '%s\n' "		return"
	printf '%s\n' "	fi"
	printf '%s\n' "	shift words; (( CURRENT-- ))"
	printf '%s\n' "	case \$words[1] in"
	for c in $commands; do
		printf '\t%s) _arguments' "$c"
		for o in $(options "$c"); do
			if takes_value "$c" "$o"; then
				printf " '--%s=[]:value:_files'" "$o"
			else
				printf " '--%s'" "$o"
			fi
		done
		printf '%s\n' " '*:file:_files' ;;"
	done
	printf '%s\n' "	esac"
	printf '%s\n' "}"
	printf '%s\n' "_flowlint \"\$@\""
} >"$out/_flowlint"

# fish: commands while none is given, then each command's options.
{
	printf '%s\n' "# fish completion for flowlint $version (generated from --help)"
	for c in $commands; do
		printf '%s\n' "complete -c flowlint -n __fish_use_subcommand -f -a $c -d '$(summary "$c" | sed "s/'/\\\\'/g")'"
	done
	for c in $commands; do
		for o in $(options "$c"); do
			if takes_value "$c" "$o"; then r=" -r"; else r=""; fi
			printf '%s\n' "complete -c flowlint -n '__fish_seen_subcommand_from $c' -l $o$r"
		done
	done
} >"$out/flowlint.fish"
