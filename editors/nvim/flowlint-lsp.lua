-- flowlint server with Neovim's built-in LSP client (0.7+): diagnostics
-- while typing, quick fixes (vim.lsp.buf.code_action()), formatting
-- (vim.lsp.buf.format() on 0.8+, vim.lsp.buf.formatting() on 0.7) and a
-- rule's page on hover, for JSON files.  One server per repository: the
-- root is the folder holding .git, else the current folder.
local clients = {}

vim.api.nvim_create_autocmd("FileType", {
  group = vim.api.nvim_create_augroup("flowlint-lsp", { clear = true }),
  pattern = "json",
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    local git = vim.fn.finddir(".git", vim.fn.fnamemodify(file, ":p:h") .. ";")
    local root = git ~= "" and vim.fn.fnamemodify(git, ":p:h:h") or vim.fn.getcwd()
    if not clients[root] then
      clients[root] = vim.lsp.start_client({
        name = "flowlint",
        cmd = { "flowlint", "server" },
        root_dir = root,
      })
    end
    vim.lsp.buf_attach_client(args.buf, clients[root])
  end,
})
