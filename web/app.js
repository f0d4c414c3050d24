// Loupe search page. The whole state (q, country[], person[], sort, page) lives in the URL query
// string; results come from /api/search and are rendered with DOM calls only, never innerHTML, so
// nothing from an article can turn into markup.

import { formatDay, httpUrl, isoDay, renderHit, text } from './embed/render.js';

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 250;
// The facet dimensions the page offers, in order; a new one needs its label here and its fieldset
// in index.html.
const FACETS = ['country', 'person', 'organization', 'source', 'section'];
const FACET_LABELS = { country: 'Pays', person: 'Personne', organization: 'Organisation', source: 'Source', section: 'Rubrique' };
// Facets most corpora lack: hidden while no article has a value, rather than shown empty.
const OPTIONAL_FACETS = new Set(['section']);
/** The API serves results up to this offset (its max_result_window); pages past it cannot be reached. */
const MAX_WINDOW = 10_000;
const REACHABLE_PAGES = Math.floor(MAX_WINDOW / 10);
const ENTITY_CHIPS = 6; // values of each dimension shown under a result
/** Where a hit or an article lists each dimension's values. */
const HIT_FIELDS = { country: 'countries', person: 'persons', organization: 'organizations' };
const FACET_SHOWN = 8; // values listed before « Afficher … de plus »
const SNIPPETS_SHOWN = 3;
const SORTS = new Set(['relevance', 'date', 'oldest']);
const SEARCH_URL = new URL('api/search', document.baseURI);
const SUGGEST_URL = new URL('api/suggest', document.baseURI);
const SUGGEST_MS = 120;
const RELATED_SHOWN = 3;
const HEALTH_URL = new URL('api/health', document.baseURI);
const DEFAULT_TITLE = document.title;

const numbers = new Intl.NumberFormat('fr-FR');

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('search-form'),
  q: $('q'),
  sort: $('sort'),
  error: $('error'),
  count: $('count'),
  relaxed: $('relaxed'),
  correction: $('correction'),
  suggestions: $('suggestions'),
  empty: $('empty'),
  hits: $('hits'),
  pager: $('pager'),
  prev: $('prev'),
  next: $('next'),
  pageInfo: $('page-info'),
  pageNote: $('page-note'),
  activeFilters: $('active-filters'),
  filterChips: $('filter-chips'),
  clearAll: $('clear-all'),
  filtersToggle: $('filters-toggle'),
  filtersBadge: $('filters-badge'),
  filtersClose: $('filters-close'),
  layout: document.querySelector('.layout'),
  dateFrom: $('date-from'),
  dateTo: $('date-to'),
  timeline: $('timeline'),
  timelineLabel: $('timeline-label'),
  timelineBars: $('timeline-bars'),
  articleView: $('article-view'),
  articleBack: $('article-back'),
  articleTitle: $('article-title'),
  articleMeta: $('article-meta'),
  articleEntities: $('article-entities'),
  articleBody: $('article-body'),
  articleRelated: $('article-related'),
  resultsHeading: $('results-heading'),
  filters: document.querySelector('.filters'),
  clearFilters: $('clear-filters'),
  homeLink: $('home-link'),
  docCount: $('doc-count'),
  facets: Object.fromEntries(FACETS.map((name) => [name, $(`facet-${name}`)])),
};

let state = readState(location.search);
let typingTimer = 0;
// True while the current history entry was created by typing: further keystrokes replace it rather
// than pushing one entry per word, so Back goes to the state before the user started typing.
let typingEntry = false;
let inFlight = null; // AbortController of the request whose answer we are waiting for
let lastRequest = null; // query string of the last request sent (skips duplicates)
let lastResponse = null;
const expandedFacets = new Set();
// What the user typed in each facet's filter box: the server then lists the values with a word
// starting so. Kept out of the URL: it narrows a list, not the results.
const facetPrefix = { country: '', person: '', organization: '' };

// ---------------------------------------------------------------------------------------------
// State and URL

function readState(search) {
  const params = new URLSearchParams(search);
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    ...Object.fromEntries(FACETS.map((name) => [name, distinct(params.getAll(name))])),
    sort: SORTS.has(sort) ? sort : 'relevance',
    // Pages past the API's window cannot be served: an old or hand-made link lands on the last one.
    page: Number.isSafeInteger(page) && page > 0 ? Math.min(page, REACHABLE_PAGES) : 1,
    article: params.get('article') ?? '',
    // Per dimension, whether its ticked values are all required (« tous ») or any one (« au moins un »).
    op: Object.fromEntries(FACETS.map((name) => [name, params.get(`${name}_op`) === 'and' ? 'and' : 'or'])),
    dateFrom: isoDay(params.get('date_from')) ?? '',
    dateTo: isoDay(params.get('date_to')) ?? '',
    // « Rechercher plutôt » what was typed: the server then corrects nothing.
    exact: params.get('exact') === '1',
  };
}

function distinct(values) {
  return [...new Set(values.filter((v) => v !== ''))];
}

