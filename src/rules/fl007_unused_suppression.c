/*
 * FL007 unused-suppression: a suppression in the configuration that
 * matched no finding in this run, so that suppressions do not outlive
 * the findings they were written for.  Reported by the run's filter
 * (src/config/filter.c) at the suppression's entry, not by a flow check.
 */
#include "rules/rule.h"

const struct fl_rule fl_rule_unused_suppression = {
	.code = "FL007", .name = "unused-suppression",
	.severity = FL_SEV_WARNING,
};
