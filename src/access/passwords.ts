// Passwords are kept only as scrypt hashes (RFC 7914), through Node's own binding to OpenSSL: memory-hard, so a
// stolen store costs an attacker memory as well as time per guess. The stored form names its parameters, so they
// can be raised later without breaking the passwords already set.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { VigilError } from '../errors.js';

export interface ScryptCost {
  /** CPU/memory cost, a power of two; memory used is 128 · N · r bytes (32 MiB at the default). */
  N: number;
  r: number;
  p: number;
}

/**
 * N = 2^15, r = 8, p = 1: 32 MiB and about 0.1 s a hash here, above OWASP's scrypt minimum (N = 2^17 with
 * r = 8 for 128 MiB is its first choice; 2^15 keeps a login burst from exhausting a shared server's memory).
 */
export const defaultScryptCost: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

const keyLength = 32;
const saltLength = 16;

/** Shortest password accepted; NIST SP 800-63B §5.1.1.2 asks at least 8, ours guard seized intelligence. */
export const minimumPasswordLength = 12;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64url. */
export async function hashPassword(password: string, cost: ScryptCost = defaultScryptCost): Promise<string> {
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when the password is the one hashed; compares in constant time. A malformed stored hash is an error. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  const [scheme, n, r, p, salt, hash] = parts;
  if (parts.length !== 6 || scheme !== 'scrypt') throw new VigilError('internal', 'access.bad-hash', 'a stored password hash is not in the scrypt$N$r$p$salt$hash form');
  const expected = Buffer.from(hash!, 'base64url');
  const key = await derive(password, Buffer.from(salt!, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** What is wrong with a password chosen by a person, or null when it will do. */
export function passwordProblem(password: string, userName: string): string | null {
  if ([...password].length < minimumPasswordLength) return `a password needs at least ${minimumPasswordLength} characters`;
  if (password.toLowerCase().includes(userName.toLowerCase())) return 'a password must not contain the user name';
  if (new Set(password).size < 5) return 'a password needs more than a few different characters';
  return null;
}

/** Letters and digits that cannot be mistaken for one another when read off a screen (no 0/O, 1/l/I). */
const readable = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password: 20 readable characters from the system's random source (about 115 bits), in groups of five. */
export function oneTimePassword(): string {
  const out: string[] = [];
  // Rejection sampling keeps every character equally likely (256 is not a multiple of the alphabet's size).
  const limit = 256 - (256 % readable.length);
  while (out.length < 20) {
    for (const byte of randomBytes(32)) {
      if (byte < limit && out.length < 20) out.push(readable[byte % readable.length]!);
    }
  }
  return [0, 5, 10, 15].map((at) => out.slice(at, at + 5).join('')).join('-');
}
