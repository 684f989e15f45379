# Sourced (after ../lib.sh) by the CLI tests that drive real git
# repositories: a private HOME, a fixed identity and fixed dates, so that
# nothing from the machine's git configuration leaks in and every run
# makes the same commits.  Without git the test is skipped (exit 77).
if ! command -v git >/dev/null 2>&1; then
	echo "SKIP: git is not installed"
	exit 77
fi
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_COMMON_DIR GIT_PREFIX \
	GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config"
export GIT_CONFIG_NOSYSTEM=1 GIT_CEILING_DIRECTORIES="$work"
export GIT_AUTHOR_NAME="flowlint test" GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME="flowlint test" GIT_COMMITTER_EMAIL=test@example.com
export GIT_AUTHOR_DATE="2023-11-14T22:13:20Z" GIT_COMMITTER_DATE="2023-11-14T22:13:20Z"
mkdir -p "$HOME/.config/git"
git config --global init.defaultBranch main

# A flow with a hardcoded Lambda ARN (FL101, which fix can rewrite with
# no inventory: the function is named in the ARN), and the same flow fixed.
ARN='arn:aws:lambda:eu-west-2:111122223333:function:nw-lookup'
PORTABLE='arn:aws:lambda:$.AwsRegion:${ACCT_ID}:function:nw-lookup'
flow() { # flow FILE QUEUE-ID
	printf '{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"InvokeLambdaFunction","Parameters":{"LambdaFunctionARN":"%s"},"Transitions":{"NextAction":"b","Errors":[{"NextAction":"b","ErrorType":"NoMatchingError"}]}},{"Identifier":"b","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}\n' "$2" > "$1"
}
bad_flow() { flow "$1" "$ARN"; }
good_flow() { flow "$1" "$PORTABLE"; }

# new_repo DIR: an empty repository, made the current folder.  The
# Lambda's account is the flows' own because .flowlint.json says so
# (they have no Connect ARN that would); git ignores that file.
new_repo() {
	cd "$work" && git init -q "$1" && cd "$1" || return
	printf '{"environments": {"own": {"accounts": ["111122223333"], "paths": ["**"]}}}\n' \
	    > .flowlint.json
	echo /.flowlint.json >> .git/info/exclude
}
