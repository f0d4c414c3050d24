// Reading Loupe's search answers into DOM nodes, shared by the search page (web/app.js) and the
// <loupe-search> widget (web/embed/loupe-search.js). It lives under /embed/ because the server lets
// any origin load that folder: the widget imports it from a page of another site.
//
// Nothing from the API becomes markup: highlights are HTML-escaped text with only <mark> and
// </mark> added by the server, split on those two exact tags into text nodes and <mark> elements;
// links are made for absolute http(s) URLs only.

/** Creates an element, sets DOM properties (never markup) and appends children (strings become text). */
export function node(tag, properties = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(properties ?? {})) {
    if (key === 'part' || key === 'role') element.setAttribute(key, value); // no reflecting property everywhere
    else element[key] = value;
  }
  element.append(...children);
  return element;
}

/**
 * Turns the server's highlighted text into nodes: the two exact tags become <mark> elements and
 * everything else becomes text, so a tag the server failed to escape still shows as text.
 */
export function markedText(highlighted) {
  const nodes = [];
  let inMark = false;
  for (const part of String(highlighted).split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') inMark = true;
    else if (part === '</mark>') inMark = false;
    else if (part !== '') {
      const textNode = document.createTextNode(decodeEntities(part));
      nodes.push(inMark ? node('mark', {}, textNode) : textNode);
    }
  }
  return nodes;
}

const NAMED_ENTITIES = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', laquo: '«',
  raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', ndash: '–', mdash: '—',
};

/** Decodes character references in one pass (so « &amp;lt; » stays « &lt; »); unknown ones stay as written. */
export function decodeEntities(s) {
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, ref) => {
    if (ref[0] !== '#') return Object.hasOwn(NAMED_ENTITIES, ref) ? NAMED_ENTITIES[ref] : whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** The URL when it is an absolute http(s) URL, otherwise null (javascript:, data:, relative…). */
export function httpUrl(value) {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The YYYY-MM-DD day of an ISO date or date-time, or null when it is not one. */
export function isoDay(value) {
  if (typeof value !== 'string') return null;
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value);
  return match && !Number.isNaN(Date.parse(`${match[0]}T00:00:00Z`)) ? match[0] : null;
}

/** The trimmed string, or '' for anything that is not a string. */
export function text(value) {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Formats a YYYY-MM-DD day in UTC, so an article keeps the day it was dated whatever the reader's
 * time zone.
 */
export function formatDay(day, locale = 'fr-FR') {
  const dates = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return dates.format(new Date(`${day}T00:00:00Z`));
}

/**
 * One search hit as a list item: title (highlighted, a link when the URL is http(s)), date,
 * source and section, then up to {@code snippets} highlighted passages.
 *
 * options: locale, untitled (text for a hit without title), snippets (how many), titleTag,
 * part (the ::part name of the item, for the widget), titleHref (hit → URL of the title link,
 * default the article's own URL), sourceLink (the source name links to the article's own URL).
 */
export function renderHit(hit, options = {}) {
  const { locale = 'fr-FR', untitled = 'Sans titre', snippets = 3, titleTag = 'h3', part, titleHref, sourceLink = false } = options;
  const item = node('li', part ? { className: 'hit', part } : { className: 'hit' });
  const article = node('article');
  const title = node(titleTag, { className: 'hit-title' });
  const titleNodes = text(hit.title_highlighted) !== ''
    ? markedText(hit.title_highlighted)
    : [document.createTextNode(text(hit.title) || untitled)];
  const href = httpUrl(hit.url);
  const target = titleHref ? titleHref(hit) : href;
  title.append(target ? node('a', { href: target }, ...titleNodes) : node('span', {}, ...titleNodes));
  article.append(title);

  const meta = node('p', { className: 'hit-meta' });
  const day = isoDay(hit.date);
  if (day) meta.append(node('time', { dateTime: day }, formatDay(day, locale)));
  const source = text(hit.source) || (href ? new URL(href).hostname.replace(/^www\./, '') : '');
  if (source && sourceLink && href) meta.append(node('a', { className: 'hit-source', href, rel: 'noopener' }, source));
  else if (source) meta.append(node('span', { className: 'hit-source' }, source));
  if (text(hit.section)) meta.append(node('span', { className: 'hit-section' }, text(hit.section)));
  if (meta.childElementCount > 0) article.append(meta);

  const passages = (Array.isArray(hit.snippets) ? hit.snippets : [])
    .filter((s) => typeof s === 'string' && s.trim() !== '').slice(0, snippets);
  for (const snippet of passages) article.append(node('p', { className: 'snippet' }, ...markedText(snippet)));
  item.append(article);
  return item;
}
