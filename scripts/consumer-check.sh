#!/usr/bin/env bash
# Installs the packed plugin in a fresh project outside this repository, lints a Knex migration
# and a Prisma migration.sql with the `eslint` CLI and the recommended preset, and checks the report.
# The project lives under /tmp so that module resolution cannot fall back to this repository's
# node_modules: only what the tarball declares is there.
set -euo pipefail

ESLINT_VERSION=10.15.0
TYPESCRIPT_VERSION=6.0.3
EXPECTED_RULE=live-upgrade/require-concurrent-index-creation

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/live-upgrade-consumer.XXXXXX)
trap 'rm -rf "$work"' EXIT

fail() { printf 'consumer check FAILED: %s\n' "$*" >&2; exit 1; }

echo "-- npm pack (runs prepack: build:plugin)"
mkdir "$work/pack"
(cd "$repo" && npm pack --pack-destination "$work/pack")
tarballs=("$work"/pack/*.tgz)
[[ ${#tarballs[@]} == 1 && -f ${tarballs[0]} ]] || fail "npm pack did not produce exactly one tarball"
tarball=${tarballs[0]}

echo "-- install $(basename "$tarball"), eslint@$ESLINT_VERSION, typescript@$TYPESCRIPT_VERSION in $work/project"
project=$work/project
mkdir -p "$project/migrations"
cd "$project"
printf '{ "name": "consumer-check", "version": "1.0.0", "private": true }\n' >package.json
npm install --no-audit --no-fund --save-dev "$tarball" "eslint@$ESLINT_VERSION" "typescript@$TYPESCRIPT_VERSION"

cat >eslint.config.mjs <<'EOF'
import liveUpgrade from 'eslint-plugin-live-upgrade';

export default [...liveUpgrade.configs.recommended];
EOF

migration=migrations/20240101000000_add_index.ts
cat >"$migration" <<'EOF'
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => {
    table.index(['email'], 'users_email_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (table) => {
    table.dropIndex(['email'], 'users_email_idx');
  });
}
EOF
expected_line=$(grep -n 'table.index(' "$migration" | cut -d: -f1)

# A .sql migration goes through the plugin's SQL language.
sql_migration=prisma/migrations/20240101000000_add_index/migration.sql
mkdir -p "$(dirname "$sql_migration")"
printf -- '-- CreateIndex\nCREATE INDEX "User_email_idx" ON "User"("email");\n' >"$sql_migration"
sql_expected_line=$(grep -n '^CREATE INDEX' "$sql_migration" | cut -d: -f1)

echo "-- eslint --format json migrations prisma"
# Exit code 1 means "problems found", which is what we expect; 2 means ESLint itself failed.
status=0
npx --no-install eslint --format json migrations prisma >report.json || status=$?
[[ $status == 0 || $status == 1 ]] || fail "eslint exited with $status"
jq -r '.[] | .filePath as $file | .messages[] | "\($file):\(.line):\(.column) \(.ruleId // "fatal") \(.message)"' report.json

jq -e 'length == 2' report.json >/dev/null || fail "expected a result for exactly two files"
fatal=$(jq '[.[].messages[] | select(.fatal == true)] | length' report.json)
[[ $fatal == 0 ]] || fail "a migration did not parse (fatal messages in the report)"
for checked in "$migration:$expected_line" "$sql_migration:$sql_expected_line"; do
  file=${checked%:*}
  line=${checked##*:}
  lines=$(jq -c --arg rule "$EXPECTED_RULE" --arg file "$project/$file" \
    '[.[] | select(.filePath == $file) | .messages[] | select(.ruleId == $rule) | .line]' report.json)
  [[ $lines == "[$line]" ]] || fail "expected one $EXPECTED_RULE report at line $line of $file, got lines $lines"
done

echo "consumer check passed: $EXPECTED_RULE reported at $migration:$expected_line and $sql_migration:$sql_expected_line"
