" flowlint server with vim-lsp (prabirshrestha/vim-lsp) in Vim 8+:
" diagnostics, :LspCodeAction for quick fixes, :LspDocumentFormat, and
" :LspHover for a rule's page, in JSON files.  The root is the nearest
" folder holding .flowlint.json or .git (a name ending in '/' is a
" folder to vim-lsp), else the current folder: vim-lsp does not
" initialize a server whose root is empty.
function! s:flowlint_root(server_info) abort
  let l:root = lsp#utils#find_nearest_parent_file_directory(
        \ lsp#utils#get_buffer_path(), ['.flowlint.json', '.git/'])
  return lsp#utils#path_to_uri(empty(l:root) ? getcwd() : l:root)
endfunction

if executable('flowlint')
  augroup flowlint_lsp
    autocmd!
    autocmd User lsp_setup call lsp#register_server({
          \ 'name': 'flowlint',
          \ 'cmd': {server_info -> ['flowlint', 'server']},
          \ 'root_uri': function('s:flowlint_root'),
          \ 'allowlist': ['json'],
          \ })
  augroup END
endif
