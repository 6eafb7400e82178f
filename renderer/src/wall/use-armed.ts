import { useEffect, useState } from 'react';

/**
 * Two-step confirmation for what cannot be undone: the first press arms one item, a second press
 * of the same item within a few seconds carries it out (the incident view's pattern).
 */
export function useArmed(ms = 4000): { armed: string | null; press: (id: string, act: () => void) => void } {
  const [armed, setArmed] = useState<string | null>(null);
  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(null), ms);
    return () => clearTimeout(t);
  }, [armed, ms]);
  return {
    armed,
    press(id, act) {
      if (armed !== id) return setArmed(id);
      setArmed(null);
      act();
    },
  };
}
