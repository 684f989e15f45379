#!/bin/sh
# A real headless Neovim saving flows with the README's recipes: a badly
# formatted flow is canonical on disk after :write, and an invalid one
# is saved as it was, its buffer not replaced; a :write issued from Lua
# on a refused file is not aborted, and without flowlint on PATH files
# are saved after one quiet notice, with no stack trace.  Skips without
# nvim.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/editors.sh"

need nvim

# nvim_save INIT FILE: opens FILE with the init file INIT, saves it, and
# writes the buffer as it then is to FILE.buf.
nvim_save() {
	timeout 300 nvim --headless -u "$1" -i NONE -n -c write \
	    -c "call writefile(getline(1, '\$'), '$2.buf')" -c 'qa!' "$2" \
	    > "$2.log" 2>&1 || fail "nvim on $2 exited $?"
}

# The conform.nvim recipe, loaded with a stand-in for conform that runs
# the formatter it defines as conform does: the buffer on stdin, $FILENAME
# replaced, the output applied only on exit 0.
cat > conform-standin.lua <<'LUA'
local spec
package.loaded.conform = { setup = function(opts) spec = opts end }
dofile(os.getenv("FLOWLINT_SOURCE_DIR") .. "/editors/nvim/conform.lua")
vim.api.nvim_create_autocmd("BufWritePre", {
  pattern = "*.json",
  callback = function(args)
    local f = spec.formatters[spec.formatters_by_ft.json[1]]
    local argv = { f.command }
    for _, a in ipairs(f.args) do
      argv[#argv + 1] = (a:gsub("%$FILENAME", vim.api.nvim_buf_get_name(args.buf)))
    end
    local lines = vim.api.nvim_buf_get_lines(args.buf, 0, -1, false)
    local out = vim.fn.systemlist(argv, f.stdin and lines or nil)
    if vim.v.shell_error == 0 then
      vim.api.nvim_buf_set_lines(args.buf, 0, -1, false, out)
    end
  end,
})
LUA

for init in "$src/editors/nvim/flowlint.lua" "$src/editors/vim/flowlint.vim" \
    conform-standin.lua; do
	name=$(basename "$init")
	cp "$messy" "messy-$name.json"
	nvim_save "$init" "messy-$name.json"
	expect_same "$name: saved flow is canonical" "messy-$name.json" "$want"
	cp invalid.orig "invalid-$name.json"
	nvim_save "$init" "invalid-$name.json"
	expect_same "$name: invalid flow saved as it was" "invalid-$name.json" invalid.orig
	expect_same "$name: buffer not replaced" "invalid-$name.json.buf" invalid.orig
done
if grep -q 'duplicate key "Name"' "invalid-flowlint.lua.json.log"; then ok; else
	fail "nvim did not show flowlint's message"; fi

# An edit, then a :write from Lua on a file flowlint refuses: written.
recipe=$src/editors/nvim/flowlint.lua
cp invalid.orig lua-write.json
timeout 300 nvim --headless -u "$recipe" -i NONE -n \
    -c 'lua vim.api.nvim_buf_set_lines(0, -1, -1, false, {"// edited"})' \
    -c 'lua vim.cmd("write")' -c 'qa!' lua-write.json > lua-write.log 2>&1 ||
	fail "nvim exited $? on a Lua :write"
grep -q '// edited' lua-write.json && ok || { fail "the Lua :write was aborted"; cat lua-write.log; }

# Without flowlint on PATH: saved as it is, one notice, no stack trace.
mkdir nopath && ln -s "$(command -v nvim)" nopath/nvim
PATH=$work/nopath:/usr/bin:/bin; export PATH
command -v flowlint > /dev/null 2>&1 && { echo "SKIP: flowlint is installed system-wide"; finish; exit; }
for recipe in "$recipe" "$src/editors/vim/flowlint.vim"; do
	cp "$messy" missing.json
	timeout 300 nvim --headless -u "$recipe" -i NONE -n -c write -c write \
	    -c 'qa!' missing.json > missing.log 2>&1 || fail "nvim exited $? without flowlint"
	expect_same "missing-saved-as-is $recipe" missing.json "$messy"
	grep -q 'traceback\|E5108\|not found' missing.log &&
		{ fail "an error without flowlint: $recipe"; cat missing.log; } || ok
	[ "$(grep -c 'not on PATH' missing.log)" -le 1 ] && ok || fail "the notice is repeated: $recipe"
done

finish
