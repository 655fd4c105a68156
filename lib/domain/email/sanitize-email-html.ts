import sanitizeHtml from 'sanitize-html';

// Mail HTML is never trusted (DESIGN.md): it is sanitised ON WRITE with an allow-list, and the
// plain text is always kept as the message content (the chat shows text; the sanitised HTML is in
// content_attributes.email.html for a richer view). Kept: text formatting, lists, tables, quotes,
// links (http, https, mailto only; they open in a new tab without referrer). Dropped: scripts,
// styles, forms, iframes, event handlers, style attributes, javascript:/data: URLs, and REMOTE
// IMAGES, which would tell the sender when and from where an agent read the mail (tracking
// pixels): an <img> keeps its alt text only. Inline images (cid:) arrive as attachments.
export const sanitizeEmailHtml = (html: string): string =>
  sanitizeHtml(html, {
    allowedTags: [
      'a', 'b', 'blockquote', 'br', 'caption', 'code', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'li', 'ol', 'p', 'pre', 's',
      'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
    ],
    allowedAttributes: { a: ['href', 'title', 'target', 'rel'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    // Dropped with their content, not just their tags.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' } }),
      img: (_tagName, attribs) => ({ tagName: 'span', attribs: {}, text: attribs.alt ? `[${attribs.alt}]` : '' }),
    },
  });

// A text version of HTML-only mail, for the message content: blocks and <br> break lines, list
// items become "• " lines (numbered "1. " inside an <ol>), so "Línea 2" and "uno / dos" stay apart.
export const textFromHtml = (html: string): string =>
  sanitizeHtml(listsAsText(html).replace(/<(br|\/p|\/div|\/tr|\/h[1-6]|\/?ul|\/?ol|\/blockquote)\b[^>]*>/gi, '\n'), { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style', 'head', 'title'] })
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+\n/g, '\n')
    // A list's lines follow each other without blank lines.
    .replace(/\n{2,}(?=[ ]*(?:•|\d+\.) )/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

// <li> as a bullet line, or "n. " inside an <ol> (nested lists are numbered by their own <ol>).
const listsAsText = (html: string): string => {
  const counters: Array<number | null> = [];
  return html.replace(/<(\/?)(ol|ul|li)\b[^>]*>/gi, (tag, closing: string, name: string) => {
    const kind = name.toLowerCase();
    if (kind !== 'li') {
      if (closing) counters.pop();
      else counters.push(kind === 'ol' ? 0 : null);
      return tag;
    }
    if (closing) return '';
    const depth = counters.length;
    const counter = counters[depth - 1];
    const indent = '  '.repeat(Math.max(0, depth - 1));
    if (typeof counter === 'number') {
      counters[depth - 1] = counter + 1;
      return `\n${indent}${counter + 1}. `;
    }
    return `\n${indent}• `;
  });
};
