;; flowlint server with eglot (built into Emacs 29+): M-x eglot in a
;; flow file; quick fixes with eglot-code-actions, formatting with
;; eglot-format-buffer.  The project root is the workspace root.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((json-mode json-ts-mode js-json-mode) . ("flowlint" "server"))))
