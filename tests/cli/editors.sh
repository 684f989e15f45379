# Shared by the editor tests, sourced after lib.sh (so FLOWLINT must be
# an absolute path): flowlint on PATH as the recipes call it, an editor
# home of its own, and the flows they save: a badly formatted one with
# its canonical form, and an invalid one.
src=${FLOWLINT_SOURCE_DIR:?FLOWLINT_SOURCE_DIR is not set}
PATH=$(dirname "$FLOWLINT"):$PATH
HOME=$work XDG_CONFIG_HOME=$work/.config XDG_DATA_HOME=$work/.local/share
XDG_STATE_HOME=$work/.local/state XDG_CACHE_HOME=$work/.cache
export PATH HOME XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME XDG_CACHE_HOME
messy=$src/tests/format/wrapped-four-spaces.in.json
want=$src/tests/format/wrapped-four-spaces.out.json
printf '{\n  "Name": "bad",\n  "Name": "dup"\n}\n' > invalid.orig
