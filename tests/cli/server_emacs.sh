#!/bin/sh
# Headless Emacs with eglot and the README's recipe
# (editors/emacs/flowlint-eglot.el) starts flowlint server on a flow
# with non-ASCII text before a hardcoded ARN and receives FL101 on
# exactly the ARN's value (eglot converts the UTF-16 range).  Emacs 28
# (Debian 12) opens *.json in js-mode; the test opens the flow in
# js-json-mode, Emacs 29's JSON mode, defining it on 28 as 29 does.
# Skips without Emacs or eglot (Debian: emacs-nox elpa-eglot).
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
. "$here/editors.sh"

need emacs
cat > "$work/boot.el" <<'ELISP'
;; Debian's elpa-* packages, and eglot from them when Emacs lacks it.
(require 'package)
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
ELISP
emacs --batch -Q -l "$work/boot.el" --eval "(require 'eglot)" > /dev/null 2>&1 ||
	{ echo "SKIP: eglot is not installed (Debian: elpa-eglot)"; exit 77; }
cat > "$work/smoke.el" <<'ELISP'
;; usage: emacs --batch -Q -l boot.el -l smoke.el RECIPE FILE: prints
;; each diagnostic as "CODE-TEXT<TAB>TEXT-IT-COVERS".
(let ((recipe (nth 0 command-line-args-left))
      (file (nth 1 command-line-args-left))
      (tries 0))
  (setq command-line-args-left nil)
  (unless (fboundp 'js-json-mode)
    (define-derived-mode js-json-mode js-mode "JSON"))
  (load recipe nil t)
  (require 'eglot)
  (find-file file)
  (js-json-mode)
  (apply #'eglot (eglot--guess-contact))
  (while (and (null (flymake-diagnostics)) (< tries 300))
    (accept-process-output nil 0.1)
    (setq tries (1+ tries)))
  (dolist (d (flymake-diagnostics))
    (princ (format "%s\t%s\n" (flymake-diagnostic-text d)
                   (buffer-substring-no-properties
                    (flymake-diagnostic-beg d) (flymake-diagnostic-end d)))))
  (eglot-shutdown (eglot-current-server)))
ELISP
mkdir repo && git init -q repo && cp "$src/tests/lsp/greeting.json" repo/ || exit 1
# Its Lambda's account is the flow's own (no Connect ARN there says so).
cp "$src/tests/lsp/own-account.flowlint.json" repo/.flowlint.json
timeout 120 emacs --batch -Q -l "$work/boot.el" -l "$work/smoke.el" \
    "$src/editors/emacs/flowlint-eglot.el" repo/greeting.json > got.txt 2> err.txt
[ $? = 0 ] && ok || { fail "emacs: exit status"; cat err.txt; }
# The ARN's value as the file holds it, with its escaped quotes.
arn=$(grep -o 'arn:aws:lambda:[^\\]*' repo/greeting.json | head -1)
printf 'flowlint [FL101]: Lambda function ARN hardcodes account 123456789012, region us-east-1\t\\"%s\\"\n' "$arn" > want.txt
expect_same diagnostic want.txt got.txt
grep -q "Server .flowlint. now managing" err.txt && ok || { fail "eglot did not start flowlint"; cat err.txt; }
finish
