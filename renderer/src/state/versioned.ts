// Rows that main pushes may arrive before or after a list reply for the same rows. The copy
// with the higher rowVersion wins, so a late, older copy never overwrites a newer one; an
// equal version replaces (the hub confirming a pending row keeps its version).
export interface Versioned {
  id: string;
  rowVersion: number;
}

export function upsertByVersion<T extends Versioned>(have: ReadonlyMap<string, T>, rows: readonly T[]): Map<string, T> {
  const next = new Map(have);
  for (const r of rows) {
    const old = next.get(r.id);
    if (!old || old.rowVersion <= r.rowVersion) next.set(r.id, r);
  }
  return next;
}
