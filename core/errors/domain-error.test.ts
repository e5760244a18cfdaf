import { describe, expect, it } from 'vitest';
import { DomainError } from './domain-error';

describe('DomainError', () => {
  it('carries a stable code, a message for people and optional details', () => {
    const error = new DomainError('too_many_attempts', 'Please wait.', { retryAfterSeconds: 60 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('too_many_attempts');
    expect(error.message).toBe('Please wait.');
    expect(error.details).toEqual({ retryAfterSeconds: 60 });
    expect(error.stack).toContain('DomainError');
  });

  it('has no details unless given', () => {
    expect(new DomainError('not_found', 'Gone.').details).toBeUndefined();
  });
});
