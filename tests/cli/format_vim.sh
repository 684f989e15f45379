#!/bin/sh
# A real Vim (in silent Ex mode) with the README's recipe: :write formats
# a flow and saves an invalid one as it was; gq through 'formatprg' and a
# :%! filter with --echo-on-error never put an error into the buffer.
# Skips without vim.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/editors.sh"

if ! command -v vim > /dev/null 2>&1; then
	echo "SKIP: vim is not installed"
	exit 77
fi

# vim_run FILE CMD: opens FILE with the recipe, runs the Ex command CMD,
# and writes the buffer as it then is to FILE.buf.
vim_run() {
	timeout 300 vim -Es -u NONE -i NONE -N --cmd 'filetype on' \
	    --cmd "source $src/editors/vim/flowlint.vim" -c "$2" \
	    -c "call writefile(getline(1, '\$'), '$1.buf')" -c 'qa!' "$1" \
	    > "$1.log" 2>&1 || fail "vim on $1 exited $?"
}

cp "$messy" save.json
vim_run save.json write
expect_same write-formats save.json "$want"

cp invalid.orig invalid.json
vim_run invalid.json write
expect_same write-keeps-invalid-file invalid.json invalid.orig
expect_same write-keeps-invalid-buffer invalid.json.buf invalid.orig

cp "$messy" gq.json
vim_run gq.json 'normal! gggqG'
expect_same gq-formats gq.json.buf "$want"

cp invalid.orig gq-invalid.json
vim_run gq-invalid.json 'normal! gggqG'
expect_same gq-keeps-invalid gq-invalid.json.buf invalid.orig

cp invalid.orig filter.json
vim_run filter.json '%!flowlint format --echo-on-error -'
expect_same filter-keeps-invalid filter.json.buf invalid.orig

finish
