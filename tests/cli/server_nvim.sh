#!/bin/sh
# Headless Neovim's built-in LSP client with the README's recipe
# (editors/nvim/flowlint-lsp.lua) receives flowlint server's FL101 on a
# flow with non-ASCII text before the ARN, at the byte column `check`
# reports (Neovim converts the server's UTF-16 columns back to bytes),
# and formats a badly laid out flow as `flowlint format` does.  Skips
# without nvim.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/editors.sh"

need nvim
mkdir repo && git init -q repo && cp "$src/tests/lsp/greeting.json" repo/ || exit 1
# With its final newline, as Neovim writes a file (Neovim 0.7 turns an
# edit that adds one at the end of the buffer into an empty last line).
{ cat "$messy"; echo; } > repo/messy.json || exit 1
cd repo || exit 1

# nvim_lsp FILE LUA: opens FILE with the recipe, waits until the server
# is attached, runs the Lua chunk LUA, and quits.
nvim_lsp() {
	cat > run.lua <<LUA
vim.wait(10000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 20)
$2
LUA
	timeout 120 nvim --headless -u "$src/editors/nvim/flowlint-lsp.lua" -i NONE \
	    -n -c 'luafile run.lua' -c 'qa!' "$1" > "$1.log" 2>&1 ||
		fail "nvim on $1 exited $?"
}

nvim_lsp greeting.json '
vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 20)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  out[#out + 1] = string.format("%d:%d:%d %s %s", d.lnum + 1, d.col + 1,
    d.end_col + 1, d.user_data.lsp.code, d.message)
end
vim.fn.writefile(out, "diagnostics.txt")'
"$FLOWLINT" check -q greeting.json | sed -n 's/^greeting.json:\([0-9]*:[0-9]*\): error \[\(FL[0-9]*\) [a-z-]*\] \(.*\)/\1 \2 \3/p' > cli.txt
# The value's end: one past its closing escaped quote, in bytes.
end=$(LC_ALL=C awk -F'\\\\"arn:aws:lambda:us-east-1:123456789012:function:acme-lookup\\\\"' \
    'NF > 1 { print length($1) + 62 + 1 }' greeting.json)
sed "s/^\([0-9]*:[0-9]*\) /\1:$end /" cli.txt > want.txt
if [ -s cli.txt ] && cmp -s want.txt diagnostics.txt; then ok; else
	fail "nvim's diagnostics differ from check's"; diff want.txt diagnostics.txt; cat greeting.json.log; fi

nvim_lsp messy.json '
vim.lsp.buf.formatting_sync(nil, 10000)
vim.cmd("write")'
expect_same "formatted through the server" messy.json "$want"
finish