function pageUrl(s) {
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  for (const name of FACETS) for (const value of s[name]) params.append(name, value);
  for (const name of FACETS) if (s.op[name] === 'and' && s[name].length > 1) params.set(`${name}_op`, 'and');
  if (s.dateFrom) params.set('date_from', s.dateFrom);
  if (s.dateTo) params.set('date_to', s.dateTo);
  if (s.sort !== 'relevance') params.set('sort', s.sort);
  if (s.page > 1) params.set('page', String(s.page));
  if (s.exact && s.q) params.set('exact', '1');
  if (s.article) params.set('article', s.article);
  const query = params.toString();
  return location.pathname + (query ? `?${query}` : '');
}

function apiQuery(s) {
  const params = new URLSearchParams();
  params.set('q', s.q.trim());
  for (const name of FACETS) for (const value of s[name]) params.append(name, value);
  for (const name of FACETS) if (s.op[name] === 'and' && s[name].length > 1) params.set(`${name}_op`, 'and');
  if (s.dateFrom) params.set('date_from', s.dateFrom);
  if (s.dateTo) params.set('date_to', s.dateTo);
  params.set('from', String((s.page - 1) * PAGE_SIZE));
  params.set('size', String(PAGE_SIZE));
  params.set('sort', s.sort);
  if (s.exact) params.set('autocorrect', 'false');
  // While a word is being typed it matches as a prefix, and the corrector leaves it alone.
  if (s.typing) params.set('prefix_last', 'true');
  for (const name of FACETS) if (facetPrefix[name]) params.set(`${name}_prefix`, facetPrefix[name]);
  return params.toString();
}

/** Moves to a new state: records it in the history ('push' or 'replace') and searches. */
function go(next, how) {
  state = next;
  const url = pageUrl(state);
  if (url !== location.pathname + location.search) {
    if (how === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }
  updateTitle();
  show();
}

/** The article view when the state names an article, the results otherwise. */
function show() {
  const reading = state.article !== '';
  ui.layout.hidden = reading;
  ui.articleView.hidden = !reading;
  if (reading) showArticle(state.article);
  else search();
}

/** A user action other than typing: pending keystrokes are folded in, and it gets its own entry. */
function act(change) {
  clearTimeout(typingTimer);
  go({ ...state, q: ui.q.value, page: 1, typing: false, article: '', ...change }, 'push');
  typingEntry = false;
}

function updateTitle() {
  const q = state.q.trim();
  document.title = q ? `${q} — Loupe` : DEFAULT_TITLE;
}

function syncControls() {
  if (ui.q.value !== state.q) ui.q.value = state.q;
  ui.sort.value = state.sort;
  ui.dateFrom.value = state.dateFrom;
  ui.dateTo.value = state.dateTo;
  for (const box of ui.filters.querySelectorAll('input[type="checkbox"]')) {
    box.checked = state[box.name]?.includes(box.value) ?? false;
  }
  ui.clearFilters.hidden = !hasFilters();
}

function hasFilters() {
  return FACETS.some((name) => state[name].length > 0) || state.dateFrom !== '' || state.dateTo !== '';
}

/** The state without any filter: the query and the order stay. */
function withoutFilters() {
  return { ...Object.fromEntries(FACETS.map((name) => [name, []])), dateFrom: '', dateTo: '' };
}

// ---------------------------------------------------------------------------------------------
// Talking to the API

class ApiError extends Error {}

async function search() {
  const query = apiQuery(state);
  if (query === lastRequest) return;
  lastRequest = query;
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  setBusy(true);
  try {
    const response = await fetch(`${SEARCH_URL}?${query}`, {
      signal: controller.signal,
      headers: { Accept: 'application/json' },
    });
    const body = await readJson(response);
    if (!response.ok) throw new ApiError(errorMessage(response, body));
    if (body === null || typeof body !== 'object') throw new ApiError('Réponse illisible du serveur.');
    if (controller.signal.aborted) return;
    clearError();
    render(body);
  } catch (error) {
    if (controller.signal.aborted) return;
    lastRequest = null; // let the same search be tried again
    showError(error instanceof ApiError ? error.message
      : 'Le serveur ne répond pas. Vérifiez qu’il est lancé, puis réessayez.');
    renderFailure();
  } finally {
    if (inFlight === controller) {
      inFlight = null;
      setBusy(false);
    }
  }
}

async function readJson(response) {
  try {
    return await response.json();
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    return null;
  }
}

/**
 * The reader's message for a failed answer, in French; the server's own message (in English, for
 * developers) is kept in the console.
 */
function errorMessage(response, body) {
  const error = body?.error;
  const status = Number.isInteger(error?.status) ? error.status : response.status;
  if (typeof error?.message === 'string') console.info(`Loupe API ${status}: ${error.message}`);
  if (status === 404) return 'Cet article n’existe pas ou plus dans l’index.';
  if (status === 413) return 'La demande est trop longue pour le serveur.';
  if (status === 429 || status === 503) return 'Le serveur est très sollicité. Réessayez dans un instant.';
  if (status >= 400 && status < 500) {
    const parameter = typeof error?.parameter === 'string' ? ` (paramètre « ${error.parameter} »)` : '';
    return `Le serveur n’a pas pu lire cette recherche${parameter}. Modifiez-la ou repartez de l’accueil.`;
  }
  return `Le serveur a rencontré une erreur (${status}). Réessayez dans un instant.`;
}

function setBusy(busy) {
  ui.hits.setAttribute('aria-busy', String(busy));
  document.body.classList.toggle('is-loading', busy);
}

function showError(message) {
  const retry = node('button', 'button button-small', 'Réessayer');
  retry.type = 'button';
  retry.addEventListener('click', () => {
    lastRequest = null;
    search();
  });
  ui.error.replaceChildren(node('p', null, message), retry);
}

function clearError() {
  ui.error.replaceChildren();
}

async function loadHealth() {
  try {
    const response = await fetch(HEALTH_URL, { headers: { Accept: 'application/json' } });
    const body = await response.json();
    if (response.ok && Number.isSafeInteger(body?.documents)) {
      ui.docCount.textContent = `${plural(body.documents, 'article indexé', 'articles indexés')}.`;
    }
  } catch {
    // The footer count is a nicety; search errors are reported where they happen.
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering

function render(body) {
  const total = Number.isSafeInteger(body.total) && body.total >= 0 ? body.total : 0;
  const hits = Array.isArray(body.hits) ? body.hits : [];
  const size = Number.isSafeInteger(body.size) && body.size > 0 ? body.size : PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / size));

  if (hits.length === 0 && total > 0 && state.page > pages) {
    // A page number past the end (an old link, a shrunken index): show the last page instead.
    go({ ...state, page: pages }, 'replace');
    return;
  }
  lastResponse = body;

  ui.filters.classList.remove('is-offline');
  ui.count.textContent = total === 0 ? 'Aucun résultat' : plural(total, 'résultat', 'résultats');
  ui.relaxed.hidden = body.relaxed !== true || total === 0;
  renderCorrection(body.correction);
  ui.empty.hidden = total !== 0;
  ui.hits.start = (state.page - 1) * size + 1;
  ui.hits.replaceChildren(...hits.filter((hit) => hit && typeof hit === 'object').map(renderHitWithRelated));

  for (const name of FACETS) renderFacet(name, body.facets?.[name]);
  ui.clearFilters.hidden = !hasFilters();
  renderFilterChips();
  renderTimeline(body.date_histogram);

  // Only the pages the API can serve are offered, and the pager says why when that cuts some off.
  const reachable = Math.max(1, Math.floor(MAX_WINDOW / size));
  const last = Math.min(pages, reachable);
  ui.pager.hidden = last <= 1 && state.page <= 1;
  setPageLink(ui.prev, state.page > 1 ? Math.min(state.page - 1, last) : 0);
  setPageLink(ui.next, state.page < last ? state.page + 1 : 0);
  ui.pageInfo.textContent = `page ${numbers.format(state.page)} sur ${numbers.format(last)}`;
  ui.pageNote.hidden = pages <= reachable;
  ui.pageNote.textContent = pages <= reachable ? ''
    : `Seuls les ${numbers.format(reachable * size)} premiers résultats se consultent page à page : précisez la recherche ou ajoutez un filtre pour voir les autres.`;
}

function periodText(from, to) {
  if (from && to) return from === to ? formatDay(from) : `${formatDay(from)} – ${formatDay(to)}`;
  return from ? `depuis le ${formatDay(from)}` : `jusqu’au ${formatDay(to)}`;
}

const INTERVALS = {
  day: { label: 'par jour', format: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) },
  month: { label: 'par mois', format: new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }) },
  year: { label: 'par an', format: new Intl.DateTimeFormat('fr-FR', { year: 'numeric', timeZone: 'UTC' }) },
};

