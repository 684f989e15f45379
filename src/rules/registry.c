/*
 * The rule table every command iterates, built from rules.def.
 */
#include "rules/rule.h"

#include <strings.h>

const struct fl_rule *const fl_rules[] = {
#define FL_RULE(name) &fl_rule_##name,
#include "rules/rules.def"
#undef FL_RULE
};

const unsigned fl_rule_count = sizeof(fl_rules) / sizeof(fl_rules[0]);

const struct fl_rule *
fl_rule_find(const char *code_or_name)
{
	unsigned i;

	for (i = 0; i < fl_rule_count; i++)
		if (strcasecmp(fl_rules[i]->code, code_or_name) == 0 ||
		    strcasecmp(fl_rules[i]->name, code_or_name) == 0)
			return fl_rules[i];
	return NULL;
}

unsigned
fl_rule_index(const struct fl_rule *r)
{
	unsigned i;

	for (i = 0; i < fl_rule_count; i++)
		if (fl_rules[i] == r)
			return i;
	return 0;
}
