;; flowlint server with eglot (built into Emacs 29+; on Emacs 28, from
;; GNU ELPA or Debian's elpa-eglot): M-x eglot in a flow file; quick
;; fixes with eglot-code-actions, formatting with eglot-format-buffer.
;; The project root is the workspace root.  Eglot runs one server per
;; buffer, so flowlint takes the place of any other JSON server.
;; Emacs 28 opens *.json in js-mode, not listed here: install json-mode.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((json-mode json-ts-mode js-json-mode) . ("flowlint" "server"))))
