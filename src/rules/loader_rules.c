/*
 * Rules the loader reports while reading a file, before any flow rule
 * runs (their check is NULL): the file or its Content is not usable JSON,
 * or is JSON with a defect the loader sees first.
 */
#include "rules/rule.h"

const struct fl_rule fl_rule_invalid_json = {
	.code = "FL001", .name = "invalid-json", .severity = FL_SEV_ERROR,
};

const struct fl_rule fl_rule_invalid_content = {
	.code = "FL002", .name = "invalid-content", .severity = FL_SEV_ERROR,
};

const struct fl_rule fl_rule_duplicate_key = {
	.code = "FL004", .name = "duplicate-key", .severity = FL_SEV_ERROR,
};

const struct fl_rule fl_rule_number_out_of_range = {
	.code = "FL005", .name = "number-out-of-range",
	.severity = FL_SEV_WARNING,
};

const struct fl_rule fl_rule_legacy_export = {
	.code = "FL006", .name = "legacy-export", .severity = FL_SEV_ERROR,
};
