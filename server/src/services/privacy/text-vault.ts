import { DomainError } from '../../../../core/errors/domain-error';

/**
 * Where a piece of free text lives. Bound into its encryption as associated data, so a
 * ciphertext copied to another row, column or person fails to decrypt instead of showing
 * someone the wrong words.
 */
export interface FieldLocation {
  table: string;
  column: string;
  recordId: string;
  ownerId: string;
}

/** Encrypts and decrypts free text with the owner's data key. */
export interface TextVault {
  seal(location: FieldLocation, plaintext: string): Promise<string>;
  open(location: FieldLocation, ciphertext: string): Promise<string>;
  /** Crypto-shredding: after this, nothing sealed for the person can be opened again. */
  destroyKey(ownerId: string): Promise<void>;
}

/** The codes a vault throws for stored text it cannot open: damaged, or its key unusable. */
const UNREADABLE_CODES: ReadonlySet<string> = new Set(['ciphertext_invalid', 'person_key_invalid']);

/**
 * Whether `error` says stored text cannot be opened (it failed its integrity check, or its
 * key cannot be used): such a record is shown as unreadable, never as garbage, and reported.
 */
export function isUnreadableText(error: unknown): error is DomainError {
  return error instanceof DomainError && UNREADABLE_CODES.has(error.code);
}