/**
 * The timeline: one bar per bucket of the API's date histogram. A click on a bar filters its span;
 * pressing on one bar and releasing on another filters the span between them.
 */
function renderTimeline(histogram) {
  const interval = INTERVALS[histogram?.interval];
  const buckets = (Array.isArray(histogram?.buckets) ? histogram.buckets : [])
    .filter((b) => isoDay(b?.from) && isoDay(b?.to) && Number.isSafeInteger(b.count));
  if (!interval || buckets.length === 0) {
    ui.timeline.hidden = true;
    ui.timelineBars.replaceChildren();
    return;
  }
  const max = Math.max(1, ...buckets.map((b) => b.count));
  ui.timelineLabel.textContent = `Articles ${interval.label} · cliquez ou glissez pour choisir une période`;
  ui.timelineBars.replaceChildren(...buckets.map((b, i) => {
    const bar = node('button', 'bar');
    bar.type = 'button';
    bar.dataset.index = String(i);
    bar.dataset.from = b.from;
    bar.dataset.to = b.to;
    const name = interval.format.format(new Date(`${b.from}T00:00:00Z`));
    bar.setAttribute('aria-label', `${name} : ${plural(b.count, 'article', 'articles')}`);
    bar.title = `${name} : ${plural(b.count, 'article', 'articles')}`;
    const fill = node('span', 'bar-fill');
    // CSSOM, not a style attribute: the page's Content-Security-Policy allows no inline style.
    fill.style.height = `${b.count === 0 ? 0 : Math.max(4, Math.round((100 * b.count) / max))}%`;
    bar.append(fill);
    return bar;
  }));
  ui.timeline.hidden = false;
}

