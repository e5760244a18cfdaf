import fs from 'node:fs';

/**
 * Flushes a folder's entries to disk, so a file just created in it (a key file, the key
 * store) survives a power cut: without it the file's data can be on disk and its name not.
 */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return; // Folders cannot be opened for fsync there.
  const descriptor = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
}
