import type { Html } from '../html';
import { html } from '../html';

/**
 * The Markdown subset Teams renders in answer cards, as HTML for the editor's preview: paragraphs
 * (blank line), line breaks, `**bold**`, `*italics*` / `_italics_`, `- ` / `* ` and `1. ` lists,
 * `[links](https://...)`. Everything else is text: all text goes through the escaping `html` tag,
 * and links only keep http(s) and mailto targets.
 */

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,3})[.)]\s+(.*)$/;
const INLINE = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)|(?<![\w*])\*(?![\s*])(.+?)(?<![\s*])\*(?![\w*])|(?<![\p{L}\d_])_(?![\s_])(.+?)(?<![\s_])_(?![\p{L}\d_])/u;
const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

/** Inline formatting of one line of text. */
export function renderInline(text: string): Html {
  const parts: Html[] = [];
  let rest = text;
  for (let match = INLINE.exec(rest); match; match = INLINE.exec(rest)) {
    parts.push(html`${rest.slice(0, match.index)}`);
    const [, bold, linkText, href, starItalic, underscoreItalic] = match;
    if (bold !== undefined) parts.push(html`<strong>${renderInline(bold)}</strong>`);
    else if (linkText !== undefined && href !== undefined) parts.push(renderLink(linkText, href));
    else parts.push(html`<em>${renderInline(starItalic ?? underscoreItalic ?? '')}</em>`);
    rest = rest.slice(match.index + match[0].length);
  }
  parts.push(html`${rest}`);
  return html`${parts}`;
}

function renderLink(text: string, href: string): Html {
  if (!SAFE_URL.test(href)) return renderInline(text);
  return html`<a href="${href}" rel="noopener noreferrer" target="_blank">${renderInline(text)}</a>`;
}

type Block = { kind: 'p'; lines: string[] } | { kind: 'ul'; items: string[] } | { kind: 'ol'; start: number; items: string[] };

function toBlocks(paragraph: string): Block[] {
  const blocks: Block[] = [];
  for (const line of paragraph.split('\n')) {
    const last = blocks[blocks.length - 1];
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (bullet) {
      if (last?.kind === 'ul') last.items.push(bullet[1]!);
      else blocks.push({ kind: 'ul', items: [bullet[1]!] });
    } else if (numbered) {
      if (last?.kind === 'ol') last.items.push(numbered[2]!);
      else blocks.push({ kind: 'ol', start: Number(numbered[1]), items: [numbered[2]!] });
    } else if (last?.kind === 'p') {
      last.lines.push(line.trim());
    } else {
      blocks.push({ kind: 'p', lines: [line.trim()] });
    }
  }
  return blocks;
}

function renderBlock(block: Block): Html {
  if (block.kind === 'ul') return html`<ul>${block.items.map((item) => html`<li>${renderInline(item)}</li>`)}</ul>`;
  if (block.kind === 'ol') {
    const start = block.start === 1 ? null : html` start="${block.start}"`;
    return html`<ol${start}>${block.items.map((item) => html`<li>${renderInline(item)}</li>`)}</ol>`;
  }
  const lines = block.lines.map((line, index) => (index === 0 ? renderInline(line) : html`<br>${renderInline(line)}`));
  return html`<p>${lines}</p>`;
}

/** The answer text as safe HTML in the way Teams shows it. */
export function renderTeamsMarkdown(text: string): Html {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '');
  return html`${paragraphs.flatMap(toBlocks).map(renderBlock)}`;
}
