import { createQueryId, type CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * A query that the hottest pages run thousands of times a second, built and compiled by Kysely once instead
 * of on every call (building and compiling was about 13 % of an uncached article page's CPU, ADR 0011).
 *
 * `build` writes the query with Kysely as usual, taking its variable values from `slot`: a text slot is a
 * marker string, a number slot a marker number and an instant slot a marker Date (year 1 plus a few
 * seconds), so helpers such as `publicRule`, which turn the instant into ISO text, still state the rule.
 * Each run copies the compiled parameters and puts the caller's values where the markers ended up. A marker
 * that does not appear in the compiled parameters, or appears in a form the query did not expect, is an
 * error at the first call, never a silently constant query.
 */
export interface Slots {
  text(name: string): string;
  integer(name: string): number;
  instant(name: string): Date;
}

type SlotValue = string | number | Date;
type Substitution = { index: number; name: string; as: 'value' | 'iso' };

const TEXT_MARK = '\u0000slot:';
// Far below any id or count a query compares with.
const INTEGER_BASE = -8_000_000_000_000;
// 0001-01-01T00:00:00Z plus one second per slot: no article is published then.
const INSTANT_BASE = Date.parse('0001-01-01T00:00:00.000Z');

export function precompile<Row, Values extends Record<string, SlotValue>>(
  db: Kysely<Database>,
  build: (slots: Slots) => Compilable<Row>,
): (values: Values) => Promise<Row[]> {
  let compiled: { sql: string; query: CompiledQuery<Row>['query']; parameters: readonly unknown[]; substitutions: Substitution[] } | undefined;

  const compile = () => {
    const markers = new Map<unknown, { name: string; as: Substitution['as'] }>();
    let count = 0;
    const slots: Slots = {
      text(name) {
        const marker = `${TEXT_MARK}${name}`;
        markers.set(marker, { name, as: 'value' });
        return marker;
      },
      integer(name) {
        const marker = INTEGER_BASE - count++;
        markers.set(marker, { name, as: 'value' });
        return marker;
      },
      instant(name) {
        const marker = new Date(INSTANT_BASE + 1000 * count++);
        markers.set(marker, { name, as: 'value' });
        markers.set(marker.toISOString(), { name, as: 'iso' });
        return marker;
      },
    };
    const query = build(slots).compile();
    const substitutions: Substitution[] = [];
    query.parameters.forEach((parameter, index) => {
      const found = markers.get(parameter);
      if (found) substitutions.push({ index, ...found });
    });
    const used = new Set(substitutions.map((entry) => entry.name));
    const names = new Set([...markers.values()].map((entry) => entry.name));
    for (const name of names) {
      if (!used.has(name)) throw new Error(`precompile: the slot "${name}" does not appear in the compiled query (${query.sql}).`);
    }
    if (query.sql.includes(TEXT_MARK)) throw new Error(`precompile: a text slot was written into the SQL itself (${query.sql}).`);
    return { sql: query.sql, query: query.query, parameters: query.parameters, substitutions };
  };

  return async (values) => {
    compiled ??= compile();
    const parameters = compiled.parameters.slice();
    for (const { index, name, as } of compiled.substitutions) {
      const value = values[name];
      if (value === undefined) throw new Error(`precompile: no value for the slot "${name}".`);
      parameters[index] = as === 'iso' ? (value as Date).toISOString() : value;
    }
    const query: CompiledQuery<Row> = { sql: compiled.sql, parameters, query: compiled.query, queryId: createQueryId() };
    const result = await db.executeQuery<Row>(query);
    return result.rows;
  };
}
