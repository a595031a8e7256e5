import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { storageFault } from './storage-fault.js';

/** The error `work` throws (it must throw). */
async function thrownBy(work: () => unknown): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('storageFault, on errors the drivers really throw', () => {
  it('calls a database locked by another writer busy, and a disk limit full', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-fault-'));
    const holder = new Database(join(dir, 'x.sqlite'));
    const other = new Database(join(dir, 'x.sqlite'), { timeout: 0 });
    try {
      holder.exec('create table t (v text)');
      holder.exec('begin immediate');
      holder.exec("insert into t values ('held')");
      expect(storageFault(await thrownBy(() => other.exec("insert into t values ('blocked')")))).toBe('busy');
      holder.exec('rollback');
      holder.pragma(`max_page_count = ${Number(holder.pragma('page_count', { simple: true }))}`);
      expect(storageFault(await thrownBy(() => holder.exec(`insert into t values ('${'x'.repeat(20_000)}')`)))).toBe('full');
      // A mistake in the query is not the database's trouble.
      expect(storageFault(await thrownBy(() => holder.exec('select nope from t')))).toBeUndefined();
    } finally {
      holder.close();
      other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('calls a refused or cut PostgreSQL connection unavailable', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const refused = new pg.Client({ connectionString: `postgres://nobody@127.0.0.1:${port}/none` });
    expect(storageFault(await thrownBy(() => refused.connect()))).toBe('unavailable');

    // A server that hangs up at once, as one going down does.
    const hangUp = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => hangUp.listen(0, '127.0.0.1', () => resolve()));
    const address = hangUp.address();
    const cut = new pg.Client({ connectionString: `postgres://nobody@127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/none` });
    cut.on('error', () => undefined);
    try {
      expect(storageFault(await thrownBy(() => cut.connect()))).toBe('unavailable');
    } finally {
      hangUp.close();
    }
    expect(storageFault(new Error('column "nope" does not exist'))).toBeUndefined();
  });
});
