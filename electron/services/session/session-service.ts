// Who is signed in at this workstation. One session per workstation, not per window: a desk with
// several monitors is signed in once, every window (Electron or paired browser) follows it, and
// signing out or handing over changes them all (docs/operations.md, "Roles, sign-in, hand-over,
// audit"). The hub checks passwords when it is reachable; otherwise this workstation's cached
// scrypt copy, made at the last sign-in the hub checked, stands in.
import type { OperatorSession } from '../../shared/contract/status';
import type { Actor } from '../../shared/domain/identity';
import type { Role, SignedInOperator, SignedOutReason, SignInAnswer, SignInRefusal } from '../../shared/domain/operator';
import type { EventBus } from '../api/event-bus';
import { hashPassword, NO_ACCOUNT_HASH, verifyPassword } from '../auth/password';
import type { Logger } from '../log/logger';
import type { Store } from '../store/store';
import { LinkError, type HubOperatorLink } from '../sync/hub-link';

/** How long a sign-in checked only against the cache lasts: one long shift. */
export const OFFLINE_SESSION_MS = 12 * 3600_000;
/** How often a hub token is asked about while signed in. */
const CHECK_EVERY_MS = 60_000;

export interface SessionDeps {
  store: Store;
  bus: EventBus;
  log: Logger;
  workstationId: string;
  /** Acts for actions nobody signed in made (scheduled wall presets) and before anyone signs in. */
  idleActor: Actor;
  /** The operator part of the link to the hub; null when there is none (yet). */
  hub: () => HubOperatorLink | null;
  clock?: { now(): number };
}

type Verified = { ok: true; operator: SignedInOperator; token: string | null; passwordHash: string | null } | { ok: false; answer: SignInAnswer };

export class SessionService {
  private current: { operator: SignedInOperator; token: string | null } | null = null;
  private ended: SignedOutReason | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;

  constructor(private readonly d: SessionDeps) {
    this.now = () => (d.clock ?? Date).now();
  }

  state(): OperatorSession {
    return { operator: this.current?.operator ?? null, ended: this.current ? null : this.ended };
  }

  role(): Role | null {
    return this.current?.operator.role ?? null;
  }

  actor(): Actor {
    const o = this.current?.operator;
    return o ? { operatorId: o.id, operatorName: o.name, workstationId: this.d.workstationId } : this.d.idleActor;
  }

  async signIn(username: string, password: string): Promise<SignInAnswer> {
    const v = await this.verify(username, password);
    if (!v.ok) return v.answer;
    const previous = this.current;
    await this.safely('recordSignIn', () =>
      this.d.store.call('recordSignIn', { actor: this.actorOf(v.operator), username, role: v.operator.role, via: v.operator.via, passwordHash: v.passwordHash, at: this.now() }),
    );
    // Signing in over someone still signed in replaces them (without a hand-over note).
    if (previous?.token) void this.hubSignOut(previous.token);
    this.start(v.operator, v.token);
    this.d.log.info({ action: 'session.sign-in', operator: v.operator.id, role: v.operator.role, via: v.operator.via }, 'operator signed in');
    return { ok: true, operator: v.operator };
  }

  /** Shift hand-over: the incoming operator proves who they are; the record keeps the note and the open incidents. */
  async handOver(username: string, password: string, note: string): Promise<SignInAnswer> {
    const v = await this.verify(username, password);
    if (!v.ok) return v.answer;
    const outgoing = this.current;
    const from = outgoing ? this.actor() : null;
    const record = await this.safely('recordHandOver', () =>
      this.d.store.call('recordHandOver', { from, to: this.actorOf(v.operator), username, role: v.operator.role, via: v.operator.via, passwordHash: v.passwordHash, note, at: this.now() }),
    );
    if (outgoing?.token) void this.hubSignOut(outgoing.token);
    this.start(v.operator, v.token);
    this.d.log.info({ action: 'session.hand-over', from: from?.operatorId ?? null, to: v.operator.id, handover: record?.id, openIncidents: record?.openIncidents.length }, 'shift handed over');
    return { ok: true, operator: v.operator };
  }

  async signOut(reason: SignedOutReason = 'signed-out'): Promise<void> {
    const was = this.current;
    if (!was) return;
    await this.safely('audit', () => this.d.store.call('audit', { actor: this.actor(), action: reason === 'signed-out' ? 'session.sign-out' : 'session.ended', details: { reason } }));
    this.current = null;
    this.ended = reason;
    this.stopTimer();
    if (was.token && reason === 'signed-out') void this.hubSignOut(was.token);
    this.d.log.info({ action: 'session.end', operator: was.operator.id, reason }, 'operator session ended');
    this.d.bus.emit('session.changed', this.state());
  }

