// Configuration is resolved once — flags, then environment, then defaults — and passed down (STYLE §4).
// Nothing reads process.env anywhere else.
import { resolve } from 'node:path';
import { z } from 'zod';
import { VigilError } from './errors.js';
import type { LogLevel } from './logger.js';

interface Setting<T> {
  doc: string;
  env: string;
  default: T;
  schema: z.ZodType<T>;
}

export const settings = {
  dataDir: {
    doc: 'folder holding the embedded store and original files',
    env: 'VIGIL_DATA',
    default: './vigil-data',
    schema: z.string().min(1),
  },
  store: {
    doc: "the store: empty for the embedded SQLite store in the data folder, or a PostgreSQL URL postgres://user:password@host:5432/database",
    env: 'VIGIL_STORE',
    default: '',
    schema: z.string().refine((v) => v === '' || /^postgres(ql)?:\/\/[^/]+\/[^/?]+/i.test(v), 'a postgres://… URL naming a host and a database'),
  },
  blobDir: {
    doc: 'folder holding the original files (default: blobs/ in the data folder); with a PostgreSQL store, a path every Vigil machine shares',
    env: 'VIGIL_BLOBS',
    default: '',
    schema: z.string(),
  },
  host: {
    doc: 'address the HTTP server listens on',
    env: 'VIGIL_HOST',
    default: '127.0.0.1',
    schema: z.string().min(1),
  },
  port: {
    doc: 'port the HTTP server listens on',
    env: 'VIGIL_PORT',
    default: 8080,
    schema: z.coerce.number().int().min(0).max(65535),
  },
  logLevel: {
    doc: 'debug | info | warn | error | silent',
    env: 'VIGIL_LOG_LEVEL',
    default: 'warn' as LogLevel,
    schema: z.enum(['debug', 'info', 'warn', 'error', 'silent']),
  },
} satisfies Record<string, Setting<unknown>>;

type Settings = typeof settings;
export type Config = { [K in keyof Settings]: Settings[K]['default'] };

export function resolveConfig(
  flags: Partial<Record<keyof Config, unknown>>,
  env: Record<string, string | undefined>,
): Config {
  const out: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(settings) as [keyof Config, Setting<unknown>][]) {
    const flag = flags[key];
    const raw = flag !== undefined ? flag : env[setting.env] !== undefined && env[setting.env] !== '' ? env[setting.env] : setting.default;
    const parsed = setting.schema.safeParse(raw);
    if (!parsed.success) {
      const from = flag !== undefined ? `--${key}` : env[setting.env] !== undefined ? setting.env : 'default';
      // A store URL may carry a password: never repeat it in a message.
      const shown = typeof raw === 'string' ? raw.replace(/\/\/[^@/]*@/, '//') : raw;
      throw new VigilError('input', 'config.invalid', `${from}: ${JSON.stringify(shown)} is not a valid ${key} (${setting.doc})`);
    }
    out[key] = parsed.data;
  }
  const config = out as Config;
  const dataDir = resolve(config.dataDir);
  return { ...config, dataDir, blobDir: config.blobDir === '' ? resolve(dataDir, 'blobs') : resolve(config.blobDir) };
}
