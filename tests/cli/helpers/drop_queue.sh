# Sourced by the tests of the gates' dependents: drop_outages DIR deletes
# the example monorepo's (flows/) queue "outages" in the git work tree
# DIR -- its file and its entry in the saved AWS list -- and stages both.
# nw_main_inbound.json, left unchanged, uses the queue.
drop_outages() {
	git -C "$1" rm -q imports/resources/queues/outages.json &&
	printf '{"QueueSummaryList": [{"Id": "%s", "Arn": "%s", "Name": "billing", "QueueType": "STANDARD"}]}\n' \
	    9e15b6d2-7c48-4a3f-b0e9-1d62f84c7a35 \
	    arn:aws:connect:eu-west-2:111122223333:instance/6f3d2a91-4b7e-4c58-9e21-d84a7b0c35e6/queue/9e15b6d2-7c48-4a3f-b0e9-1d62f84c7a35 \
	    > "$1/aws/list-queues.json" && git -C "$1" add aws/list-queues.json
}