/** The ticked filters as removable chips above the results, with « Tout effacer ». */
function renderFilterChips() {
  const chips = [];
  for (const name of FACETS) {
    for (const value of state[name]) {
      const button = node('button', 'chip chip-remove');
      button.type = 'button';
      button.dataset.facet = name;
      button.dataset.value = value;
      button.setAttribute('aria-label', `Retirer le filtre ${FACET_LABELS[name]} : ${value}`);
      button.append(node('span', 'chip-label', `${FACET_LABELS[name]} : `), value, node('span', 'chip-x', ' ×'));
      const li = node('li');
      li.append(button);
      chips.push(li);
    }
  }
  if (state.dateFrom || state.dateTo) {
    const button = node('button', 'chip chip-remove');
    button.type = 'button';
    button.dataset.facet = 'date';
    const span = periodText(state.dateFrom, state.dateTo);
    button.setAttribute('aria-label', `Retirer le filtre Période : ${span}`);
    button.append(node('span', 'chip-label', 'Période : '), span, node('span', 'chip-x', ' ×'));
    const li = node('li');
    li.append(button);
    chips.push(li);
  }
  ui.filterChips.replaceChildren(...chips);
  ui.activeFilters.hidden = chips.length === 0;
  // On a phone the filters wait in a drawer; its button counts the active ones.
  ui.filtersBadge.hidden = chips.length === 0;
  ui.filtersBadge.textContent = String(chips.length);
  ui.filtersToggle.setAttribute('aria-label', chips.length === 0 ? 'Filtres'
    : `Filtres, ${plural(chips.length, 'actif', 'actifs')}`);
}

/**
 * The spelling line: « Résultats pour X. Rechercher plutôt Y » when the server searched a corrected
 * query, « Essayez avec cette orthographe : X » when it only offers one. Never silent.
 */
function renderCorrection(correction) {
  const corrected = text(correction?.corrected);
  const original = text(correction?.original);
  if (!corrected || !original) {
    ui.correction.hidden = true;
    ui.correction.replaceChildren();
    return;
  }
  const searchFor = (q, exact) => {
    const link = node('a', 'correction-link', q);
    const next = { ...state, q, page: 1, exact };
    link.href = pageUrl(next);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      ui.q.value = q;
      act({ q, exact });
    });
    return link;
  };
  if (correction.applied === true) {
    ui.correction.replaceChildren(
      'Résultats pour « ', searchFor(corrected, false), ' ». ',
      'Rechercher plutôt « ', searchFor(original, true), ' ».');
  } else {
    ui.correction.replaceChildren('Essayez avec cette orthographe : « ', searchFor(corrected, false), ' ».');
  }
  ui.correction.hidden = false;
}

function renderFailure() {
  lastResponse = null;
  // Counts of an earlier answer would describe results no longer shown.
  for (const name of FACETS) renderFacet(name, []);
  ui.filters.classList.add('is-offline');
  renderTimeline(null);
  ui.count.textContent = '';
  ui.relaxed.hidden = true;
  ui.correction.hidden = true;
  ui.empty.hidden = true;
  ui.hits.replaceChildren();
  ui.pager.hidden = true;
}

/** A result: its title opens the article inside Loupe, its source links to the publisher. */
function renderHitWithRelated(hit) {
  const id = typeof hit.id === 'string' && hit.id !== '' ? hit.id : null;
  const item = renderHit(hit, {
    snippets: SNIPPETS_SHOWN,
    sourceLink: true,
    titleHref: () => (id ? pageUrl({ ...state, article: id }) : null),
  });
  const article = item.querySelector('article');
  const entities = entityChips(hit);
  if (entities) article.append(entities);
  if (id) article.append(relatedToggle(id));
  return item;
}

/** The article's persons and countries as chips; a click ticks that value. */
function entityChips(hit, limit = ENTITY_CHIPS) {
  const chips = [];
  for (const name of FACETS) {
    const values = Array.isArray(hit[HIT_FIELDS[name]]) ? hit[HIT_FIELDS[name]] : [];
    for (const value of values.filter((v) => typeof v === 'string' && v !== '').slice(0, limit)) {
      const button = node('button', `chip chip-${name}`);
      button.type = 'button';
      button.dataset.facet = name;
      button.dataset.value = value;
      button.setAttribute('aria-pressed', String(state[name].includes(value)));
      button.title = `Filtrer : ${FACET_LABELS[name]} ${value}`;
      button.append(value);
      const li = node('li');
      li.append(button);
      chips.push(li);
    }
  }
  if (chips.length === 0) return null;
  const list = node('ul', 'chips hit-entities');
  list.append(...chips);
  return list;
}

/** A chip under a result or in the article: tick its value (and leave the article for the results). */
function tickFromChip(event) {
  const chip = event.target instanceof Element ? event.target.closest('.hit-entities .chip') : null;
  if (!chip || !FACETS.includes(chip.dataset.facet)) return;
  const name = chip.dataset.facet;
  act({ article: '', [name]: distinct([...state[name], chip.dataset.value]) });
  syncControls();
}

// ---------------------------------------------------------------------------------------------
// The article view: full text with the query's words and the entities marked, related articles

let articleController = null;

