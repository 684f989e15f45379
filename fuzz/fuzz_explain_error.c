/*
 * Fuzz target: explain-error's reading of Connect's problems and their
 * paths (review/deploy_errors.h).  The input is split at its first 0xff
 * byte into a flow file and the error text (none: the whole input is
 * the error text, about a small flow of three actions).  Whatever the
 * bytes, every problem lies inside the text, and a path that is located
 * leads to a node of the flow document whose position is inside the
 * flow's file.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "review/deploy_errors.h"
#include "util/xalloc.h"

static const char sample_flow[] =
"{\"Version\":\"2019-10-30\",\"StartAction\":\"a\",\"Actions\":["
"{\"Identifier\":\"a\",\"Type\":\"MessageParticipant\",\"Parameters\":"
"{\"Text\":\"hi\"},\"Transitions\":{\"NextAction\":\"b\",\"Errors\":[{"
"\"NextAction\":\"b\",\"ErrorType\":\"NoMatchingError\"}]}},"
"{\"Identifier\":\"b\",\"Type\":\"Compare\",\"Parameters\":"
"{\"ComparisonValue\":\"$.Attributes.x\"},\"Transitions\":{\"NextAction\":"
"\"c\",\"Conditions\":[{\"NextAction\":\"c\",\"Condition\":{\"Operator\":"
"\"Equals\",\"Operands\":[\"1\"]}}]}},"
"{\"Identifier\":\"c\",\"Type\":\"DisconnectParticipant\",\"Parameters\":"
"{},\"Transitions\":{}}]}";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fl_fuzz_env *env = fl_fuzz_env();
	const uint8_t *cut = memchr(data, 0xff, size);
	const char *flow = cut != NULL ? (const char *)data : sample_flow;
	size_t flow_len = cut != NULL ? (size_t)(cut - data) :
	    sizeof(sample_flow) - 1;
	const char *text = cut != NULL ? (const char *)cut + 1 :
	    (const char *)data;
	size_t text_len = cut != NULL ? size - flow_len - 1 : size;
	struct fl_deploy_problems probs;
	struct fl_result r;
	size_t i;

	fl_deploy_problems_read(&probs, text, text_len);
	for (i = 0; i < probs.n; i++) {
		const struct fl_deploy_problem *p = &probs.v[i];

		FL_FUZZ_CHECK(p->message.len > 0);
		FL_FUZZ_CHECK(p->path.len == 0 || (p->path.ptr >=
		    p->message.ptr && p->path.ptr + p->path.len <=
		    p->message.ptr + p->message.len));
	}
	fl_result_init(&r, fl_xstrdup("fuzz.json"), fl_xstrndup(flow,
	    flow_len), flow_len);
	fl_lint(&r, &env->opts, env->m);
	for (i = 0; r.flow_loaded && i < probs.n; i++) {
		struct fl_deploy_spot spot;

		if (!fl_deploy_locate(&r.flow, probs.v[i].path, i % 2 == 0,
		    &spot))
			continue;
		FL_FUZZ_CHECK(spot.node > 0 && spot.node < r.flow.doc->count);
		FL_FUZZ_CHECK(spot.reached > 0 &&
		    spot.reached < r.flow.doc->count);
		FL_FUZZ_CHECK(fl_flow_file_off(&r.flow, r.flow.doc, spot.node,
		    spot.key) <= flow_len);
	}
	fl_result_release(&r);
	fl_deploy_problems_release(&probs);
	return 0;
}
