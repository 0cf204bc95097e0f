#!/usr/bin/env bash
# Run once by the lead after the last merge of issue 15: formats the whole tree with Prettier (twice: the import sorter
# moves a comment or two on the first pass), then checks that lint, types, the unit tests and the supergraph hold.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run format --silent >/dev/null
npm run format --silent >/dev/null
npm run lint
npm run typecheck
npm run test:unit
npm run compose --silent
git diff --exit-code --stat supergraph.graphql
