-- flowlint format on save for Neovim 0.7+: the buffer is replaced only
-- when flowlint succeeds, so a file it refuses is saved as it is.  The
-- refusal is shown as a warning, not an error, so that a :write issued
-- from Lua (vim.cmd.write) is never aborted by it; without flowlint on
-- PATH files are saved as they are, after one quiet notice.
local told_missing = false
vim.api.nvim_create_autocmd("BufWritePre", {
  group = vim.api.nvim_create_augroup("flowlint", { clear = true }),
  pattern = "*.json",
  callback = function(args)
    if vim.fn.executable("flowlint") ~= 1 then
      if not told_missing then
        told_missing = true
        vim.notify("flowlint is not on PATH: saving without formatting",
          vim.log.levels.INFO)
      end
      return
    end
    local lines = vim.api.nvim_buf_get_lines(args.buf, 0, -1, false)
    local out = vim.fn.systemlist({ "flowlint", "format", "--stdin-filename",
      vim.api.nvim_buf_get_name(args.buf) }, lines)
    if vim.v.shell_error ~= 0 then
      vim.notify(table.concat(out, "\n"), vim.log.levels.WARN)
      return
    end
    if not vim.deep_equal(out, lines) then
      local view = vim.fn.winsaveview()
      vim.api.nvim_buf_set_lines(args.buf, 0, -1, false, out)
      vim.fn.winrestview(view)
    end
  end,
})
