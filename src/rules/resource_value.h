/*
 * FL506 invalid-parameter, for the parameters that hold a Connect
 * resource (rules/data/resource-parameters.json): a static value that is
 * none of the resource's ID, its ARN, a JSONPath or a placeholder.
 */
#ifndef FL_RULES_RESOURCE_VALUE_H
#define FL_RULES_RESOURCE_VALUE_H

#include <stdbool.h>

struct fl_action;
struct fl_rule_ctx;

/*
 * Reports the resource parameters of action `a` (whose Parameters is an
 * object) that hold such a value.  `known`: its type is in the catalog,
 * and the table says which parameters hold what; else they are known by
 * name (QueueId holds a queue in every action that has it).
 */
void fl_resource_values_check(struct fl_rule_ctx *ctx,
    const struct fl_action *a, bool known);

#endif
