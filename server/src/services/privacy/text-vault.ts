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
