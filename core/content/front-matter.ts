import { DomainError } from '../errors/domain-error';

export type FrontMatterValue = string | string[];

export interface FrontMatterDocument {
  attributes: Record<string, FrontMatterValue>;
  body: string;
}

const KEY_PATTERN = /^[a-z][a-z0-9_-]*$/i;

/**
 * Parses the small front-matter dialect our content uses: a block between two `---` lines
 * holding `key: value` lines, where a value in square brackets is a comma-separated list.
 * Deliberately not full YAML: content authors get a clear error instead of a surprise.
 */
export function parseFrontMatter(source: string): FrontMatterDocument {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) {
    throw new DomainError('front_matter_invalid', 'The file must start with a "---" line.');
  }
  const end = text.indexOf('\n---', 3);
  if (end === -1 || (text[end + 4] !== undefined && text[end + 4] !== '\n')) {
    throw new DomainError('front_matter_invalid', 'The front matter has no closing "---" line.');
  }
  const attributes: Record<string, FrontMatterValue> = {};
  const lines = text.slice(4, end).split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const colon = line.indexOf(':');
    const key = colon === -1 ? '' : line.slice(0, colon).trim();
    if (!KEY_PATTERN.test(key)) {
      throw new DomainError(
        'front_matter_invalid',
        `Line ${index + 2} of the front matter is not "key: value".`,
      );
    }
    if (Object.hasOwn(attributes, key)) {
      throw new DomainError('front_matter_invalid', `The key "${key}" appears twice.`);
    }
    attributes[key] = parseValue(line.slice(colon + 1).trim());
  }
  return { attributes, body: text.slice(end + 4).replace(/^\n/, '') };
}

function parseValue(raw: string): FrontMatterValue {
  if (raw.startsWith('[') && raw.endsWith(']')) {
    return raw
      .slice(1, -1)
      .split(',')
      .map((item) => unquote(item.trim()))
      .filter((item) => item !== '');
  }
  return unquote(raw);
}

function unquote(value: string): string {
  // The `s` flag: a value holding U+2028 or U+2029 is still one line of front matter.
  if (value.length >= 2 && /^(["']).*\1$/s.test(value)) return value.slice(1, -1);
  return value;
}
