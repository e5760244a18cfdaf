import { DomainError } from '../../../../core/errors/domain-error';
import { decryptField, encryptField } from '../crypto/field-cipher';
import type { KeyService } from '../crypto/key.service';
import type { FieldLocation, TextVault } from './text-vault';

/** The TextVault of the running server: AES-256-GCM with each person's own data key. */
export class EncryptedTextVault implements TextVault {
  constructor(private readonly keys: KeyService) {}

  async seal(location: FieldLocation, plaintext: string): Promise<string> {
    return encryptField(plaintext, await this.keys.dataKeyFor(location.ownerId), location);
  }

  /** Never creates a key: reading a destroyed person's rows must fail, not mint a new one. */
  async open(location: FieldLocation, ciphertext: string): Promise<string> {
    const key = await this.keys.existingDataKeyFor(location.ownerId);
    if (!key) {
      throw new DomainError(
        'ciphertext_invalid',
        'This text can no longer be read: its key has been destroyed.',
      );
    }
    return decryptField(ciphertext, key, location);
  }

  destroyKey(ownerId: string): Promise<void> {
    return this.keys.destroy(ownerId);
  }
}
