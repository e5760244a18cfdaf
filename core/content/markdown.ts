/**
 * A small Markdown parser for our own content. It produces a tree of plain objects that the
 * web app turns into React elements, so no HTML string from content ever reaches the page:
 * anything that looks like HTML stays literal text. It understands only what our articles
 * use: ## and ### headings, paragraphs, "- " and "1. " lists, **strong**, *emphasis*,
 * _emphasis_ and [links](/path).
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'heading'; level: 2 | 3; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;

/** Parses Markdown into blocks. Never throws: unknown syntax is kept as text. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flushParagraph = () => {
    if (paragraph.length > 0) {
      blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) });
      paragraph = [];
    }
  };
  const flushList = () => {
    if (list) {
      blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
      list = null;
    }
  };

  for (const line of lines) {
    if (line.trim() === '') {
      flushParagraph();
      flushList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      // The page title is the only level-1 heading, so content headings start at level 2.
      const level = (heading[1] ?? '').length <= 2 ? 2 : 3;
      blocks.push({ type: 'heading', level, children: parseInline((heading[2] ?? '').trim()) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      flushParagraph();
      const ordered = numbered !== null;
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push((item[1] ?? '').trim());
      continue;
    }
    if (list && /^\s+\S/.test(line)) {
      // An indented line continues the previous list item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** Links may point inside Closer, or to https and mailto addresses; nothing else. */
export function isSafeHref(href: string): boolean {
  if (href.startsWith('/')) return !href.startsWith('//') && !href.includes('\\');
  return /^https:\/\/[^\s/]+/i.test(href) || /^mailto:[^\s]+@[^\s]+$/i.test(href);
}

/** Parses inline Markdown. Never throws. */
export function parseInline(text: string): Inline[] {
  const output: Inline[] = [];
  let buffer = '';
  const pushText = () => {
    if (buffer !== '') {
      const last = output[output.length - 1];
      if (last?.type === 'text') last.text += buffer;
      else output.push({ type: 'text', text: buffer });
      buffer = '';
    }
  };

  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    if (char === '\\' && index + 1 < text.length && /[\\*_[\]()#`-]/.test(text[index + 1] ?? '')) {
      buffer += text[index + 1];
      index += 2;
      continue;
    }
    if (char === '*' && text[index + 1] === '*') {
      const close = text.indexOf('**', index + 2);
      if (close > index + 2) {
        pushText();
        output.push({ type: 'strong', children: parseInline(text.slice(index + 2, close)) });
        index = close + 2;
        continue;
      }
    } else if (char === '*' || char === '_') {
      const close = findEmphasisClose(text, index, char);
      if (close !== -1) {
        pushText();
        output.push({ type: 'emphasis', children: parseInline(text.slice(index + 1, close)) });
        index = close + 1;
        continue;
      }
    } else if (char === '[') {
      const link = matchLink(text, index);
      if (link) {
        pushText();
        const children = parseInline(link.label);
        if (isSafeHref(link.href)) output.push({ type: 'link', href: link.href, children });
        else output.push(...children);
        index = link.end;
        continue;
      }
    }
    buffer += char;
    index += 1;
  }
  pushText();
  return output;
}

function findEmphasisClose(text: string, open: number, marker: string): number {
  const first = text[open + 1];
  if (first === undefined || /\s/.test(first) || first === marker) return -1;
  // An underscore inside a word (snake_case) is not emphasis.
  if (marker === '_' && open > 0 && /[\p{L}\p{N}]/u.test(text[open - 1] ?? '')) return -1;
  for (let index = open + 2; index < text.length; index += 1) {
    if (text[index] !== marker) continue;
    if (marker === '*' && text[index + 1] === '*') {
      index += 1;
      continue;
    }
    if (/\s/.test(text[index - 1] ?? '')) continue;
    if (marker === '_' && /[\p{L}\p{N}]/u.test(text[index + 1] ?? '')) continue;
    return index;
  }
  return -1;
}

function matchLink(
  text: string,
  open: number,
): { label: string; href: string; end: number } | null {
  const labelEnd = text.indexOf('](', open + 1);
  if (labelEnd === -1) return null;
  const label = text.slice(open + 1, labelEnd);
  if (label === '' || label.includes('[') || label.includes(']')) return null;
  const hrefEnd = text.indexOf(')', labelEnd + 2);
  if (hrefEnd === -1) return null;
  const href = text.slice(labelEnd + 2, hrefEnd).trim();
  if (href === '' || /\s/.test(href)) return null;
  return { label, href, end: hrefEnd + 1 };
}

/** The plain text of some inline nodes, for search and for accessible names. */
export function inlineText(nodes: Inline[]): string {
  return nodes
    .map((node) => (node.type === 'text' ? node.text : inlineText(node.children)))
    .join('');
}
