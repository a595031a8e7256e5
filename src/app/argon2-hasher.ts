import { createRequire } from 'node:module';
import type * as Argon2 from '@node-rs/argon2';
import type { PasswordHasher } from '../core/ports.js';

const require = createRequire(import.meta.url);
let argon2: typeof Argon2 | undefined;
// Loaded on first sign-in: reading-only processes never need it.
const lib = () => (argon2 ??= require('@node-rs/argon2') as typeof Argon2);

// Algorithm.Argon2id; the library's enum is a const enum, which isolated modules cannot import.
const ARGON2ID = 2;

/** argon2id with OWASP's minimum settings (19 MiB, 2 passes, 1 lane): about 70 ms a hash here. */
export const argon2Hasher: PasswordHasher = {
  hash: (password) => lib().hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
  verify: (passwordHash, password) => lib().verify(passwordHash, password),
};
