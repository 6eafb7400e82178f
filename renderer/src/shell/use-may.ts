// What the signed-in role may do, from the same table main checks (electron/shared/auth/permissions.ts).
// The UI hides or disables with it; main refuses regardless.
import { mayCall } from '../../../electron/shared/auth/permissions';
import type { Method } from '../../../electron/shared/contract/requests';
import type { Role } from '../../../electron/shared/domain/operator';
import { useConsole } from '../state/console-store';

export const useRole = (): Role | null => useConsole((s) => s.session?.signIn.operator?.role ?? null);

export function useMay(method: Method): boolean {
  return mayCall(method, useRole());
}
