import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs`: one timer per caller, cleared on unmount. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
