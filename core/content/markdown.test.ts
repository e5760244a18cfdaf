import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  inlineText,
  isSafeHref,
  parseInline,
  parseMarkdown,
  type Block,
  type Inline,
} from './markdown';

const text = (value: string): Inline => ({ type: 'text', text: value });

/** Every inline node list in a block tree. */
function inlineLists(blocks: Block[]): Inline[][] {
  return blocks.flatMap((block) => (block.type === 'list' ? block.items : [block.children]));
}

/** Every node in some inline trees, depth first. */
function allNodes(nodes: Inline[]): Inline[] {
  return nodes.flatMap((node) =>
    node.type === 'text' ? [node] : [node, ...allNodes(node.children)],
  );
}

describe('parseMarkdown', () => {
  it('returns nothing for empty or blank input', () => {
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown('\n  \n\t\n')).toEqual([]);
  });

  it('joins the lines of a paragraph with a space and splits paragraphs on blank lines', () => {
    expect(parseMarkdown('One line\n  and the next.\n\nA second paragraph.')).toEqual([
      { type: 'paragraph', children: [text('One line and the next.')] },
      { type: 'paragraph', children: [text('A second paragraph.')] },
    ]);
  });

  it('treats CRLF and CR like LF', () => {
    expect(parseMarkdown('## Title\r\nLine one\r\nline two\r\rNext')).toEqual(
      parseMarkdown('## Title\nLine one\nline two\n\nNext'),
    );
  });

  it('maps # and ## to level 2 and ### to ###### to level 3, since the page owns level 1', () => {
    const levels = ['# a', '## b', '### c', '#### d', '###### e'].map((line) => {
      const [block] = parseMarkdown(line);
      return block?.type === 'heading' ? block.level : null;
    });
    expect(levels).toEqual([2, 2, 3, 3, 3]);
  });

  it('parses inline markup inside headings and ends a paragraph at a heading', () => {
    expect(parseMarkdown('Before\n## A *kind* step\nAfter')).toEqual([
      { type: 'paragraph', children: [text('Before')] },
      {
        type: 'heading',
        level: 2,
        children: [text('A '), { type: 'emphasis', children: [text('kind')] }, text(' step')],
      },
      { type: 'paragraph', children: [text('After')] },
    ]);
  });

  it('does not take #hashtags, 7 hashes or indented hashes for headings', () => {
    for (const line of ['#hashtag', '####### seven', '  ## indented']) {
      expect(parseMarkdown(line)[0]?.type).toBe('paragraph');
    }
  });

  it('reads bullet lists with -, * and + markers', () => {
    expect(parseMarkdown('- one\n* two\n+ three')).toEqual([
      { type: 'list', ordered: false, items: [[text('one')], [text('two')], [text('three')]] },
    ]);
  });

  it('reads numbered lists with "1." and "1)" markers, whatever the numbers', () => {
    expect(parseMarkdown('1. first\n2) second\n7. third')).toEqual([
      { type: 'list', ordered: true, items: [[text('first')], [text('second')], [text('third')]] },
    ]);
  });

  it('joins indented continuation lines to the list item above', () => {
    expect(parseMarkdown('- A long item\n  that carries on\n    and on.\n- Next item')).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [[text('A long item that carries on and on.')], [text('Next item')]],
      },
    ]);
  });

  it('starts a new list when the kind of list changes', () => {
    expect(parseMarkdown('- bullet\n1. number')).toEqual([
      { type: 'list', ordered: false, items: [[text('bullet')]] },
      { type: 'list', ordered: true, items: [[text('number')]] },
    ]);
  });

  it('ends a list at a blank line or an unindented line', () => {
    expect(parseMarkdown('- item\nNot indented.\n\n- again')).toEqual([
      { type: 'list', ordered: false, items: [[text('item')]] },
      { type: 'paragraph', children: [text('Not indented.')] },
      { type: 'list', ordered: false, items: [[text('again')]] },
    ]);
  });

  it('ends a paragraph at a list and keeps indented lines in paragraphs as text', () => {
    expect(parseMarkdown('Intro:\n- a\n\nText\n  indented')).toEqual([
      { type: 'paragraph', children: [text('Intro:')] },
      { type: 'list', ordered: false, items: [[text('a')]] },
      { type: 'paragraph', children: [text('Text indented')] },
    ]);
  });

  it('keeps markers without a following space, and long numbers, as text', () => {
    expect(parseMarkdown('-not a list')[0]?.type).toBe('paragraph');
    expect(parseMarkdown('1234567890. too long')[0]?.type).toBe('paragraph');
  });

  it('keeps raw HTML as literal text', () => {
    const source = '<script>alert("x")</script>\n\n<img src=x onerror=alert(1)>';
    const blocks = parseMarkdown(source);
    expect(blocks).toEqual([
      { type: 'paragraph', children: [text('<script>alert("x")</script>')] },
      { type: 'paragraph', children: [text('<img src=x onerror=alert(1)>')] },
    ]);
  });
});

