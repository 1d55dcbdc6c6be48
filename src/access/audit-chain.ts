// The audit log's tamper evidence: each record carries the SHA-256 of its own fields and of the record before it,
// so editing, removing or reordering any record breaks every link after it. An attacker who rewrites the whole
// chain from the edited record on is caught by an anchor kept elsewhere: the head (sequence and hash) printed by
// `vigil audit verify` and carried by every record exported to a SIEM.
import { createHash } from 'node:crypto';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

/** What happened, before it is sealed into the chain. */
export interface AuditEvent {
  at: string;
  /** Who: `user:leila`, `cli:root`, `anonymous` (a failed login names no user). */
  actor: string;
  /** What, as a stable code: `screen`, `document.view`, `login`, `watchlist.change`, `users.add` … */
  action: string;
  /** What it was done to: a document or entry id, a user name; null when nothing in particular. */
  target: string | null;
  outcome: AuditOutcome;
  /** The rest, as JSON: the screening's hits, the route, the address a login came from. */
  details: Record<string, unknown>;
}

export interface AuditRecord extends Omit<AuditEvent, 'details'> {
  /** 1, 2, 3 … with no gaps. */
  seq: number;
  /** The details as stored and hashed: canonical JSON (keys sorted). */
  details: string;
  /** The hash of the record before (64 zeros for the first). */
  prev: string;
  hash: string;
}

export const genesisHash = '0'.repeat(64);

/** JSON with every object's keys sorted, so the same details always hash the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The hash of a record: every field but the hash itself, length-prefixed so no two records can share a hash input. */
export function auditHash(record: Omit<AuditRecord, 'hash'>): string {
  const fields = [String(record.seq), record.at, record.actor, record.action, record.target ?? '\u0000', record.outcome, record.details, record.prev];
  const hash = createHash('sha256');
  for (const field of fields) hash.update(`${Buffer.byteLength(field)}:${field};`);
  return hash.digest('hex');
}

/** The next record of the chain, sealed. */
export function sealAuditEvent(event: AuditEvent, previous: Pick<AuditRecord, 'seq' | 'hash'> | null): AuditRecord {
  const unsealed = { ...event, details: canonicalJson(event.details), seq: (previous?.seq ?? 0) + 1, prev: previous?.hash ?? genesisHash };
  return { ...unsealed, hash: auditHash(unsealed) };
}

export interface ChainProblem {
  seq: number;
  problem: string;
}

/** Checks records in order, one page after another; `problems` holds the first break found (later ones follow from it). */
export class AuditChainVerifier {
  private last: Pick<AuditRecord, 'seq' | 'hash'> | null = null;
  records = 0;
  problem: ChainProblem | null = null;

  /** Feeds the next records in sequence order; false once a break has been found. */
  check(records: readonly AuditRecord[]): boolean {
    for (const record of records) {
      if (this.problem) return false;
      const expectedSeq = (this.last?.seq ?? 0) + 1;
      const expectedPrev = this.last?.hash ?? genesisHash;
      if (record.seq !== expectedSeq) {
        this.problem = { seq: record.seq, problem: record.seq > expectedSeq ? `records ${expectedSeq}–${record.seq - 1} are missing` : `record ${record.seq} is out of order (expected ${expectedSeq})` };
      } else if (auditHash(record) !== record.hash) {
        this.problem = { seq: record.seq, problem: `record ${record.seq} was changed after it was written (its hash does not match its fields)` };
      } else if (record.prev !== expectedPrev) {
        this.problem = { seq: record.seq, problem: `record ${record.seq} does not follow record ${expectedSeq - 1} (the chain was rewritten or reordered here)` };
      } else {
        this.last = { seq: record.seq, hash: record.hash };
        this.records++;
      }
    }
    return this.problem === null;
  }

  /** The last good record: the anchor to keep elsewhere. */
  get head(): Pick<AuditRecord, 'seq' | 'hash'> | null {
    return this.last;
  }
}
