import './tracing';
import 'reflect-metadata';
import { listenForGatewayUrl } from '../../shared/config/gateway-url';
import { runSubgraph } from '../../shared/http/run-subgraph';
import { createLogger } from '../../shared/logging/logger';
import { reportsConfig } from './config';
import { loadSigningIdentity } from './documents/signing-identity';
import { reportsSubgraph } from './server';

// Before anything listens: the gateway's address may come from the parent (scripts/system.ts on free ports).
listenForGatewayUrl();
// A missing production key or an unreadable certificate stops the process here, not at the first report.
loadSigningIdentity(reportsConfig().signing, createLogger('reports'));
runSubgraph(reportsSubgraph);