async function showArticle(id) {
  articleController?.abort();
  const controller = new AbortController();
  articleController = controller;
  ui.articleTitle.textContent = 'Chargement…';
  ui.articleMeta.replaceChildren();
  ui.articleEntities.replaceChildren();
  ui.articleBody.replaceChildren();
  ui.articleRelated.replaceChildren();
  ui.articleBack.href = pageUrl({ ...state, article: '' });
  try {
    const url = new URL(`api/documents/${encodeURIComponent(id)}`, document.baseURI);
    const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
    const body = await readJson(response);
    if (!response.ok) throw new ApiError(errorMessage(response, body));
    if (controller.signal.aborted) return;
    clearError();
    renderArticle(body ?? {});
  } catch (error) {
    if (controller.signal.aborted) return;
    ui.articleTitle.textContent = 'Article indisponible';
    showError(error instanceof ApiError ? error.message
      : 'Le serveur ne répond pas. Vérifiez qu’il est lancé, puis réessayez.');
  }
  loadRelated(id, controller);
}

function renderArticle(article) {
  const title = text(article.title) || 'Sans titre';
  ui.articleTitle.textContent = title;
  document.title = `${title} — Loupe`;
  const day = isoDay(article.date);
  const href = httpUrl(article.url);
  const meta = [];
  if (day) {
    const time = node('time', null, formatDay(day));
    time.dateTime = day;
    meta.push(time);
  }
  const source = text(article.source) || (href ? new URL(href).hostname.replace(/^www\./, '') : '');
  if (source) meta.push(node('span', 'hit-source', source));
  if (text(article.section)) meta.push(node('span', 'hit-section', text(article.section)));
  if (href) {
    const link = node('a', 'source-link', 'Lire sur le site de la source ↗');
    link.href = href;
    link.rel = 'noopener';
    meta.push(link);
  }
  ui.articleMeta.replaceChildren(...meta);
  const chips = entityChips(article, Infinity);
  ui.articleEntities.replaceChildren(...(chips ? [...chips.children] : []));
  ui.articleBody.replaceChildren(...markedBody(text(article.body) === '' ? '' : article.body, article.mentions, state.q));
  ui.articleTitle.focus();
}

/**
 * The body as nodes: entity mentions (offsets from the API) as spans, words of the query as <mark>.
 * The query's words are matched in the browser, accent- and case-insensitively, by their start
 * (« retraite » marks « retraites »): close to the server's French stemming, without a round trip.
 */
function markedBody(body, mentions, query) {
  const ranges = [];
  for (const m of Array.isArray(mentions) ? mentions : []) {
    if (Number.isInteger(m?.start) && Number.isInteger(m?.end) && m.start >= 0 && m.end <= body.length && m.start < m.end) {
      ranges.push({ start: m.start, end: m.end, kind: 'entity', type: String(m.type ?? '').toLowerCase() });
    }
  }
  const stems = queryStems(query);
  if (stems.length > 0) {
    for (const match of body.matchAll(/[\p{L}\p{N}]+/gu)) {
      const folded = fold(match[0]);
      if (stems.some((stem) => folded.startsWith(stem.stem) && folded.length <= stem.word.length + 3)) {
        ranges.push({ start: match.index, end: match.index + match[0].length, kind: 'mark' });
      }
    }
  }
  ranges.sort((a, b) => a.start - b.start || (a.kind === 'mark' ? -1 : 1));
  const nodes = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at) continue; // overlaps one already shown
    if (r.start > at) nodes.push(document.createTextNode(body.slice(at, r.start)));
    const piece = body.slice(r.start, r.end);
    nodes.push(r.kind === 'mark' ? node('mark', null, piece) : node('span', `entity entity-${r.type}`, piece));
    at = r.end;
  }
  if (at < body.length) nodes.push(document.createTextNode(body.slice(at)));
  return nodes;
}

function queryStems(query) {
  return [...new Set((query ?? '').split(/[^\p{L}\p{N}]+/u).map(fold).filter((w) => w.length >= 3))]
    .map((word) => ({ word, stem: word.length > 4 ? word.slice(0, -1) : word }));
}

function fold(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

async function loadRelated(id, controller) {
  try {
    const url = new URL(`api/documents/${encodeURIComponent(id)}/related`, document.baseURI);
    url.searchParams.set('size', '5');
    const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
    const body = await readJson(response);
    if (!response.ok || controller.signal.aborted) return;
    const hits = Array.isArray(body?.hits) ? body.hits : [];
    ui.articleRelated.replaceChildren(...(hits.length === 0 ? [node('li', 'related-none', 'Aucun article proche.')]
      : hits.filter((h) => typeof h?.id === 'string').map((related) => {
        const li = node('li');
        const link = node('a', null, text(related.title) || 'Sans titre');
        link.href = pageUrl({ ...state, article: related.id });
        link.dataset.article = related.id;
        li.append(link);
        const day = isoDay(related.date);
        if (day) li.append(' ', node('span', 'related-date', `(${formatDay(day)})`));
        return li;
      })));
  } catch {
    // Related articles are a help; the article itself is shown.
  }
}

/** « Articles liés »: fetched when asked for, shown under the hit. */
function relatedToggle(id) {
  const box = node('div', 'related');
  const button = node('button', 'link-button related-toggle', 'Articles liés');
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  const list = node('ul', 'related-list');
  list.hidden = true;
  button.addEventListener('click', async () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    list.hidden = !open;
    if (!open || list.dataset.loaded === 'true') return;
    try {
      const url = new URL(`api/documents/${encodeURIComponent(id)}/related`, document.baseURI);
      url.searchParams.set('size', String(RELATED_SHOWN));
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      const body = await readJson(response);
      if (!response.ok) throw new ApiError(errorMessage(response, body));
      const hits = Array.isArray(body?.hits) ? body.hits : [];
      list.replaceChildren(...(hits.length === 0
        ? [node('li', 'related-none', 'Aucun article proche.')]
        : hits.map((related) => {
          const li = node('li');
          const href = httpUrl(related.url);
          const title = text(related.title) || 'Sans titre';
          if (href) {
            const link = node('a', null, title);
            link.href = href;
            li.append(link);
          } else {
            li.append(title);
          }
          const day = isoDay(related.date);
          if (day) li.append(' ', node('span', 'related-date', `(${formatDay(day)})`));
          return li;
        })));
      list.dataset.loaded = 'true';
    } catch (error) {
      list.replaceChildren(node('li', 'related-none', error instanceof ApiError ? error.message : 'Le serveur ne répond pas.'));
    }
  });
  box.append(button, list);
  return box;
}

