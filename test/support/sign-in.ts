// Signing in a workstation's services in tests, with the embedded hub's demo accounts
// (electron/hub/hub-operators.ts, documented in docs/operations.md).
import { DEMO_OPERATORS } from '../../electron/hub/demo-operators';
import type { SignInAnswer } from '../../electron/shared/domain/operator';
import type { Role } from '../../electron/shared/domain/operator';

export function demoAccount(role: Role): { username: string; password: string } {
  const a = DEMO_OPERATORS.find((o) => o.role === role)!;
  return { username: a.username, password: a.password };
}


export async function signInAs(rt: { session: { signIn(username: string, password: string): Promise<SignInAnswer> } }, role: Role): Promise<void> {
  const { username, password } = demoAccount(role);
  const answer = await rt.session.signIn(username, password);
  if (!answer.ok) throw new Error(`demo ${role} could not sign in: ${answer.reason}`);
}
