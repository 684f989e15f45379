# Sourced: chain_flow FILE N [TEXT7 [X3]] writes a wrapped export (string
# Content, as Connect exports it) of N actions in a chain: MessageParticipant
# blocks b1..b(N-1) ending in a DisconnectParticipant bN, each with a
# designer position.  TEXT7 is block b7's prompt and X3 block b3's x
# position, so that two calls differ in one parameter or one position.
chain_flow() {
	awk -v n="$2" -v text7="${3:-Prompt 7}" -v x3="${4:-300}" 'BEGIN {
		q = "\\\""
		printf "{\n  \"Name\": \"chain\",\n  \"Type\": \"CONTACT_FLOW\",\n  \"Content\": \""
		printf "{" q "Version" q ":" q "2019-10-30" q "," q "StartAction" q ":" q "b1" q ","
		printf q "Metadata" q ":{" q "entryPointPosition" q ":{" q "x" q ":0," q "y" q ":0}," q "ActionMetadata" q ":{"
		for (i = 1; i <= n; i++)
			printf "%s" q "b%d" q ":{" q "position" q ":{" q "x" q ":%s," q "y" q ":%d}}", (i > 1 ? "," : ""), i, (i == 3 ? x3 : i * 100), i * 10
		printf "}}," q "Actions" q ":["
		for (i = 1; i < n; i++) {
			t = (i == 7 ? text7 : "Prompt " i)
			printf "{" q "Identifier" q ":" q "b%d" q "," q "Type" q ":" q "MessageParticipant" q ",", i
			printf q "Parameters" q ":{" q "Text" q ":" q "%s" q "}," q "Transitions" q ":{" q "NextAction" q ":" q "b%d" q ",", t, i + 1
			printf q "Errors" q ":[{" q "NextAction" q ":" q "b%d" q "," q "ErrorType" q ":" q "NoMatchingError" q "}]}},", n
		}
		printf "{" q "Identifier" q ":" q "b%d" q "," q "Type" q ":" q "DisconnectParticipant" q "," q "Parameters" q ":{}," q "Transitions" q ":{}}]}", n
		printf "\"\n}\n"
	}' > "$1"
}
