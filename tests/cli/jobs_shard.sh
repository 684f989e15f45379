#!/bin/sh
# --jobs and --shard: the output is the same for every number of jobs,
# shards divide the files between them, bad values are usage errors, and
# no progress line reaches standard error when it is not a terminal.
. "$(dirname "$0")/lib.sh"

# Forty flows, every fifth with a dangling transition, and one unreadable.
mkdir -p repo/flows
i=0
while [ $i -lt 40 ]; do
	next=b
	[ $((i % 5)) = 0 ] && next=gone
	printf '{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"Wait","Transitions":{"NextAction":"%s"}},{"Identifier":"b","Type":"DisconnectParticipant","Transitions":{}}]}' \
		"$next" > repo/flows/f$i.json
	i=$((i + 1))
done

"$FLOWLINT" check -j1 repo > serial.txt 2> serial.err
for j in 2 3 16; do
	"$FLOWLINT" check --jobs $j repo > par.txt 2> par.err
	if cmp -s serial.txt par.txt && cmp -s serial.err par.err; then ok; else fail "-j$j output differs from -j1"; diff serial.txt par.txt | head -5; fi
done
"$FLOWLINT" check --format json -j1 repo > serial.json
"$FLOWLINT" check --format json -j4 repo > par.json
if cmp -s serial.json par.json; then ok; else fail "json -j4 differs from -j1"; fi
if [ -s serial.err ]; then fail "stderr not empty (a progress line off a terminal?)"; cat serial.err; else ok; fi

if [ "$(id -u)" != 0 ]; then
	printf '{}' > repo/flows/zz.json
	chmod 000 repo/flows/zz.json
	"$FLOWLINT" check -j1 repo > s.txt 2> s.err; s=$?
	"$FLOWLINT" check -j4 repo > p.txt 2> p.err; p=$?
	if [ $s = 2 ] && [ $p = 2 ] && cmp -s s.txt p.txt && cmp -s s.err p.err &&
	    grep -q 'zz\.json: cannot open: Permission denied' p.err; then ok
	else fail "unreadable file under -j4: exit $s/$p"; cat p.err; fi
	rm -f repo/flows/zz.json
fi

# Shards: each file in exactly one, the findings add up.
: > all.txt
for k in 1 2 3; do
	"$FLOWLINT" check -q --shard $k/3 repo >> all.txt
done
sort all.txt > all.sorted
grep -v '^Found\|^No problems' serial.txt | sort > serial.sorted
if cmp -s all.sorted serial.sorted; then ok; else fail "shards do not add up to the whole"; fi
n1=$("$FLOWLINT" check --shard 1/3 repo | sed -n 's/.* in \([0-9]*\) of \([0-9]*\) files\./\2/p;s/No problems found in \([0-9]*\) files*\./\1/p')
n2=$("$FLOWLINT" check --shard 2/3 repo | sed -n 's/.* in \([0-9]*\) of \([0-9]*\) files\./\2/p;s/No problems found in \([0-9]*\) files*\./\1/p')
n3=$("$FLOWLINT" check --shard 3/3 repo | sed -n 's/.* in \([0-9]*\) of \([0-9]*\) files\./\2/p;s/No problems found in \([0-9]*\) files*\./\1/p')
if [ $((n1 + n2 + n3)) = 40 ] && [ "$n1" -gt 0 ] && [ "$n2" -gt 0 ] && [ "$n3" -gt 0 ]; then ok
else fail "shard sizes $n1 + $n2 + $n3 != 40"; fi
(cd repo && "$FLOWLINT" check --shard 2/3 flows) > a.txt
(cd repo && "$FLOWLINT" check --shard 2/3 ./flows | sed 's|^\./||') > b.txt
if cmp -s a.txt b.txt; then ok; else fail "a leading ./ changes the shard"; diff a.txt b.txt | head; fi
expect_run shard-1-of-1 1 'in 8 of 40 files' -- check --shard 1/1 repo

expect_run jobs-zero 2 "--jobs takes a number from 1 to" -- check --jobs 0 repo
expect_run jobs-text 2 "--jobs takes a number from 1 to .* not 'many'" -- check -j many repo
expect_run jobs-missing 2 "option '--jobs' needs a value" -- check --jobs
expect_run shard-zero 2 "--shard 0/3: I must be between 1 and N" -- check --shard 0/3 repo
expect_run shard-over 2 "--shard 4/3: I must be between 1 and N" -- check --shard 4/3 repo
expect_run shard-bad 2 "--shard takes I/N, such as 2/4, not '3'" -- check --shard 3 repo
expect_run help-mentions 0 '--shard I/N' -- check --help

finish
