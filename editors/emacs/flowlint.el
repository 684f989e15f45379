;; flowlint format on save with apheleia: the buffer is piped through
;; flowlint and replaced only when it exits 0.
(with-eval-after-load 'apheleia
  (setf (alist-get 'flowlint apheleia-formatters)
        '("flowlint" "format" "--stdin-filename" filepath "-"))
  (dolist (mode '(json-mode json-ts-mode js-json-mode))
    (setf (alist-get mode apheleia-mode-alist) 'flowlint)))
