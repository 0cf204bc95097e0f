/**
 * Reading configuration from the environment. A missing required variable or a
 * malformed value throws at start-up, naming the variable, so a service never
 * runs half-configured.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new ConfigError(`environment variable ${name} is required`);
  }
  return value.trim();
}

export function optionalEnv(name: string, fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

export function portEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = optionalEnv(name, String(fallback), env);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`environment variable ${name} must be a TCP port, got '${raw}'`);
  }
  return port;
}

export function booleanEnv(name: string, fallback: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = optionalEnv(name, String(fallback), env).toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`environment variable ${name} must be true or false, got '${raw}'`);
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** A duration as seconds: `90`, `90s`, `15m`, `12h`, `1d`. */
export function durationEnv(name: string, fallback: string, env: NodeJS.ProcessEnv = process.env): number {
  const raw = optionalEnv(name, fallback, env);
  const match = /^(\d+)\s*([smhd]?)$/.exec(raw);
  if (!match)
    throw new ConfigError(`environment variable ${name} must be a duration such as 90s, 15m or 12h, got '${raw}'`);
  return Number(match[1]) * UNIT_SECONDS[match[2] || 's'];
}

export function positiveIntEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = optionalEnv(name, String(fallback), env);
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new ConfigError(`environment variable ${name} must be a positive integer, got '${raw}'`);
  return value;
}