  /**
   * Ends the session when it has run out here, or the hub says its token did (expired, revoked
   * by a password change or a disabled account). An unreachable hub is no verdict: the session
   * holds until its own expiry.
   */
  async check(): Promise<void> {
    const c = this.current;
    if (!c) return;
    if (c.operator.expiresAt <= this.now()) return this.signOut('expired');
    const link = this.d.hub();
    if (!c.token || !link) return;
    try {
      const answer = await link.checkToken(c.token);
      if (!answer.ok && this.current === c) await this.signOut(answer.reason === 'expired' ? 'expired' : 'revoked');
    } catch (err) {
      if (!(err instanceof LinkError)) throw err;
    }
  }

  close(): void {
    this.stopTimer();
  }

  private start(operator: SignedInOperator, token: string | null): void {
    this.current = { operator, token };
    this.ended = null;
    this.stopTimer();
    this.timer = setInterval(() => void this.check().catch((err: unknown) => this.d.log.error({ err }, 'session check failed')), CHECK_EVERY_MS);
    this.timer.unref();
    this.d.bus.emit('session.changed', this.state());
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private actorOf(o: SignedInOperator): Actor {
    return { operatorId: o.id, operatorName: o.name, workstationId: this.d.workstationId };
  }

  /** The lockout first, then the hub, then (hub away) the cached copy. Every refusal is audited. */
  private async verify(username: string, password: string): Promise<Verified> {
    const at = this.now();
    const lockedUntil = (await this.safely('lockedUntil', () => this.d.store.call('lockedUntil', { username }))) ?? 0;
    if (lockedUntil > at) {
      await this.safely('recordLockedAttempt', () => this.d.store.call('recordLockedAttempt', { username, workstationId: this.d.workstationId, at, lockedUntil }));
      this.d.log.warn({ action: 'session.sign-in', username, reason: 'locked' }, 'sign-in refused');
      return { ok: false, answer: { ok: false, reason: 'locked', retryAfterMs: lockedUntil - at } };
    }
    const link = this.d.hub();
    if (link) {
      try {
        const answer = await link.signIn({ username, password });
        if (answer.ok) {
          const operator: SignedInOperator = { ...answer.operator, via: 'hub', signedInAt: at, expiresAt: answer.expiresAt };
          return { ok: true, operator, token: answer.token, passwordHash: await hashPassword(password) };
        }
        if (answer.reason === 'disabled') await this.safely('forgetCredentials', () => this.d.store.call('forgetCredentials', { username }));
        return this.refuse(username, answer.reason, 'hub');
      } catch (err) {
        if (!(err instanceof LinkError)) throw err;
        this.d.log.warn({ action: 'session.sign-in', username, problem: err.problem }, 'hub not reachable for sign-in: checking the cached copy');
      }
    }
    const cached = await this.safely('cachedCredentials', () => this.d.store.call('cachedCredentials', { username }));
    // Hash even with no copy, so the answer takes as long either way.
    const matches = await verifyPassword(password, cached?.passwordHash ?? NO_ACCOUNT_HASH);
    if (!cached) return this.refuse(username, 'no-cached-credentials', 'cache');
    if (!matches) return this.refuse(username, 'bad-credentials', 'cache');
    const operator: SignedInOperator = { id: cached.operatorId, username, name: cached.name, role: cached.role, via: 'cache', signedInAt: at, expiresAt: at + OFFLINE_SESSION_MS };
    return { ok: true, operator, token: null, passwordHash: null };
  }

  private async refuse(username: string, reason: SignInRefusal, via: 'hub' | 'cache'): Promise<Verified> {
    const at = this.now();
    const counted = await this.safely('recordSignInFailure', () => this.d.store.call('recordSignInFailure', { username, workstationId: this.d.workstationId, reason, via, at }));
    this.d.log.warn({ action: 'session.sign-in', username, reason, via, failures: counted?.failures }, 'sign-in refused');
    const answer: SignInAnswer = counted?.lockedUntil ? { ok: false, reason, retryAfterMs: counted.lockedUntil - at } : { ok: false, reason };
    return { ok: false, answer };
  }

  private async hubSignOut(token: string): Promise<void> {
    try {
      await this.d.hub()?.signOut(token);
    } catch (err) {
      if (!(err instanceof LinkError)) this.d.log.error({ err }, 'hub sign-out failed');
    }
  }

  /** A damaged database must not stop sign-in at the hub: what cannot be stored is logged. */
  private async safely<T>(what: string, f: () => Promise<T>): Promise<T | null> {
    try {
      return await f();
    } catch (err) {
      this.d.log.error({ what, err: err instanceof Error ? err.message : String(err) }, 'sign-in record could not be stored');
      return null;
    }
  }
}
