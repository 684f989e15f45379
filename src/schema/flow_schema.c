/*
 * Writing the flow language's JSON Schema from the catalog.  The schema
 * checks what the catalog knows and the flow-language page requires
 * (Version, StartAction, Actions with Identifier, Type, Parameters and
 * Transitions); cross-references (a NextAction naming an action) are
 * beyond JSON Schema and stay with the rules.
 */
#include "schema/flow_schema.h"

#include "flow/catalog.h"
#include "util/buf.h"

/* A string holding a JSONPath reference anywhere ("$.Attributes.x"). */
#define HAS_PATH "{\"type\":\"string\",\"pattern\":\"\\\\$\\\\.\"}"

static void
add_name(struct fl_buf *b, const char *s)
{
	fl_buf_add_json_string(b, fl_str_cstr(s));
}

static void
add_names(struct fl_buf *b, const struct fl_cat_names *l)
{
	size_t i;

	fl_buf_addch(b, '[');
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			fl_buf_addch(b, ',');
		add_name(b, l->v[i]);
	}
	fl_buf_addch(b, ']');
}

/* The values a parameter of class `v` takes. */
static void
add_value_class(struct fl_buf *b, enum fl_value_class v)
{
	switch (v) {
	case FL_VALUE_TEXT:
		fl_buf_adds(b, "{}");
		break;
	case FL_VALUE_STATIC:
		fl_buf_adds(b, "{\"not\":" HAS_PATH ",\"description\":"
		    "\"a static value: no JSONPath reference\"}");
		break;
	case FL_VALUE_PATH:
		fl_buf_adds(b, "{\"anyOf\":[{\"not\":" HAS_PATH "},"
		    "{\"type\":\"string\",\"pattern\":\"^\\\\$\\\\.[^\\\\s$]*$\"}],"
		    "\"description\":\"a static value or one whole JSONPath "
		    "reference\"}");
		break;
	}
}

static void
add_parameters(struct fl_buf *b, const struct fl_cat_action *a)
{
	size_t i, j, k, n = 0;

	fl_buf_adds(b, "\"Parameters\":{\"type\":\"object\",\"properties\":{");
	for (i = 0; i < a->nparams; i++) {
		if (i > 0)
			fl_buf_addch(b, ',');
		add_name(b, a->params[i].name);
		fl_buf_addch(b, ':');
		add_value_class(b, a->params[i].value);
	}
	fl_buf_adds(b, "}");
	for (i = 0; i < a->nparams; i++) {
		if (!a->params[i].required)
			continue;
		fl_buf_adds(b, n++ == 0 ? ",\"required\":[" : ",");
		add_name(b, a->params[i].name);
	}
	if (n > 0)
		fl_buf_addch(b, ']');
	if (a->closed)
		fl_buf_adds(b, ",\"additionalProperties\":false");
	/* Each group: no two of its members; one of them when required. */
	n = 0;
	for (i = 0; i < a->ngroups; i++) {
		const struct fl_cat_group *g = &a->groups[i];

		for (j = 0; j < g->names.n; j++) {
			for (k = j + 1; k < g->names.n; k++) {
				fl_buf_adds(b, n++ == 0 ? ",\"allOf\":[" : ",");
				fl_buf_adds(b, "{\"not\":{\"required\":[");
				add_name(b, g->names.v[j]);
				fl_buf_addch(b, ',');
				add_name(b, g->names.v[k]);
				fl_buf_adds(b, "]}}");
			}
		}
		if (!g->required)
			continue;
		fl_buf_adds(b, n++ == 0 ? ",\"allOf\":[" : ",");
		fl_buf_adds(b, "{\"anyOf\":[");
		for (j = 0; j < g->names.n; j++) {
			fl_buf_adds(b, j > 0 ? ",{\"required\":[" :
			    "{\"required\":[");
			add_name(b, g->names.v[j]);
			fl_buf_adds(b, "]}");
		}
		fl_buf_adds(b, "]}");
	}
	if (n > 0)
		fl_buf_addch(b, ']');
	fl_buf_addch(b, '}');
}

static void
add_conditions(struct fl_buf *b, const struct fl_cat_action *a)
{
	switch (a->conditions) {
	case FL_COND_UNKNOWN:
	case FL_COND_ANY:
		fl_buf_adds(b, "\"Conditions\":{\"$ref\":\"#/$defs/conditions\"}");
		return;
	case FL_COND_NONE:
		fl_buf_adds(b, "\"Conditions\":{\"maxItems\":0}");
		return;
	case FL_COND_RESTRICTED:
		break;
	}
	fl_buf_adds(b, "\"Conditions\":{\"$ref\":\"#/$defs/conditions\","
	    "\"items\":{\"properties\":{\"Condition\":{\"properties\":{");
	if (a->operators.n > 0) {
		fl_buf_adds(b, "\"Operator\":{\"enum\":");
		add_names(b, &a->operators);
		fl_buf_addch(b, '}');
	}
	if (a->operands.n > 0) {
		fl_buf_adds(b, a->operators.n > 0 ? "," : "");
		fl_buf_adds(b, "\"Operands\":{\"items\":{\"enum\":");
		add_names(b, &a->operands);
		fl_buf_adds(b, "}}");
	}
	fl_buf_adds(b, "}}}}}");
}

