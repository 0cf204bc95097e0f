# One image for the gateway, the hall, the ingest and the subgraphs; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json tsconfig.browser.json ./
COPY shared shared
COPY gateway gateway
COPY hall hall
COPY ingest ingest
COPY dev-identity dev-identity
COPY subgraphs subgraphs
COPY scripts scripts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# shared/config/node-flags.ts SERVICE_NODE_FLAGS (why: there).
ENV NODE_OPTIONS=--max-semi-space-size=32
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json supergraph.graphql README.md ./
# The pages' stylesheets and the documents the landing page links (hall/pages/static-assets.ts, docs-page.ts).
COPY hall/assets hall/assets
COPY docs docs
USER node
CMD ["node", "dist/gateway/index.js"]