function renderFacet(name, values) {
  const fieldset = ui.facets[name];
  const list = fieldset.querySelector('.facet-list');
  const more = fieldset.querySelector('.facet-more');
  const selected = new Set(state[name]);
  const items = (Array.isArray(values) ? values : [])
    .filter((v) => v && typeof v.value === 'string' && v.value !== '');
  // A ticked value stays listed (and can be unticked) even if the server left it out.
  for (const value of selected) {
    if (!items.some((item) => item.value === value)) items.push({ value, count: 0 });
  }

  // Re-rendering replaces the checkboxes; keep the keyboard focus on the same value.
  const active = document.activeElement;
  const focused = active instanceof HTMLInputElement && list.contains(active) ? active.value : null;

  const expanded = expandedFacets.has(name);
  const shown = expanded ? items : items.filter((item, i) => i < FACET_SHOWN || selected.has(item.value));
  list.replaceChildren(...shown.map((item) => facetOption(name, item, selected.has(item.value))));
  fieldset.classList.toggle('is-empty', items.length === 0);
  if (OPTIONAL_FACETS.has(name)) fieldset.hidden = items.length === 0;

  renderFacetOperator(fieldset, name, selected.size);

  const hidden = items.length - items.filter((item, i) => i < FACET_SHOWN || selected.has(item.value)).length;
  more.hidden = hidden === 0;
  more.setAttribute('aria-expanded', String(expanded));
  more.textContent = expanded ? 'Afficher moins' : `Afficher ${plural(hidden, 'autre', 'autres')}`;

  if (focused !== null) {
    for (const box of list.querySelectorAll('input')) {
      if (box.value === focused) box.focus();
    }
  }
}

/** « au moins un » / « tous »: how two or more ticked values of one facet combine. */
function renderFacetOperator(fieldset, name, ticked) {
  let group = fieldset.querySelector('.facet-op');
  if (ticked < 2) {
    group?.remove();
    return;
  }
  if (!group) {
    group = node('div', 'facet-op');
    group.setAttribute('role', 'radiogroup');
    group.setAttribute('aria-label', `Articles avec les ${FACET_LABELS[name].toLowerCase()} cochés`);
    for (const [op, label] of [['or', 'au moins un'], ['and', 'tous']]) {
      const radio = node('input');
      radio.type = 'radio';
      radio.name = `${name}_op`;
      radio.value = op;
      radio.dataset.facet = name;
      const option = node('label', 'facet-op-option');
      option.append(radio, ` ${label}`);
      group.append(option);
    }
    fieldset.querySelector('.facet-list').before(group);
  }
  for (const radio of group.querySelectorAll('input')) radio.checked = radio.value === state.op[name];
}

function facetOption(name, item, checked) {
  const li = node('li');
  const label = node('label', 'facet-option');
  const box = node('input');
  box.type = 'checkbox';
  box.name = name;
  box.value = item.value;
  box.checked = checked;
  const count = Number.isSafeInteger(item.count) && item.count >= 0 ? item.count : 0;
  const countNode = node('span', 'facet-count');
  countNode.append(
    node('span', 'visually-hidden', ', '),
    numbers.format(count),
    node('span', 'visually-hidden', count === 1 ? ' article' : ' articles'),
  );
  label.append(box, node('span', 'facet-value', item.value), countNode);
  li.append(label);
  return li;
}

function setPageLink(link, page) {
  if (page > 0) {
    link.href = pageUrl({ ...state, page });
    link.dataset.page = String(page);
    link.removeAttribute('aria-disabled');
  } else {
    link.removeAttribute('href');
    delete link.dataset.page;
    link.setAttribute('aria-disabled', 'true');
  }
}

function plural(n, one, many) {
  return `${numbers.format(n)} ${n === 1 ? one : many}`;
}

function node(tag, className, content) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (content !== undefined) element.textContent = content;
  return element;
}

// ---------------------------------------------------------------------------------------------
// Events

// ---------------------------------------------------------------------------------------------
// Suggestions under the search box (a combobox: arrows move, Enter picks, Escape closes)

let suggestTimer = 0;
let suggestController = null;
let activeSuggestion = -1;

function suggestionOptions() {
  return [...ui.suggestions.querySelectorAll('[role="option"]')];
}

