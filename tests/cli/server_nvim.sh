#!/bin/sh
# Headless Neovim's built-in LSP client with the README's recipes
# (editors/nvim/flowlint-lsp.lua, and editors/nvim/lspconfig.lua loaded
# with a stand-in for nvim-lspconfig that starts the server it
# registers as lspconfig does; lspconfig itself is not installed)
# receives flowlint server's FL101 on a
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

# The stand-in: lspconfig.util.root_pattern, and a setup() that starts
# the registered default_config on its filetypes.
cat > "$work/lspconfig-standin.lua" <<'LUA'
local configs = {}
local function root_pattern(...)
  local names = { ... }
  return function(fname)
    local dir = vim.fn.fnamemodify(fname, ":p:h")
    while true do
      for _, n in ipairs(names) do
        if vim.loop.fs_stat(dir .. "/" .. n) then return dir end
      end
      local up = vim.fn.fnamemodify(dir, ":h")
      if up == dir then return nil end
      dir = up
    end
  end
end
package.loaded["lspconfig.configs"] = configs
package.loaded.lspconfig = setmetatable({ util = { root_pattern = root_pattern } }, {
  __index = function(_, name)
    return { setup = function()
      local c = configs[name].default_config
      vim.api.nvim_create_autocmd("FileType", { pattern = c.filetypes,
        callback = function(args)
          local id = vim.lsp.start_client({ name = name, cmd = c.cmd,
            root_dir = c.root_dir(vim.api.nvim_buf_get_name(args.buf)) })
          vim.lsp.buf_attach_client(args.buf, id)
        end })
    end }
  end,
})
dofile(os.getenv("FLOWLINT_SOURCE_DIR") .. "/editors/nvim/lspconfig.lua")
LUA

# nvim_lsp INIT FILE LUA: opens FILE with the init file INIT, waits until
# the server is attached, runs the Lua chunk LUA, and quits.
nvim_lsp() {
	cat > run.lua <<LUA
vim.wait(10000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 20)
$3
LUA
	timeout 120 nvim --headless -u "$1" -i NONE -n -c 'luafile run.lua' \
	    -c 'qa!' "$2" > "$2.log" 2>&1 || fail "nvim on $2 exited $?"
}

"$FLOWLINT" check -q greeting.json | sed -n 's/^greeting.json:\([0-9]*:[0-9]*\): error \[\(FL[0-9]*\) [a-z-]*\] \(.*\)/\1 \2 \3/p' > cli.txt
# The value's end: one past its closing escaped quote, in bytes.
end=$(LC_ALL=C awk -F'\\\\"arn:aws:lambda:us-east-1:123456789012:function:acme-lookup\\\\"' \
    'NF > 1 { print length($1) + 62 + 1 }' greeting.json)
sed "s/^\([0-9]*:[0-9]*\) /\1:$end /" cli.txt > want.txt
for init in "$src/editors/nvim/flowlint-lsp.lua" "$work/lspconfig-standin.lua"; do
	nvim_lsp "$init" greeting.json '
vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 20)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  out[#out + 1] = string.format("%d:%d:%d %s %s", d.lnum + 1, d.col + 1,
    d.end_col + 1, d.user_data.lsp.code, d.message)
end
vim.fn.writefile(out, "diagnostics.txt")'
	if [ -s cli.txt ] && cmp -s want.txt diagnostics.txt; then ok; else
		fail "$(basename "$init"): nvim's diagnostics differ from check's"
		diff want.txt diagnostics.txt; cat greeting.json.log; fi
	rm -f diagnostics.txt
done

nvim_lsp "$src/editors/nvim/flowlint-lsp.lua" messy.json '
vim.lsp.buf.formatting_sync(nil, 10000)
vim.cmd("write")'
expect_same "formatted through the server" messy.json "$want"
finish
