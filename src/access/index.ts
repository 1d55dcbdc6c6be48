// access: who may do what, and the proof of who did. Passwords (scrypt), API tokens, the role and permission
// table, and the audit log's hash chain. Pure but for hashing; storing users, tokens and records is the store's job.
export { hashPassword, verifyPassword, passwordProblem, oneTimePassword, minimumPasswordLength, defaultScryptCost, type ScryptCost } from './passwords.js';
export { newToken, tokenHash, tokenIdOf, tokenPrefix, type NewToken } from './tokens.js';
export { allCollections, can, isRole, permissions, permissionsOf, principalCan, roles, scopeOf, type Permission, type Principal, type Role } from './policy.js';
export { AuditChainVerifier, auditHash, canonicalJson, genesisHash, sealAuditEvent, type AuditEvent, type AuditOutcome, type AuditRecord, type ChainProblem } from './audit-chain.js';
export {
  createAccessControl,
  defaultTokenDays,
  maxTokenDays,
  signInRefused,
  type AccessControl,
  type AccessOptions,
  type AuditVerification,
  type NewUser,
  type SignedIn,
  type SignInRequest,
  type TokenView,
  type UserView,
} from './access-control.js';
export { csrfHeader, defaultSessionLimits, sessionCookie, type SessionLimits } from './sessions.js';
export { defaultThrottleLimits, type ThrottleLimits } from './throttle.js';
