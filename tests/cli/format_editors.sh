#!/bin/sh
# The editor recipes that cannot run here without their editor (VS Code,
# Emacs with apheleia, JetBrains File Watchers): each recipe file's own
# command is run the way that editor runs it, on a badly formatted flow
# and on an invalid one.  Also: the README shows every recipe verbatim,
# so what it shows is what the editor tests run.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/editors.sh"

# in_readme FILE: README.md holds FILE's lines, one after the other.
in_readme() {
	awk 'NR == FNR { want[n++] = $0; next }
	    found { next }
	    { m = ($0 == want[m]) ? m + 1 : ($0 == want[0]) ? 1 : 0 }
	    m == n { found = 1 }
	    END { exit !found }' "$1" "$src/README.md"
}

for recipe in vim/flowlint.vim nvim/flowlint.lua nvim/conform.lua \
    vscode/settings.json emacs/flowlint.el jetbrains/watcherTasks.xml \
    nvim/flowlint-lsp.lua nvim/lspconfig.lua vim/flowlint-lsp.vim \
    emacs/flowlint-eglot.el helix/languages.toml; do
	if in_readme "$src/editors/$recipe"; then ok; else
		fail "README.md does not show editors/$recipe as it is"; fi
done

# Runs as a formatter on standard input (VS Code, apheleia): stdout holds
# the formatted flow on success, and nothing on failure.
# expect_stdin_formatter NAME CMD: CMD is a shell command reading stdin.
expect_stdin_formatter() {
	sh -c "$2" < "$messy" > out.json 2> err.txt
	rc=$?
	if [ "$rc" = 0 ] && [ ! -s err.txt ]; then ok; else fail "$1: exit $rc"; fi
	expect_same "$1: formats" out.json "$want"
	sh -c "$2" < invalid.orig > out.json 2> err.txt
	rc=$?
	if [ "$rc" != 0 ] && [ ! -s out.json ] && [ -s err.txt ]; then ok; else
		fail "$1: invalid input: exit $rc, $(wc -c < out.json) bytes out"; fi
}

# VS Code, Custom Local Formatters: the "command" runs in a shell with
# ${file} replaced; a non-zero exit leaves the document as it is.
cmd=$(sed -n 's/^ *"command": "\(.*\)",$/\1/p' "$src/editors/vscode/settings.json" |
    sed 's/\\"/"/g')
expect_stdin_formatter vscode "$(printf '%s' "$cmd" | sed "s|\${file}|$work/flows/x.json|")"

# Emacs apheleia: the argument list with the symbol filepath replaced by
# the buffer's file; a non-zero exit leaves the buffer as it is.
args=$(grep -o "'(\"flowlint\" .*)" "$src/editors/emacs/flowlint.el" |
    sed -e "s/^'(//" -e 's/)*$//' -e "s|filepath|\"$work/flows/x.json\"|")
expect_stdin_formatter apheleia "$args"

# JetBrains File Watchers: program and arguments run after a save with
# $FilePath$ replaced; the IDE reloads the file, and shows the output on
# a non-zero exit.
program=$(sed -n 's/.*name="program" value="\([^"]*\)".*/\1/p' "$src/editors/jetbrains/watcherTasks.xml")
arguments=$(sed -n 's/.*name="arguments" value="\([^"]*\)".*/\1/p' "$src/editors/jetbrains/watcherTasks.xml")
cp "$messy" watched.json
out=$(cd "$work" && $program $(printf '%s' "$arguments" | sed "s|\\\$FilePath\\\$|$work/watched.json|") 2>&1)
rc=$?
if [ "$rc" = 0 ] && [ -z "$out" ]; then ok; else fail "jetbrains: exit $rc, output $out"; fi
expect_same jetbrains-formats watched.json "$want"
cp invalid.orig watched-invalid.json
out=$(cd "$work" && $program $(printf '%s' "$arguments" | sed "s|\\\$FilePath\\\$|$work/watched-invalid.json|") 2>&1)
rc=$?
if [ "$rc" = 2 ] && printf '%s' "$out" | grep -q 'duplicate key'; then ok; else
	fail "jetbrains invalid: exit $rc, output $out"; fi
expect_same jetbrains-keeps-invalid watched-invalid.json invalid.orig

finish
