/**
 * The one error type that core and services throw. `code` is stable and machine-readable;
 * the server's error handler maps it to an HTTP status. `message` is written for a person.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}
