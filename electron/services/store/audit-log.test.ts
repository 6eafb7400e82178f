import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/temp';
import { appendAudit } from './audit';
import { csvField, exportAudit, listAudit } from './audit-log';
import { migrate } from './migration';
import { migrations } from './migrations';

const tempDir = useTempDirs();

function withRows() {
  const db = new Database(path.join(tempDir(), 'audit.db'));
  migrate(db, migrations);
  const zhang = { operatorId: 'op-1', operatorName: '张伟', workstationId: 'ws-03' };
  const li = { operatorId: 'op-2', operatorName: '李娜', workstationId: 'ws-03' };
  appendAudit(db, zhang, 1000, { action: 'incident.create', targetKind: 'incident', targetId: 'i-1', details: { note: '东风路, "两车" 追尾\n一人轻伤' } });
  appendAudit(db, li, 2000, { action: 'session.sign-in', targetKind: 'operator', targetId: 'supervisor' });
  appendAudit(db, zhang, 3000, { action: 'incident.note', details: { text: '=HYPERLINK("http://x")' } });
  return db;
}

describe('audit log for a supervisor', () => {
  it('lists newest first and filters by operator, action and time', () => {
    const db = withRows();
    expect(listAudit(db, { limit: 10 }).rows.map((r) => r.action)).toEqual(['incident.note', 'session.sign-in', 'incident.create']);
    expect(listAudit(db, { operator: '张', limit: 10 })).toMatchObject({ total: 2, rows: [{ at: 3000 }, { at: 1000 }] });
    expect(listAudit(db, { action: 'session.', limit: 10 }).rows.map((r) => r.operatorName)).toEqual(['李娜']);
    expect(listAudit(db, { from: 1500, to: 2500, limit: 10 }).rows.map((r) => r.at)).toEqual([2000]);
    // LIKE wildcards typed into the filter are matched as text.
    expect(listAudit(db, { action: '%', limit: 10 }).total).toBe(0);
  });

  it('exports CSV that Excel reads: UTF-8 BOM, CRLF, quoted fields, no formulas', () => {
    const db = withRows();
    const { csv, rows } = exportAudit(db, {});
    expect(rows).toBe(3);
    expect(csv.startsWith('\uFEFFtime_utc,operator_id,operator_name,workstation,action,target_kind,target_id,details\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('1970-01-01T00:00:01.000Z,op-1,张伟,ws-03,incident.create,incident,i-1,"{""note"":""东风路, \\""两车\\"" 追尾\\n一人轻伤""}"');
    expect(lines[2]).toBe('1970-01-01T00:00:02.000Z,op-2,李娜,ws-03,session.sign-in,operator,supervisor,{}');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('a,b')).toBe('"a,b"');
  });
});
