/**
 * Every environment variable the system reads, with the processes that read it, its default and what it
 * means: the one list that `.env.example` (scripts/env-example.ts, `npm run env:example`) and the README's
 * configuration table are generated from, and that test/unit/env-example.test.ts holds them to.
 * The modules that read a variable (shared/config/env.ts helpers in each config.ts) keep their own parsing.
 */
export interface ConfigVariable {
  /** The variable, or several set together (the subgraphs' ports, a key pair). */
  names: readonly string[];
  /** The processes or commands that read it. */
  usedBy: string;
  /** The default, as prose (`—` when there is none). */
  defaultValue: string;
  description: string;
  /** How the names are joined in the table: `, ` (set each) or ` / ` (set one of them). */
  joiner?: ' / ';
}

export const CONFIG_VARIABLES: readonly ConfigVariable[] = [
  {
    names: ['DATABASE_URL'],
    usedBy: 'subgraphs, `npm start`, `npm test`',
    defaultValue: '— (embedded PostgreSQL)',
    description: 'PostgreSQL connection URL; required by a subgraph process, which `npm start` passes',
  },
  {
    names: ['DATA_DIR'],
    usedBy: '`npm start`',
    defaultValue: '`.data/postgres`',
    description: 'where the embedded PostgreSQL keeps its files (`cluster/`) and its password (`password`, 0600)',
  },
  {
    names: ['DB_STATEMENT_TIMEOUT_MS'],
    usedBy: 'subgraphs (ORM, event consumers, pg-boss)',
    defaultValue: '`15000`',
    description:
      '`statement_timeout` of every connection: a statement running longer is cancelled (SQLSTATE 57014); `0` = none',
  },
  {
    names: ['DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'],
    usedBy: 'subgraphs',
    defaultValue: '`15000`',
    description:
      '`idle_in_transaction_session_timeout`: a session idle inside a transaction that long is ended and the transaction rolled back; `0` = none',
  },
  {
    names: ['DB_MIGRATION_STATEMENT_TIMEOUT_MS'],
    usedBy: 'subgraphs',
    defaultValue: '`0` (none)',
    description:
      '`statement_timeout` of the connections that apply migrations at start (an index build may take minutes)',
  },
  { names: ['GATEWAY_PORT'], usedBy: 'gateway, `npm start`', defaultValue: '`4000`', description: 'gateway port' },
  {
    names: ['GATEWAY_METRICS_PORT'],
    usedBy: 'gateway, `npm start`',
    defaultValue: '`9464`',
    description:
      "the gateway's internal listener: `/metrics` (Prometheus) and `/health/subgraphs`; never served on `GATEWAY_PORT`",
  },
  {
    names: ['METRICS_HOST'],
    usedBy: 'gateway',
    defaultValue: '`127.0.0.1`',
    description: 'interface of that listener (`0.0.0.0` in a container, with the port not published)',
  },
  {
    names: [
      'SUBJECTS_PORT',
      'SANCTIONS_PORT',
      'COMMITMENTS_PORT',
      'REPAIRS_PORT',
      'REPORTS_PORT',
      'EVALUATIONS_PORT',
      'EXCHANGE_PORT',
    ],
    usedBy: 'subgraphs, `npm start`',
    defaultValue: '`4001`–`4005`, `4009` (evaluations), `4010` (exchange)',
    description: 'subgraph ports',
  },
  {
    names: [
      'SUBJECTS_URL',
      'SANCTIONS_URL',
      'COMMITMENTS_URL',
      'REPAIRS_URL',
      'REPORTS_URL',
      'EVALUATIONS_URL',
      'EXCHANGE_URL',
    ],
    usedBy: 'gateway',
    defaultValue: 'from `supergraph.graphql`',
    description: 'where the gateway reaches each subgraph',
  },
  {
    names: ['REPORT_SIGNING_P12_FILE', 'REPORT_SIGNING_P12_PASSWORD'],
    usedBy: 'reports subgraph',
    defaultValue: '— (development: a self-signed certificate made at start, logged as such)',
    description:
      "the platform's key and certificate (PKCS#12) that sign every 信用报告; required when `NODE_ENV=production`",
  },
  {
    names: ['GATEWAY_URL'],
    usedBy: 'reports subgraph',
    defaultValue: '— (the parent process says it under `npm start`)',
    description: "where the reports subgraph reaches the gateway to gather a report's sections as the caller",
  },
  {
    names: ['BIND_HOST'],
    usedBy: 'subgraphs',
    defaultValue: '`127.0.0.1`',
    description: 'interface a subgraph listens on (`0.0.0.0` in containers)',
  },
  {
    names: ['SUPERGRAPH_FILE'],
    usedBy: 'gateway',
    defaultValue: '`supergraph.graphql`',
    description: 'the composed supergraph',
  },
  {
    names: ['BODY_LIMIT'],
    usedBy: 'gateway, subgraphs',
    defaultValue: '`8mb` (gateway), `16mb` (subgraphs)',
    description: 'largest request body (5,000 reported records of 1.6 KB per call fit)',
  },
  {
    names: ['PUBLIC_BODY_LIMIT'],
    usedBy: 'gateway',
    defaultValue: '`64kb`',
    description: 'largest body without a valid token',
  },
  {
    names: ['SHUTDOWN_GRACE_SECONDS'],
    usedBy: 'gateway, subgraphs',
    defaultValue: '`20`',
    description:
      'on SIGTERM/SIGINT: requests in flight may finish this long (new connections refused, idle keep-alive ones closed, answers carry `connection: close`); an upload stops after its batches in flight with `SHUTTING_DOWN` and `lastRowApplied`; then exit 0',
  },
  {
    names: ['MAX_DOCUMENT_LENGTH', 'MAX_TOKENS', 'MAX_NESTING'],
    usedBy: 'gateway',
    defaultValue: '`100000`, `15000`, `64`',
    description: 'checked on the document text before it is parsed',
  },
  {
    names: ['NODE_ENV'],
    usedBy: 'all',
    defaultValue: '`development`',
    description:
      '`production` hides internal error details and stack traces, needs a token for introspection, turns GraphiQL off',
  },
  {
    names: ['AUTH_JWKS_URL', 'AUTH_PUBLIC_KEY_FILE'],
    usedBy: 'gateway',
    defaultValue: '—',
    description: 'production token keys (RS256/ES256); set at most one of these, with or without `AUTH_JWT_SECRET`',
    joiner: ' / ',
  },
  {
    names: ['AUTH_JWT_SECRET'],
    usedBy: 'gateway, `npm run token`',
    defaultValue: 'generated by `npm start` (or the first `npm run token`) into `.data/dev-jwt-secret`',
    description: 'development HS256 secret',
  },
  {
    names: ['AUTH_ISSUER', 'AUTH_AUDIENCE'],
    usedBy: 'gateway',
    defaultValue: "— (the development provider's under `npm start`)",
    description: "expected `iss` / `aud` of the identity provider's tokens (development HS256 tokens carry neither)",
  },
  {
    names: ['AUTH_SESSION_CLIENTS'],
    usedBy: 'gateway',
    defaultValue: '`gusu-hall`',
    description:
      'the identity provider\'s clients people sign in through (comma-separated `client_id`s): their users\' tokens report as 人工录入 (MANUAL), every other token as 接口调用 (INTERFACE); docs/EXCHANGE.md, "Submission channels"',
  },
  {
    names: ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_RESOURCE', 'OIDC_SCOPE'],
    usedBy: 'hall',
    defaultValue: 'the development provider under `npm start`; `OIDC_ISSUER` required in production',
    description: "sign-in with the district's identity provider (code + PKCE); docs/SIGN-IN.md",
  },
  {
    names: ['PUBLIC_URL'],
    usedBy: 'hall, reports subgraph',
    defaultValue:
      "— (required in production; in development the hall uses the request's Host and reports carry relative addresses)",
    description:
      "where users reach the system (`https://credit.gusu.gov.cn`): the redirect URI `<PUBLIC_URL>/auth/callback`, `Secure` cookies, and the prefix of a report's `downloadUrl`, `verifyUrl` and of the address in its QR code",
  },
  {
    names: ['HALL_SESSION_SECRET', 'HALL_SESSION_IDLE'],
    usedBy: 'hall',
    defaultValue: 'fresh per start (required in production, 32+ characters); `30m`',
    description: "the session cookie's encryption key; its idle limit",
  },
  {
    names: ['HALL_PORT', 'INGEST_PORT'],
    usedBy: 'hall, ingest, `npm start`',
    defaultValue: '`4006`, `4008`',
    description: "the hall's and the ingest service's ports (internal: the gateway forwards to them)",
  },
  {
    names: ['DEV_IDP_PORT'],
    usedBy: '`npm start`, dev-identity',
    defaultValue: '`4007`',
    description: 'the development identity provider (never in production); `DEV_IDP_*` in docs/SIGN-IN.md',
  },
  {
    names: ['DEV_SECRET_FILE'],
    usedBy: '`npm start`, `npm run token`',
    defaultValue: '`.data/dev-jwt-secret`',
    description: 'where the generated development secret is kept',
  },
  {
    names: ['INTERNAL_PRIVATE_KEY'],
    usedBy: 'gateway only',
    defaultValue: 'generated by `npm start`',
    description:
      'Ed25519 private key (PKCS#8 PEM, `\\n` escapes allowed) signing the gateway → subgraph principal token; `npm run keys` prints a pair',
  },
  {
    names: ['INTERNAL_PUBLIC_KEY'],
    usedBy: 'subgraphs',
    defaultValue: 'generated by `npm start`',
    description: 'its public half (SPKI PEM)',
  },
  {
    names: ['AUTH_MAX_TOKEN_AGE'],
    usedBy: 'gateway',
    defaultValue: '`12h`',
    description: 'longest lifetime a token may have (`90s`, `15m`, `12h`, `1d`)',
  },
  {
    names: ['AUTH_CLOCK_SKEW'],
    usedBy: 'gateway',
    defaultValue: '`60s`',
    description: 'allowance for clocks that differ, on `iat`, `nbf` and `exp`',
  },
  {
    names: ['AUTHZ_REJECT_UNAUTHORIZED'],
    usedBy: 'gateway',
    defaultValue: '`false`',
    description: 'reject a whole operation that asks for an unauthorized field',
  },
  {
    names: ['MAX_DEPTH', 'MAX_ALIASES', 'MAX_COST'],
    usedBy: 'gateway',
    defaultValue: '`12`, `30`, `1000000`',
    description: 'operation limits',
  },
  {
    names: ['GRAPHIQL'],
    usedBy: 'gateway',
    defaultValue: 'on unless production',
    description: 'serve GraphiQL at /graphiql',
  },
  { names: ['LOG_LEVEL'], usedBy: 'all', defaultValue: '`info`', description: 'pino log level' },
  {
    names: ['DEMO_DATA'],
    usedBy: 'subgraphs, `npm start`',
    defaultValue: '`false` (`true` under `npm start`)',
    description: 'load the demo dataset into empty schemas at start',
  },
  {
    names: ['DEMO_SEED', 'DEMO_SUBJECTS', 'DEMO_TODAY'],
    usedBy: 'subgraphs, dev-identity',
    defaultValue: '`20200101`, `2000`, today (China)',
    description:
      'the deterministic demo dataset; larger `DEMO_SUBJECTS` for benchmarks; the development identity provider takes its subject logins from the same dataset',
  },
  {
    names: ['DB_POOL_MAX'],
    usedBy: 'subgraphs',
    defaultValue: '`5`',
    description: 'connection pool size per subgraph process',
  },
  { names: ['SQL_DEBUG'], usedBy: 'subgraphs', defaultValue: '`false`', description: 'log every SQL statement' },
  {
    names: ['EVENT_RETRY_LIMIT'],
    usedBy: 'subgraphs',
    defaultValue: '`6`',
    description:
      'retries (back-off from 1 s) before an event becomes a dead letter; applied when a queue is first created',
  },
  {
    names: ['EVENT_EXPIRE_SECONDS'],
    usedBy: 'subgraphs',
    defaultValue: '`8`',
    description:
      "how long a consumer may hold an event before it is handed out again (with the maintenance run and a 2 s poll, a dead consumer's event is handed out again within about 15 s: measured 10.0–14.0 s)",
  },
  {
    names: ['EVENT_MAINTENANCE_SECONDS'],
    usedBy: 'subgraphs',
    defaultValue: '`5`',
    description:
      "how often held events past their expiry are looked for (the expiry is a queue's own, set when the queue is first created: a database made before this default keeps 60 s until its queues are updated)",
  },
  {
    names: ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'],
    usedBy: 'all',
    defaultValue: '— (traces off)',
    description:
      'an OTLP/HTTP collector (`http://collector:4318`; JSON bodies to `/v1/traces`, or the traces URL as given): set, each process sends OpenTelemetry traces there; unset, the SDK is not even loaded. See docs/OPERATIONS.md, "Traces"',
    joiner: ' / ',
  },
  {
    names: ['OTEL_SERVICE_NAME'],
    usedBy: 'all',
    defaultValue: '`gusu-<service>`',
    description: "a process's service name in traces (set it per process, never once for all)",
  },
  {
    names: ['OTEL_TRACES_SAMPLER', 'OTEL_TRACES_SAMPLER_ARG'],
    usedBy: 'all',
    defaultValue: '`parentbased_always_on`',
    description: 'standard OpenTelemetry sampling (`parentbased_traceidratio` + `0.1` keeps a tenth of the requests)',
  },
  {
    names: ['OTEL_BSP_SCHEDULE_DELAY', 'OTEL_BSP_MAX_QUEUE_SIZE', 'OTEL_SDK_DISABLED'],
    usedBy: 'all',
    defaultValue: '`5000`, `2048`, `false`',
    description: 'standard span batching; `OTEL_SDK_DISABLED=true` turns traces off whatever the endpoint',
  },
  {
    names: ['HALL_URL'],
    usedBy: 'gateway',
    defaultValue: "— (`npm start` passes the hall's address)",
    description:
      "the hall process the pages' paths (`/`, `/hall`, `/verify`, …) are forwarded to; unset, they answer 503",
  },
  {
    names: ['INGEST_URL'],
    usedBy: 'gateway',
    defaultValue: "— (`npm start` passes the ingest service's address)",
    description:
      'the ingest service `POST /ingest` and the CSV export (`/reports/publicity-quality.csv`) are forwarded to; unset, they answer 503',
  },
  {
    names: ['HALL_BODY_LIMIT'],
    usedBy: 'hall',
    defaultValue: '`256kb`',
    description: 'largest request body the hall accepts',
  },
  {
    names: ['HALL_DEVELOPMENT'],
    usedBy: 'hall',
    defaultValue: '`true` outside production',
    description: 'development conveniences (`GET /auth/token`); always off with `NODE_ENV=production`',
  },
  {
    names: ['DEV_IDP_HOST'],
    usedBy: 'dev-identity',
    defaultValue: '`127.0.0.1`',
    description: "the development provider's interface: loopback only (`127.0.0.1`, `localhost` or `::1`)",
  },
  {
    names: ['DEV_IDP_ISSUER'],
    usedBy: 'dev-identity',
    defaultValue: '`http://localhost:<port>`',
    description: "the development provider's issuer",
  },
  {
    names: ['DEV_IDP_HALL_URL'],
    usedBy: 'dev-identity',
    defaultValue: '`http://localhost:4000`',
    description: "where the hall is reached: the client's redirect URIs",
  },
  {
    names: ['DEV_IDP_CLIENT_ID', 'DEV_IDP_CLIENT_SECRET'],
    usedBy: 'dev-identity',
    defaultValue: '`gusu-hall`; `npm start` generates the secret and gives it to the hall',
    description: "the hall's client at the development provider",
  },
  {
    names: ['DEV_IDP_RESOURCE'],
    usedBy: 'dev-identity',
    defaultValue: "the gateway's resource (`urn:gusu:credit-gateway`)",
    description: 'the audience of the access tokens it issues',
  },
  {
    names: ['DEV_IDP_TOKEN_TTL'],
    usedBy: 'dev-identity',
    defaultValue: '`1h`',
    description: 'lifetime of its access tokens; at most `AUTH_MAX_TOKEN_AGE`',
  },
  {
    names: ['DEV_IDP_SIGNING_KEY_FILE'],
    usedBy: 'dev-identity',
    defaultValue: '— (a fresh key at every start)',
    description: 'a P-256 PKCS#8 PEM to sign with instead',
  },
  { names: ['INGEST_MAX_BYTES'], usedBy: 'ingest', defaultValue: '`268435456` (256 MB)', description: 'largest file' },
  {
    names: ['INGEST_BATCH_ROWS'],
    usedBy: 'ingest',
    defaultValue: '`1000` (at most 5,000)',
    description: 'rows per report call (one transaction)',
  },
  {
    names: ['INGEST_BATCH_BYTES'],
    usedBy: 'ingest',
    defaultValue: '`1000000`',
    description: "text per report call, kept well below the subgraphs' `BODY_LIMIT`",
  },
  { names: ['INGEST_IN_FLIGHT'], usedBy: 'ingest', defaultValue: '`1`', description: 'batches applied at once' },
  {
    names: ['INGEST_XLSX_MAX_UNZIPPED_BYTES'],
    usedBy: 'ingest',
    defaultValue: '`536870912` (512 MB)',
    description: 'the XLSX parts read, unzipped, in all',
  },
  {
    names: ['INGEST_XLSX_MAX_RATIO'],
    usedBy: 'ingest',
    defaultValue: '`100`',
    description: "… and at most this many times the upload's size",
  },
  {
    names: ['INGEST_XLSX_MAX_TEMP_BYTES'],
    usedBy: 'ingest',
    defaultValue: '`1073741824` (1 GB)',
    description: 'temporary disk of one upload: the file plus its shared strings',
  },
  {
    names: ['INGEST_TEMP_DIR'],
    usedBy: 'ingest',
    defaultValue: "the system's (`TMPDIR`)",
    description: 'where those temporary files are made',
  },
  {
    names: ['INGEST_IDLE_SECONDS'],
    usedBy: 'ingest',
    defaultValue: '`60`',
    description: 'an upload that sends nothing this long is answered 408 `UPLOAD_TIMEOUT`',
  },
  {
    names: ['INGEST_MAX_CONCURRENT', 'INGEST_MAX_CONCURRENT_PER_ORG'],
    usedBy: 'ingest',
    defaultValue: '`4`, `2`',
    description: 'uploads in progress at once, and of one department',
  },
  {
    names: ['GUSU_URL', 'GUSU_TOKEN'],
    usedBy: '`npm run ingest`',
    defaultValue: '`http://127.0.0.1:4000`; —',
    description: 'the gateway the command-line upload posts to, and the token it posts with (or `--url`, `--token`)',
  },
  {
    names: ['EXCHANGE_PUSH_BACKOFF_START', 'EXCHANGE_PUSH_BACKOFF_CAP'],
    usedBy: 'exchange',
    defaultValue: '`1s`, `60s`',
    description:
      'push retries back off exponentially from the first to the second (with jitter: half to the whole of each step); durations such as `90s`, `15m`',
  },
  {
    names: ['EXCHANGE_PUSH_DEAD_LETTER_AFTER'],
    usedBy: 'exchange',
    defaultValue: '`24h`',
    description:
      'a batch failing this long is set aside as a dead letter (`deadLetters`, `replayDeadLetters`) and the feed moves on',
  },
  {
    names: ['EXCHANGE_PUSH_TIMEOUT'],
    usedBy: 'exchange',
    defaultValue: '`10s`',
    description: 'a push not answered within this is a failed attempt',
  },
  {
    names: ['EXCHANGE_PUSH_BATCH_ENTRIES', 'EXCHANGE_PUSH_POLL_MS'],
    usedBy: 'exchange',
    defaultValue: '`500`, `100`',
    description:
      'entries per push batch (at most 500; a body stays within 1 MB), and how often the worker looks for new entries',
  },
  {
    names: ['EXCHANGE_RECONCILE_AT'],
    usedBy: 'exchange',
    defaultValue: '`03:00`',
    description:
      'the daily reconciliation with every receiver that has a reconcile URL, China time `HH:MM`; `off` = only on request (`reconcile`)',
  },
];