function closeSuggestions() {
  clearTimeout(suggestTimer);
  suggestController?.abort();
  ui.suggestions.hidden = true;
  ui.suggestions.replaceChildren();
  ui.q.setAttribute('aria-expanded', 'false');
  ui.q.removeAttribute('aria-activedescendant');
  activeSuggestion = -1;
}

function setActiveSuggestion(index) {
  const options = suggestionOptions();
  if (options.length === 0) return;
  activeSuggestion = (index + options.length) % options.length;
  options.forEach((option, i) => option.setAttribute('aria-selected', String(i === activeSuggestion)));
  ui.q.setAttribute('aria-activedescendant', options[activeSuggestion].id);
}

/**
 * A word completes the search box; a name (person, country…) ticks its facet value and leaves in the
 * box the words typed before it, so the count shown beside the suggestion is the count found.
 */
function pickSuggestion(option) {
  closeSuggestions();
  const q = option.dataset.query ?? option.dataset.value;
  const facet = option.dataset.facet;
  ui.q.value = q;
  if (facet && FACETS.includes(facet)) act({ q, exact: false, [facet]: distinct([...state[facet], option.dataset.value]) });
  else act({ q, exact: false });
}

const SUGGESTION_TYPES = { person: 'personne', country: 'pays', source: 'source', term: 'mot' };

