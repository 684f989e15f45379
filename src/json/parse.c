/*
 * Placeholder until the parser lands; see json.h for the contract.
 */
#include "json/json.h"