describe('parseInline', () => {
  it('returns plain text as one text node, and nothing for an empty string', () => {
    expect(parseInline('Just words.')).toEqual([text('Just words.')]);
    expect(parseInline('')).toEqual([]);
  });

  it('reads **strong**, *emphasis* and _emphasis_', () => {
    expect(parseInline('a **b** c *d* e _f_')).toEqual([
      text('a '),
      { type: 'strong', children: [text('b')] },
      text(' c '),
      { type: 'emphasis', children: [text('d')] },
      text(' e '),
      { type: 'emphasis', children: [text('f')] },
    ]);
  });

  it('nests emphasis and links inside strong text', () => {
    expect(parseInline('**very *kind* [help](/help)**')).toEqual([
      {
        type: 'strong',
        children: [
          text('very '),
          { type: 'emphasis', children: [text('kind')] },
          text(' '),
          { type: 'link', href: '/help', children: [text('help')] },
        ],
      },
    ]);
  });

  it('allows a strong part inside emphasis', () => {
    expect(parseInline('*one **two** three*')).toEqual([
      {
        type: 'emphasis',
        children: [text('one '), { type: 'strong', children: [text('two')] }, text(' three')],
      },
    ]);
  });

  it('does not treat snake_case or 2_000 as emphasis', () => {
    expect(parseInline('a snake_case_name and 2_000_000')).toEqual([
      text('a snake_case_name and 2_000_000'),
    ]);
    expect(parseInline('_emphasis with snake_case inside_')).toEqual([
      { type: 'emphasis', children: [text('emphasis with snake_case inside')] },
    ]);
  });

  it('does not open emphasis before a space, or close it after one', () => {
    expect(parseInline('2 * 3 * 4')).toEqual([text('2 * 3 * 4')]);
    expect(parseInline('*open but never closed')).toEqual([text('*open but never closed')]);
    expect(parseInline('_a _')).toEqual([text('_a _')]);
  });

  it('leaves unclosed or empty markers as text', () => {
    expect(inlineText(parseInline('**unclosed'))).toBe('**unclosed');
    expect(inlineText(parseInline('****'))).toBe('****');
    expect(inlineText(parseInline('*'))).toBe('*');
    expect(inlineText(parseInline('__'))).toBe('__');
  });

  it('unescapes backslash escapes of markup characters only', () => {
    expect(parseInline('\\*not emphasis\\* \\_nor this\\_ \\[x\\](/y) \\\\ \\# \\-')).toEqual([
      text('*not emphasis* _nor this_ [x](/y) \\ # -'),
    ]);
    expect(parseInline('C:\\Users\\n and a trailing \\')).toEqual([
      text('C:\\Users\\n and a trailing \\'),
    ]);
  });

  describe('links', () => {
    it.each([
      '/learn/avoiding-closeness',
      '/help',
      '/',
      'https://www.samaritans.org',
      'HTTPS://EXAMPLE.ORG/a?b=c#d',
      'mailto:help@example.org',
    ])('keeps the safe href %s', (href) => {
      expect(parseInline(`see [this page](${href}).`)).toEqual([
        text('see '),
        { type: 'link', href, children: [text('this page')] },
        text('.'),
      ]);
    });

    it('trims spaces around the href and parses markup in the label', () => {
      expect(parseInline('[**Get** help]( /help )')).toEqual([
        {
          type: 'link',
          href: '/help',
          children: [{ type: 'strong', children: [text('Get')] }, text(' help')],
        },
      ]);
    });

    it.each([
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:x',
      '//evil.example',
      '/\\evil.example',
      'http://insecure.example',
      'https:/one-slash',
      'https://',
      'ftp://files.example',
      'mailto:nobody',
      'learn/relative',
      '#anchor',
      '?q=1',
    ])('drops the unsafe href %s and keeps the label as text', (href) => {
      const nodes = parseInline(`[click me](${href}) now`);
      expect(allNodes(nodes).some((node) => node.type === 'link')).toBe(false);
      expect(inlineText(nodes)).toMatch(/^click me\)? now$/);
    });

    it('keeps formatting of the label of an unsafe link', () => {
      expect(parseInline('[*x*](javascript:void)')).toEqual([
        { type: 'emphasis', children: [text('x')] },
      ]);
    });

    it('leaves link-like text that is not a complete link alone', () => {
      for (const source of [
        '[no target]',
        '[](/empty-label)',
        '[label](',
        '[label](has space)',
        '[label]()',
      ]) {
        const nodes = parseInline(source);
        expect(allNodes(nodes).some((node) => node.type === 'link')).toBe(false);
      }
    });
  });

  it('keeps raw HTML and entities as literal text', () => {
    expect(parseInline('<b onclick="x()">hi</b> &amp; <a href="javascript:x">y</a>')).toEqual([
      text('<b onclick="x()">hi</b> &amp; <a href="javascript:x">y</a>'),
    ]);
  });
});

