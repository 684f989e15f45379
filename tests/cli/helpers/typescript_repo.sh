# Sourced by the tests of a monorepo where flows live beside other JSON:
# typescript_repo DIR lays out (without git) a TypeScript Lambda project
# with the JSON its tools write -- tsconfig.json and
# .vscode/settings.json with comments (JSONC, which is not JSON),
# package.json, a Terraform plan in JSON -- beside a clean wrapped flow
# and a queue in the reference layout.  nonflow_sums DIR prints the
# checksums of everything but the flow, to prove none of it changed.
typescript_repo() {
	mkdir -p "$1/lambda/src" "$1/.vscode" "$1/infra" \
	    "$1/imports/resources/flows" "$1/imports/resources/queues"
	cat > "$1/lambda/tsconfig.json" <<'JSONC'
{
  "compilerOptions": {
    /* Visit https://aka.ms/tsconfig to read more about this file */
    "target": "es2022",                                  /* Set the JavaScript language version. */
    "module": "commonjs",
    // "rootDir": "./",
    "strict": true,
  }
}
JSONC
	cat > "$1/.vscode/settings.json" <<'JSONC'
{
  // Format flows on save
  "editor.formatOnSave": true,
  "files.associations": { "*.json": "jsonc" },
}
JSONC
	printf '{\n  "name": "lookup",\n  "version": "1.0.0",\n  "scripts": {"build": "tsc"},\n  "devDependencies": {"typescript": "^5.4.0"}\n}\n' > "$1/lambda/package.json"
	printf 'export const handler = async () => ({ ok: true });\n' > "$1/lambda/src/index.ts"
	printf 'resource "aws_connect_queue" "sales" {\n  name = "sales"\n}\n' > "$1/infra/main.tf"
	printf '{"format_version":"1.2","terraform_version":"1.7.5","planned_values":{"root_module":{}}}' > "$1/infra/plan.json"
	printf '{"Name":"sales","QueueId":"2b8e7c14-93d5-4f6a-a1c7-5e0f9b3d8264","Status":"ENABLED"}' > "$1/imports/resources/queues/sales.json"
	cat > "$1/imports/resources/flows/inbound.json" <<'FLOW'
{
  "Name": "inbound",
  "Type": "CONTACT_FLOW",
  "Content": "{\"Version\":\"2019-10-30\",\"StartAction\":\"a\",\"Actions\":[{\"Identifier\":\"a\",\"Type\":\"DisconnectParticipant\",\"Parameters\":{},\"Transitions\":{}}]}"
}
FLOW
}
nonflow_sums() {
	(cd "$1" && find . -path ./.git -prune -o -type f ! -path './imports/resources/flows/*' -print |
	    LC_ALL=C sort | xargs cksum)
}
