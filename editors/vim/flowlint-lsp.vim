" flowlint server with vim-lsp (prabirshrestha/vim-lsp) in Vim 8+:
" diagnostics, :LspCodeAction for quick fixes, :LspDocumentFormat, and
" :LspHover for a rule's page, in JSON files.
if executable('flowlint')
  augroup flowlint_lsp
    autocmd!
    autocmd User lsp_setup call lsp#register_server({
          \ 'name': 'flowlint',
          \ 'cmd': {server_info -> ['flowlint', 'server']},
          \ 'root_uri': {server_info -> lsp#utils#path_to_uri(
          \   lsp#utils#find_nearest_parent_file_directory(
          \     lsp#utils#get_buffer_path(), '.git/..'))},
          \ 'allowlist': ['json'],
          \ })
  augroup END
endif
