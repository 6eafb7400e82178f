// The hub's operators: accounts with scrypt password hashes and roles, and the sign-in tokens it
// issues to workstations (kept only as SHA-256 hashes, with an expiry).
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { hashPassword, NO_ACCOUNT_HASH, verifyPassword } from '../services/auth/password';
import { prep } from '../services/store/statements';
import { z } from 'zod';
import { readJsonListFile } from '../services/config/json-list-file';
import { Password, Role, Username } from '../shared/domain/operator';
import type { HubSignInAnswer, HubTokenAnswer } from '../shared/sync/operator-auth';
import type { HubClock } from './hub-store';
import type { OperatorAccount } from './demo-operators';

export { DEMO_OPERATORS, type OperatorAccount } from './demo-operators';

/** A shift and a half: an operator working a long shift is not asked again mid-incident. */
export const DEFAULT_TOKEN_TTL_MS = 12 * 3600_000;


const OperatorFile = z.array(z.object({ username: Username, name: z.string().trim().min(1).max(64), role: Role, password: Password.min(8) }).strict()).max(10_000);

/**
 * The hub's `--operator-file`: accounts set at every start (a changed password in the file is a
 * password change). The file holds passwords: keep it readable by the hub's user only.
 */
export function readOperatorFile(file: string): OperatorAccount[] {
  return readJsonListFile(file, OperatorFile, 'operator', (m) => new Error(`operator file ${m}`));
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

export class HubOperators {
  constructor(
    private readonly db: Database.Database,
    private readonly clock: HubClock,
    private readonly tokenTtlMs = DEFAULT_TOKEN_TTL_MS,
  ) {}

  /** Adds an account or sets its name, role and password; a new password revokes its tokens. */
  async setOperator(a: OperatorAccount): Promise<void> {
    const hash = await hashPassword(a.password);
    const now = this.clock.now();
    this.db.transaction(() => {
      const existing = prep(this.db, 'SELECT id FROM operators WHERE username = ?').get(a.username) as { id: string } | undefined;
      if (existing) {
        prep(this.db, 'UPDATE operators SET display_name = ?, role = ?, password_hash = ?, password_changed_at = ? WHERE id = ?').run(a.name, a.role, hash, now, existing.id);
        prep(this.db, 'DELETE FROM operator_tokens WHERE operator_id = ?').run(existing.id);
      } else {
        prep(this.db, 'INSERT INTO operators (id, username, display_name, role, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
          `op-${randomBytes(6).toString('hex')}`, a.username, a.name, a.role, hash, now, now,
        );
      }
    })();
  }

  /** Only when the account does not exist yet: a restart must not undo a password changed since. */
  async ensureOperator(a: OperatorAccount): Promise<void> {
    if (!prep(this.db, 'SELECT 1 FROM operators WHERE username = ?').get(a.username)) await this.setOperator(a);
  }

  setDisabled(username: string, disabled: boolean): void {
    this.db.transaction(() => {
      const row = prep(this.db, 'SELECT id FROM operators WHERE username = ?').get(username) as { id: string } | undefined;
      if (!row) return;
      prep(this.db, 'UPDATE operators SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, row.id);
      if (disabled) prep(this.db, 'DELETE FROM operator_tokens WHERE operator_id = ?').run(row.id);
    })();
  }

  async signIn(workstationId: string, username: string, password: string): Promise<HubSignInAnswer> {
    const row = prep(this.db, 'SELECT id, username, display_name, role, password_hash, disabled FROM operators WHERE username = ?').get(username) as
      | { id: string; username: string; display_name: string; role: Role; password_hash: string; disabled: number }
      | undefined;
    // Hash even for an unknown name, so the answer takes as long either way.
    const ok = await verifyPassword(password, row?.password_hash ?? NO_ACCOUNT_HASH);
    if (!row || !ok) return { ok: false, reason: 'bad-credentials' };
    if (row.disabled) return { ok: false, reason: 'disabled' };
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = now + this.tokenTtlMs;
    this.db.transaction(() => {
      prep(this.db, 'DELETE FROM operator_tokens WHERE expires_at < ?').run(now - this.tokenTtlMs);
      prep(this.db, 'INSERT INTO operator_tokens (token_hash, operator_id, workstation_id, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(tokenHash(token), row.id, workstationId, now, expiresAt);
    })();
    return { ok: true, operator: { id: row.id, username: row.username, name: row.display_name, role: row.role }, token, expiresAt };
  }

  /** Whether a token still stands; only the workstation it was issued to may ask. */
  checkToken(workstationId: string, token: string): HubTokenAnswer {
    const row = prep(this.db, 'SELECT workstation_id, expires_at FROM operator_tokens WHERE token_hash = ?').get(tokenHash(token)) as { workstation_id: string; expires_at: number } | undefined;
    if (!row || row.workstation_id !== workstationId) return { ok: false, reason: row ? 'unknown' : 'revoked' };
    if (row.expires_at <= this.clock.now()) return { ok: false, reason: 'expired' };
    return { ok: true, expiresAt: row.expires_at };
  }

  signOut(workstationId: string, token: string): void {
    prep(this.db, 'DELETE FROM operator_tokens WHERE token_hash = ? AND workstation_id = ?').run(tokenHash(token), workstationId);
  }
}
