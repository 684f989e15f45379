-- flowlint server with nvim-lspconfig: registered as a custom server
-- (lspconfig ships no flowlint entry), started for JSON files below the
-- folder holding .flowlint.json or .git.
local lspconfig = require("lspconfig")
local configs = require("lspconfig.configs")
if not configs.flowlint then
  configs.flowlint = {
    default_config = {
      cmd = { "flowlint", "server" },
      filetypes = { "json" },
      root_dir = lspconfig.util.root_pattern(".flowlint.json", ".git"),
      single_file_support = true,
    },
  }
end
lspconfig.flowlint.setup({})