async function loadSuggestions() {
  const typed = ui.q.value.trim();
  suggestController?.abort();
  if (typed.length < 2) {
    closeSuggestions();
    return;
  }
  const controller = new AbortController();
  suggestController = controller;
  try {
    const url = new URL(SUGGEST_URL);
    url.searchParams.set('q', typed);
    url.searchParams.set('size', '8');
    // The ticked filters: each suggestion is counted as the search will show it.
    for (const name of FACETS) for (const value of state[name]) url.searchParams.append(name, value);
    const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
    const body = await readJson(response);
    if (!response.ok || controller.signal.aborted || ui.q.value.trim() !== typed) return;
    const suggestions = (Array.isArray(body?.suggestions) ? body.suggestions : [])
      .filter((s) => typeof s?.text === 'string' && s.text.trim() !== ''
        && (typeof s.facet === 'string' || s.text.trim().toLowerCase() !== typed.toLowerCase()));
    if (suggestions.length === 0 || document.activeElement !== ui.q) {
      closeSuggestions();
      return;
    }
    ui.suggestions.replaceChildren(...suggestions.map((s, i) => {
      const option = node('li', 'suggestion');
      option.id = `suggestion-${i}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.value = s.text;
      if (typeof s.query === 'string') option.dataset.query = s.query;
      if (typeof s.facet === 'string') option.dataset.facet = s.facet;
      option.append(node('span', 'suggestion-text', s.text));
      const kind = SUGGESTION_TYPES[s.type];
      if (kind) option.append(node('span', 'suggestion-type', kind));
      if (Number.isSafeInteger(s.count)) option.append(node('span', 'suggestion-count', numbers.format(s.count)));
      return option;
    }));
    activeSuggestion = -1;
    ui.suggestions.hidden = false;
    ui.q.setAttribute('aria-expanded', 'true');
  } catch {
    // Suggestions are a help while typing; a failure leaves the search itself untouched.
  }
}

ui.q.addEventListener('keydown', (event) => {
  if (ui.suggestions.hidden) return;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    setActiveSuggestion(activeSuggestion + (event.key === 'ArrowDown' ? 1 : -1));
  } else if (event.key === 'Enter' && activeSuggestion >= 0) {
    event.preventDefault();
    pickSuggestion(suggestionOptions()[activeSuggestion]);
  } else if (event.key === 'Escape') {
    event.preventDefault();
    closeSuggestions();
  }
});

// mousedown, not click: the input must not lose focus (and close the list) before the pick.
ui.suggestions.addEventListener('mousedown', (event) => {
  const option = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
  if (!option) return;
  event.preventDefault();
  pickSuggestion(option);
});

ui.q.addEventListener('blur', () => closeSuggestions());

ui.q.addEventListener('input', () => {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(loadSuggestions, SUGGEST_MS);
});

// ---------------------------------------------------------------------------------------------
// Facet filter boxes

let facetFilterTimer = 0;
ui.filters.addEventListener('input', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.classList.contains('facet-filter')) return;
  facetPrefix[box.dataset.facet] = box.value.trim();
  clearTimeout(facetFilterTimer);
  facetFilterTimer = setTimeout(search, DEBOUNCE_MS);
});

ui.q.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    go({ ...state, q: ui.q.value, page: 1, exact: false, typing: true, article: '' }, typingEntry ? 'replace' : 'push');
    typingEntry = true;
  }, DEBOUNCE_MS);
});

ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  closeSuggestions();
  clearTimeout(typingTimer);
  go({ ...state, q: ui.q.value, page: 1, exact: false, typing: false, article: '' }, typingEntry ? 'replace' : 'push');
  typingEntry = false;
});

let timelineAnchor = null; // the bar pressed first while selecting a span
ui.timelineBars.addEventListener('mousedown', (event) => {
  const bar = event.target instanceof Element ? event.target.closest('.bar') : null;
  if (!bar || event.button !== 0) return;
  event.preventDefault();
  timelineAnchor = bar;
});
ui.timelineBars.addEventListener('mouseup', (event) => {
  const bar = event.target instanceof Element ? event.target.closest('.bar') : null;
  const anchor = timelineAnchor;
  timelineAnchor = null;
  if (!bar || !anchor) return;
  const [first, last] = Number(anchor.dataset.index) <= Number(bar.dataset.index) ? [anchor, bar] : [bar, anchor];
  act({ dateFrom: first.dataset.from, dateTo: last.dataset.to });
  syncControls();
});
// Keyboard: Enter or Space on a bar filters its span.
ui.timelineBars.addEventListener('keydown', (event) => {
  const bar = event.target instanceof Element ? event.target.closest('.bar') : null;
  if (!bar || (event.key !== 'Enter' && event.key !== ' ')) return;
  event.preventDefault();
  act({ dateFrom: bar.dataset.from, dateTo: bar.dataset.to });
  syncControls();
});

for (const input of [ui.dateFrom, ui.dateTo]) {
  input.addEventListener('change', () => {
    const from = isoDay(ui.dateFrom.value) ?? '';
    const to = isoDay(ui.dateTo.value) ?? '';
    // Dates typed the wrong way round are read as the span between them.
    act(from && to && from > to ? { dateFrom: to, dateTo: from } : { dateFrom: from, dateTo: to });
    syncControls();
  });
}

ui.sort.addEventListener('change', () => act({ sort: SORTS.has(ui.sort.value) ? ui.sort.value : 'relevance' }));

ui.filters.addEventListener('change', (event) => {
  const radio = event.target;
  if (radio instanceof HTMLInputElement && radio.type === 'radio' && FACETS.includes(radio.dataset.facet)) {
    act({ op: { ...state.op, [radio.dataset.facet]: radio.value === 'and' ? 'and' : 'or' } });
    return;
  }
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox' || !FACETS.includes(box.name)) return;
  const values = new Set(state[box.name]);
  if (box.checked) values.add(box.value);
  else values.delete(box.value);
  act({ [box.name]: [...values] });
  ui.clearFilters.hidden = !hasFilters();
});

ui.filters.addEventListener('click', (event) => {
  const more = event.target instanceof Element ? event.target.closest('.facet-more') : null;
  if (!more) return;
  const name = more.closest('.facet').dataset.facet;
  if (expandedFacets.has(name)) expandedFacets.delete(name);
  else expandedFacets.add(name);
  if (lastResponse) renderFacet(name, lastResponse.facets?.[name]);
});

ui.clearFilters.addEventListener('click', () => {
  act(Object.fromEntries(FACETS.map((name) => [name, []])));
  syncControls();
  ui.resultsHeading.focus();
});

ui.pager.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-page]') : null;
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  clearTimeout(typingTimer);
  go({ ...state, q: ui.q.value, page: Number(link.dataset.page) }, 'push');
  typingEntry = false;
  ui.resultsHeading.focus();
});

ui.homeLink.addEventListener('click', (event) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  act({ q: '', ...withoutFilters(), sort: 'relevance' });
  syncControls();
  ui.q.focus();
});

window.addEventListener('popstate', () => {
  clearTimeout(typingTimer);
  typingEntry = false;
  state = readState(location.search);
  syncControls();
  updateTitle();
  show();
});

// « / » jumps back to the search box, as on many search sites.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target instanceof Element && target.closest('input, textarea, select, [contenteditable]')) return;
  event.preventDefault();
  ui.q.focus();
  ui.q.select();
});

ui.hits.addEventListener('click', (event) => {
  const title = event.target instanceof Element ? event.target.closest('.hit-title a') : null;
  if (title && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey) {
    event.preventDefault();
    go(readState(new URL(title.href).search), 'push');
    return;
  }
  tickFromChip(event);
});
ui.articleEntities.addEventListener('click', tickFromChip);

ui.filterChips.addEventListener('click', (event) => {
  const chip = event.target instanceof Element ? event.target.closest('.chip-remove') : null;
  if (chip?.dataset.facet === 'date') {
    act({ dateFrom: '', dateTo: '' });
    syncControls();
    ui.resultsHeading.focus();
    return;
  }
  if (!chip || !FACETS.includes(chip.dataset.facet)) return;
  const name = chip.dataset.facet;
  act({ [name]: state[name].filter((value) => value !== chip.dataset.value) });
  syncControls();
  ui.resultsHeading.focus();
});

/** The drawer of filters on narrow screens (on wide ones the filters are always shown beside the results). */
function setDrawer(open) {
  ui.filters.classList.toggle('is-open', open);
  ui.filtersToggle.setAttribute('aria-expanded', String(open));
  document.body.classList.toggle('drawer-open', open);
  if (open) ui.filtersClose.focus();
  else ui.filtersToggle.focus();
}
ui.filtersToggle.addEventListener('click', () => setDrawer(!ui.filters.classList.contains('is-open')));
ui.filtersClose.addEventListener('click', () => setDrawer(false));
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && ui.filters.classList.contains('is-open')) setDrawer(false);
});

ui.clearAll.addEventListener('click', () => {
  act(withoutFilters());
  syncControls();
  ui.resultsHeading.focus();
});

ui.articleBack.addEventListener('click', (event) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  go({ ...state, article: '' }, 'push');
});

ui.articleRelated.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-article]') : null;
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  go({ ...state, article: link.dataset.article }, 'push');
});

syncControls();
updateTitle();
show();
loadHealth();
