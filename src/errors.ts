// Errors a user can act on. Every failure the user caused (bad flag, unreadable file, unknown id)
// is a VigilError with a kind; the kind alone decides the CLI exit code and the HTTP status.

export type ErrorKind = 'input' | 'unauthenticated' | 'not-found' | 'forbidden' | 'conflict' | 'too-many' | 'internal';

export class VigilError extends Error {
  override readonly name = 'VigilError';
  constructor(
    readonly kind: ErrorKind,
    /** Namespaced, stable code for machines: `search.bad-cursor`, `watchlist.unknown-entry`. */
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** CLI exit codes (STYLE §12): 0 ok, 1 user error, 2 internal error. */
export function exitCodeFor(error: unknown): 1 | 2 {
  return error instanceof VigilError && error.kind !== 'internal' ? 1 : 2;
}

const httpStatusByKind: Record<ErrorKind, number> = {
  input: 400,
  unauthenticated: 401,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  'too-many': 429,
  internal: 500,
};

export function httpStatusFor(error: unknown): number {
  return error instanceof VigilError ? httpStatusByKind[error.kind] : 500;
}

/** A one-line message safe to show a user; internal errors never leak their details. */
export function userMessage(error: unknown): string {
  if (error instanceof VigilError && error.kind !== 'internal') return error.message;
  return 'internal error: ' + (error instanceof Error ? error.message : String(error));
}
