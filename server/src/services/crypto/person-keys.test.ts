import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../core/errors/domain-error';
import { InMemoryPersonKeyStore } from './in-memory-person-key-store';
import { MasterKeyRing } from './master-key';
import { personKeyStoreContract } from './person-key-store.contract';
import { createPersonKey, masterKeyIdOf, unwrapPersonKey, wrapPersonKey } from './person-keys';

const ring = MasterKeyRing.fromBytes(randomBytes(32));
const userId = 'a3f1c2d4-0000-4000-8000-000000000001';

function unwrapError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('person_key_invalid');
    return error as DomainError;
  }
  throw new Error('expected person_key_invalid');
}

describe('createPersonKey', () => {
  it('makes distinct 256-bit keys that never print their bytes', () => {
    const key = createPersonKey();
    expect(key.type).toBe('secret');
    expect(key.symmetricKeySize).toBe(32);
    expect(key.equals(createPersonKey())).toBe(false);
    const raw = key.export();
    const shown = inspect(key) + JSON.stringify({ key });
    expect(shown).not.toContain(raw.toString('hex').slice(0, 12));
    expect(shown).not.toContain(raw.toString('base64').slice(0, 12));
  });
});

describe('wrapPersonKey / unwrapPersonKey', () => {
  const dataKey = createPersonKey();
  const wrapped = wrapPersonKey(dataKey, ring.current, userId);

  it('has the format pk1:<master key id>:<80 base64url characters>', () => {
    expect(wrapped).toMatch(/^pk1:[0-9a-f]{8}:[A-Za-z0-9_-]{80}$/);
    expect(masterKeyIdOf(wrapped)).toBe(ring.current.id);
    expect(masterKeyIdOf('garbage')).toBeNull();
    expect(wrapPersonKey(dataKey, ring.current, userId)).not.toBe(wrapped);
  });

  it('unwraps to the same key', () => {
    expect(unwrapPersonKey(wrapped, ring, userId).equals(dataKey)).toBe(true);
  });

  it('does not unwrap for another person (a wrapped key copied onto their row)', () => {
    unwrapError(() => unwrapPersonKey(wrapped, ring, 'a3f1c2d4-0000-4000-8000-000000000002'));
  });

  it('does not unwrap with a ring that lacks its master key, and says which key is missing', () => {
    const other = MasterKeyRing.fromBytes(randomBytes(32));
    const error = unwrapError(() => unwrapPersonKey(wrapped, other, userId));
    expect(error.message).toContain(`master key ${ring.current.id}, which is not in the key ring`);
  });

  it('does not unwrap when the master key id in the clear is edited to another key in the ring', () => {
    const both = new MasterKeyRing(MasterKeyRing.fromBytes(randomBytes(32)).current, [
      ring.current,
    ]);
    const relabelled = wrapped.replace(ring.current.id, both.current.id);
    unwrapError(() => unwrapPersonKey(relabelled, both, userId));
  });

  it('refuses every single-bit flip and every malformed value', () => {
    const bytes = Buffer.from(wrapped.split(':')[2]!, 'base64url');
    for (let index = 0; index < bytes.length; index += 1) {
      for (let bit = 0; bit < 8; bit += 1) {
        const flipped = Buffer.from(bytes);
        flipped[index]! ^= 1 << bit;
        const value = `pk1:${ring.current.id}:${flipped.toString('base64url')}`;
        unwrapError(() => unwrapPersonKey(value, ring, userId));
      }
    }
    for (const value of [
      '',
      'pk1',
      wrapped.slice(0, -1),
      `${wrapped}A`,
      wrapped.replace('pk1', 'pk2'),
    ]) {
      unwrapError(() => unwrapPersonKey(value, ring, userId));
    }
  });
});

personKeyStoreContract('InMemoryPersonKeyStore', async () => {
  let next = 0;
  return {
    store: new InMemoryPersonKeyStore(),
    newUserId: async () => `user-${String((next += 1)).padStart(4, '0')}`,
  };
});
