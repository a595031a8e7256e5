import { describe, expect, it } from 'vitest';
import type { WorkflowAction } from './workflow.js';
import { reviewExits } from './workflow.js';

describe('reviewExits: the ways out of review the editor offers', () => {
  const cases: Array<[string, { own: boolean; canPublish: boolean }, WorkflowAction[]]> = [
    ['a contributor who wrote it withdraws it', { own: true, canPublish: false }, ['withdraw']],
    ['an author who wrote it (and may publish it) withdraws it', { own: true, canPublish: true }, ['withdraw']],
    ["an editor on someone else's story sends it back", { own: false, canPublish: true }, ['send_back']],
    ['someone who neither wrote it nor may publish it has no way out', { own: false, canPublish: false }, []],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => expect(reviewExits(input)).toEqual(expected));
  }
});
