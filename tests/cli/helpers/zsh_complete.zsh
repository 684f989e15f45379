# zsh -f zsh_complete.zsh DIR LINE...: for each LINE, what zsh's own
# completion system offers after typing LINE and a tab, with the _flowlint
# in DIR on fpath.  A real interactive zsh runs in a pseudo-terminal
# (zsh/zpty) with compinit; a compadd wrapper records the candidates of
# each line, one a line, into a file, and they are printed as
# "LINE<tab>CANDIDATE", sorted.
dir=$1
shift
out=$dir/.candidates
zmodload zsh/zpty || exit 1
zpty z zsh -f -i
zpty -w z "PS1=ZPROMPT RPS1=; unsetopt beep; fpath=($dir \$fpath)"
zpty -w z "autoload -U compinit && compinit -u -d $dir/.zcompdump"
zpty -w z "compadd() { local -a m; builtin compadd -O m \"\$@\"; (( \$#m )) && print -rl -- \$m >> $out; builtin compadd \"\$@\"; }"
# A tab typed ahead of the prompt may complete nothing: each line waits
# for the prompt.
zpty -w z "print -r -- RE''ADY"
zpty -r z reply '*READY*' && zpty -r z reply '*ZPROMPT' || exit 1
for line in "$@"; do
	: > $out
	# The tab completes; ^U drops the line; the marker says it is done.
	zpty -w -n z "$line"$'\t'
	zpty -w z $'\x15'"print -r -- DO''NE"
	zpty -r z reply '*DONE*' && zpty -r z reply '*ZPROMPT' || exit 1
	sort -u $out | while IFS= read -r c; do print -r -- "$line"$'\t'"$c"; done
done
zpty -d z
