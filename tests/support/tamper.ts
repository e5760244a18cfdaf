/**
 * A stored ciphertext (`v1:` + base64url) with one bit of one byte flipped inside its
 * authenticated part: what a damaged disk or a careless manual edit leaves behind.
 */
export function flipOneByte(ciphertext: string): string {
  const prefix = 'v1:';
  if (!ciphertext.startsWith(prefix)) throw new Error('not a v1 ciphertext');
  const bytes = Buffer.from(ciphertext.slice(prefix.length), 'base64url');
  bytes[12] = (bytes[12] as number) ^ 0x01;
  return `${prefix}${bytes.toString('base64url')}`;
}