static void
add_transitions(struct fl_buf *b, const struct fl_cat_action *a)
{
	size_t i;

	if (a->terminal) {
		fl_buf_adds(b, "\"Transitions\":{\"maxProperties\":0,"
		    "\"description\":\"a terminal action has no transitions\"}");
		return;
	}
	fl_buf_adds(b, "\"Transitions\":{\"properties\":{");
	add_conditions(b, a);
	if (a->errors_known) {
		fl_buf_adds(b, ",\"Errors\":{\"items\":{\"properties\":"
		    "{\"ErrorType\":{\"enum\":");
		add_names(b, &a->errors);
		fl_buf_adds(b, "}}}");
		for (i = 0; i < a->required_errors.n; i++) {
			fl_buf_adds(b, i == 0 ? ",\"allOf\":[" : ",");
			fl_buf_adds(b, "{\"contains\":{\"required\":[\"ErrorType\"],"
			    "\"properties\":{\"ErrorType\":{\"const\":");
			add_name(b, a->required_errors.v[i]);
			fl_buf_adds(b, "}}}}");
		}
		if (a->required_errors.n > 0)
			fl_buf_addch(b, ']');
		fl_buf_addch(b, '}');
	}
	fl_buf_addch(b, '}');
	if (a->required_errors.n > 0)
		fl_buf_adds(b, ",\"required\":[\"Errors\"]");
	fl_buf_addch(b, '}');
}

/* $defs/action: the common shape, then one if/then per Type. */
static void
add_action(struct fl_buf *b, const struct fl_catalog *c)
{
	size_t i;

	fl_buf_adds(b, "\"action\":{\"type\":\"object\","
	    "\"required\":[\"Identifier\",\"Type\",\"Parameters\","
	    "\"Transitions\"],\"properties\":{"
	    "\"Identifier\":{\"type\":\"string\",\"minLength\":1},"
	    "\"Type\":{\"enum\":[");
	for (i = 0; i < c->n; i++) {
		if (i > 0)
			fl_buf_addch(b, ',');
		add_name(b, c->v[i].type);
	}
	fl_buf_adds(b, "]},\"Parameters\":{\"type\":\"object\"},"
	    "\"Transitions\":{\"$ref\":\"#/$defs/transitions\"}},"
	    "\"allOf\":[");
	for (i = 0; i < c->n; i++) {
		const struct fl_cat_action *a = &c->v[i];

		if (i > 0)
			fl_buf_addch(b, ',');
		fl_buf_adds(b, "{\"if\":{\"required\":[\"Type\"],\"properties\":"
		    "{\"Type\":{\"const\":");
		add_name(b, a->type);
		fl_buf_adds(b, "}}},\"then\":{\"description\":");
		add_name(b, a->source);
		fl_buf_adds(b, ",\"properties\":{");
		add_parameters(b, a);
		fl_buf_addch(b, ',');
		add_transitions(b, a);
		fl_buf_adds(b, "}}}");
	}
	fl_buf_adds(b, "]}");
}

void
fl_schema_flow(struct fl_buf *b, const struct fl_catalog *c)
{
	fl_buf_adds(b, "{\"$schema\":\"https://json-schema.org/draft/2020-12/"
	    "schema\",\"$id\":\"" FLOWLINT_HOMEPAGE "schema/flow.schema.json\","
	    "\"title\":\"Amazon Connect flow language (flowlint "
	    FLOWLINT_VERSION ")\","
	    "\"description\":\"A flow-language document, or an exported "
	    "file whose string Content holds one.\","
	    "\"anyOf\":[{\"$ref\":\"#/$defs/flow\"},{\"$ref\":\"#/$defs/export\"}],"
	    "\"$defs\":{"
	    "\"flow\":{\"type\":\"object\","
	    "\"required\":[\"Version\",\"StartAction\",\"Actions\"],"
	    "\"properties\":{"
	    "\"Version\":{\"const\":\"2019-10-30\"},"
	    "\"StartAction\":{\"type\":\"string\",\"minLength\":1},"
	    "\"Metadata\":{\"type\":\"object\"},"
	    "\"Settings\":{\"type\":\"object\"},"
	    "\"Actions\":{\"type\":\"array\",\"items\":"
	    "{\"$ref\":\"#/$defs/action\"}}}},"
	    "\"export\":{\"type\":\"object\",\"required\":[\"Content\"],"
	    "\"properties\":{\"Name\":{\"type\":\"string\"},"
	    "\"Type\":{\"type\":\"string\"},"
	    "\"Content\":{\"type\":\"string\","
	    "\"contentMediaType\":\"application/json\","
	    "\"contentSchema\":{\"$ref\":\"#/$defs/flow\"}}}},"
	    "\"transitions\":{\"type\":\"object\",\"properties\":{"
	    "\"NextAction\":{\"type\":\"string\",\"minLength\":1},"
	    "\"Errors\":{\"type\":\"array\",\"items\":{\"type\":\"object\","
	    "\"required\":[\"NextAction\",\"ErrorType\"],\"properties\":{"
	    "\"NextAction\":{\"type\":\"string\",\"minLength\":1},"
	    "\"ErrorType\":{\"type\":\"string\"}}}},"
	    "\"Conditions\":{\"$ref\":\"#/$defs/conditions\"}}},"
	    "\"conditions\":{\"type\":\"array\",\"items\":{\"type\":\"object\","
	    "\"required\":[\"NextAction\",\"Condition\"],\"properties\":{"
	    "\"NextAction\":{\"type\":\"string\",\"minLength\":1},"
	    "\"Condition\":{\"type\":\"object\","
	    "\"required\":[\"Operator\",\"Operands\"],\"properties\":{"
	    "\"Operator\":{\"type\":\"string\"},"
	    "\"Operands\":{\"type\":\"array\"}}}}}},");
	add_action(b, c);
	fl_buf_adds(b, "}}\n");
}