describe('isSafeHref', () => {
  it('accepts site paths, https and mailto only', () => {
    expect(isSafeHref('/learn/x')).toBe(true);
    expect(isSafeHref('https://a.example')).toBe(true);
    expect(isSafeHref('mailto:a@b.example')).toBe(true);
    expect(isSafeHref('//a.example')).toBe(false);
    expect(isSafeHref('/a\\b')).toBe(false);
    expect(isSafeHref('http://a.example')).toBe(false);
    expect(isSafeHref('javascript:alert(1)')).toBe(false);
    expect(isSafeHref(' javascript:alert(1)')).toBe(false);
    expect(isSafeHref('')).toBe(false);
  });

  it('property: never accepts a scheme other than https or mailto', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9+.-]{0,10}$/),
        fc.string({ maxLength: 20 }),
        (scheme, rest) => {
          fc.pre(!['https', 'mailto'].includes(scheme.toLowerCase()));
          expect(isSafeHref(`${scheme}:${rest}`)).toBe(false);
        },
      ),
    );
  });
});

describe('inlineText', () => {
  it('concatenates the text of nested nodes', () => {
    expect(inlineText(parseInline('a **b** *c* [d](/e) f'))).toBe('a b c d f');
  });
});

describe('properties', () => {
  // Strings rich in the characters the parser reacts to, mixed with arbitrary Unicode.
  const markdownish = fc
    .array(
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc.constantFrom(
            '*',
            '**',
            '_',
            '[',
            ']',
            '(',
            ')',
            '](',
            '\\',
            '#',
            '## ',
            '- ',
            '1. ',
            '\n',
            '\n\n',
            '\r\n',
            ' ',
            '  ',
            'a',
            'word',
            '/help',
            'javascript:',
            '//',
            'https://x',
            '<',
            '>',
            '`',
          ),
        },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));
  const anyText = fc.oneof(markdownish, fc.string({ unit: 'binary', maxLength: 200 }));

  const chars = (value: string) => new Set(Array.from(value));

  it('parseMarkdown and parseInline never throw on any string', () => {
    fc.assert(
      fc.property(anyText, (source) => {
        expect(() => parseMarkdown(source)).not.toThrow();
        expect(() => parseInline(source)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it('every link in the output has an href that isSafeHref accepts', () => {
    fc.assert(
      fc.property(anyText, (source) => {
        const nodes = [...inlineLists(parseMarkdown(source)).flat(), ...parseInline(source)];
        for (const node of allNodes(nodes)) {
          if (node.type === 'link') expect(isSafeHref(node.href)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('parseInline shows no character that was not in its input', () => {
    fc.assert(
      fc.property(anyText, (source) => {
        const allowed = chars(source);
        for (const char of inlineText(parseInline(source))) expect(allowed.has(char)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('parseMarkdown shows no character that was not in its input, except the space that joins lines', () => {
    fc.assert(
      fc.property(anyText, (source) => {
        const allowed = chars(source);
        if (/[\r\n]/.test(source)) allowed.add(' ');
        for (const list of inlineLists(parseMarkdown(source))) {
          for (const char of inlineText(list)) expect(allowed.has(char)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('plain text without markup characters comes back unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }).filter((value) => !/[*_[\]\\]/.test(value) && value !== ''),
        (value) => {
          expect(parseInline(value)).toEqual([text(value)]);
        },
      ),
    );
  });

  it('finishes quickly on long adversarial input', () => {
    const source = `${'*a _b [c]( '.repeat(1000)}\n${'- item\n  more\n'.repeat(500)}`;
    const started = performance.now();
    parseMarkdown(source);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
