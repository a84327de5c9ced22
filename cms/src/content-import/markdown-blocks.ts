/**
 * Content files keep prose in a tiny Markdown subset so they stay readable in review:
 * paragraphs separated by blank lines, `## ` headings (levels 2-4), `- ` or `• ` bullets and `1. ` numbered items.
 * This turns it into Strapi's rich-text blocks.
 */
export type TextNode = { type: 'text'; text: string };
export type Block =
  | { type: 'paragraph'; children: TextNode[] }
  | { type: 'heading'; level: 2 | 3 | 4; children: TextNode[] }
  | { type: 'list'; format: 'ordered' | 'unordered'; children: { type: 'list-item'; children: TextNode[] }[] };

const BULLET = /^\s*[-•*]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const HEADING = /^(#{2,4})\s+(.*)$/;

export function markdownToBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: [textNode(paragraph.join(' '))] });
    paragraph = [];
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(raw);
    const numbered = NUMBERED.exec(raw);
    if (!line) {
      flushParagraph();
    } else if (heading) {
      flushParagraph();
      blocks.push({ type: 'heading', level: heading[1]!.length as 2 | 3 | 4, children: [textNode(heading[2]!)] });
    } else if (bullet || numbered) {
      flushParagraph();
      const format = bullet ? 'unordered' : 'ordered';
      const item = { type: 'list-item' as const, children: [textNode((bullet ?? numbered)![1]!)] };
      const last = blocks.at(-1);
      if (last?.type === 'list' && last.format === format) last.children.push(item);
      else blocks.push({ type: 'list', format, children: [item] });
    } else {
      paragraph.push(line);
    }
  }
  flushParagraph();
  return blocks;
}

function textNode(text: string): TextNode {
  return { type: 'text', text: text.replace(/\s+/g, ' ').trim() };
}
