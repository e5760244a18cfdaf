import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { parseMarkdown, type Block, type Inline } from '../../../../core/content/markdown';

/**
 * Shows Markdown content as React elements. Nothing is ever inserted as HTML: text stays
 * text, so content cannot inject markup or scripts whatever it contains.
 */
export function MarkdownView({
  source,
  headingOffset = 0,
}: {
  source: string;
  headingOffset?: 0 | 1;
}) {
  const blocks = parseMarkdown(source);
  return (
    <div className="prose">
      {blocks.map((block, index) => renderBlock(block, index, headingOffset))}
    </div>
  );
}

function renderBlock(block: Block, key: number, headingOffset: 0 | 1): ReactNode {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(block.level + headingOffset, 4);
      const Tag = `h${level}` as 'h2' | 'h3' | 'h4';
      return <Tag key={key}>{renderInlines(block.children)}</Tag>;
    }
    case 'paragraph':
      return <p key={key}>{renderInlines(block.children)}</p>;
    case 'list': {
      const items = block.items.map((item, index) => <li key={index}>{renderInlines(item)}</li>);
      return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
  }
}

function renderInlines(nodes: Inline[]): ReactNode {
  return nodes.map((node, index) => <Fragment key={index}>{renderInline(node)}</Fragment>);
}

function renderInline(node: Inline): ReactNode {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'strong':
      return <strong>{renderInlines(node.children)}</strong>;
    case 'emphasis':
      return <em>{renderInlines(node.children)}</em>;
    case 'link':
      // Get help now is a server page, not an app route: always a full navigation.
      if (node.href.startsWith('/') && !node.href.startsWith('/help')) {
        return <Link to={node.href}>{renderInlines(node.children)}</Link>;
      }
      return <a href={node.href}>{renderInlines(node.children)}</a>;
  }
}
