/**
 * npm run keys: a fresh gateway → subgraph key pair for a deployment, as
 * environment lines: INTERNAL_PRIVATE_KEY for the gateway alone,
 * INTERNAL_PUBLIC_KEY for the subgraphs (line breaks written as \n, which both read back).
 */
import { generateInternalKeyPair } from '../shared/auth/internal-token';

const { privateKey, publicKey } = generateInternalKeyPair();
const oneLine = (pem: string): string => pem.trim().replace(/\n/g, '\\n');
process.stdout.write(`INTERNAL_PRIVATE_KEY="${oneLine(privateKey)}"\nINTERNAL_PUBLIC_KEY="${oneLine(publicKey)}"\n`);
