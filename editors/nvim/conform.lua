-- flowlint with conform.nvim: conform pipes the buffer through flowlint
-- and leaves the buffer alone when it exits non-zero.
require("conform").setup({
  formatters = {
    flowlint = {
      command = "flowlint",
      args = { "format", "--stdin-filename", "$FILENAME", "-" },
      stdin = true,
    },
  },
  formatters_by_ft = { json = { "flowlint" } },
  format_on_save = { timeout_ms = 2000 },
})
