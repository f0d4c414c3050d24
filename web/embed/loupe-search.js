// <loupe-search>: Loupe's search box, results and facet filters as a standard web component for any
// web page. One ES module, no framework, no build step:
//
//   <script type="module" src="http://127.0.0.1:7070/embed/loupe-search.js"></script>
//   <loupe-search endpoint="http://127.0.0.1:7070" facets="country,person" size="5"></loupe-search>
//
// Attributes
//   endpoint  base URL of a Loupe server; defaults to the server this script came from
//   facets    comma-separated facet filters to offer: country, person, organization, source, section
//             (default all, a facet without values staying hidden; "" for none)
//   size      results per page, 1–50 (default 5)
//   lang      "fr" (default) or "en" for the interface texts
//
// Theming: the component lives in a shadow root and inherits the page's font and text colour. These
// custom properties, set on the element or any ancestor, change the rest:
//   --loupe-accent (links, focus, ticked boxes), --loupe-accent-text (on the accent), --loupe-font (inherit)
//   --loupe-input-background
//   --loupe-text, --loupe-muted (secondary text)  --loupe-border, --loupe-radius
//   --loupe-mark, --loupe-mark-text (highlights)  --loupe-surface, --loupe-surface-text (suggestion list)
//   --loupe-error, --loupe-error-background
// and ::part(input | suggestions | status | error | chips | filters-toggle | facets | results | hit | more)
// reach single pieces.
//
// Security: the page talks to the public HTTP API only, and nothing from the API becomes markup.
// Highlights are HTML-escaped text with only <mark> and </mark> added by the server; they are split
// on those two exact tags into text nodes and <mark> elements. Links are made for http(s) URLs only.
// Styles are a constructed stylesheet (adoptedStyleSheets), which a page's CSP style-src does not
// block, unlike a <style> element.

import { node, renderHit } from './render.js';

const SEARCH_DEBOUNCE_MS = 250;
const SUGGEST_DEBOUNCE_MS = 120;
const REQUEST_TIMEOUT_MS = 10_000;
const SUGGESTIONS_SHOWN = 6;
const SNIPPETS_SHOWN = 2;
const FACET_VALUES_SHOWN = 6;
const DEFAULT_SIZE = 5;
const MAX_SIZE = 50;
const KNOWN_FACETS = ['country', 'person', 'organization', 'source', 'section'];

const TEXTS = {
  fr: {
    locale: 'fr-FR',
    label: 'Rechercher dans les articles',
    placeholder: 'Un sujet, une personne, un pays…',
    submit: 'Rechercher',
    suggestions: 'Suggestions',
    types: { person: 'personne', country: 'pays', organization: 'organisation', place: 'lieu', term: 'mot' },
    searching: 'Recherche…',
    results: (n, total) => (total === 0 ? 'Aucun résultat' : `${n(total)} ${total === 1 ? 'résultat' : 'résultats'}`),
    relaxed: 'Aucun article ne contient tous les mots ; résultats approchants.',
    facets: { country: 'Pays', person: 'Personnes', organization: 'Organisations', source: 'Sources', section: 'Rubriques' },
    facet: { country: 'Pays', person: 'Personne', organization: 'Organisation', source: 'Source', section: 'Rubrique' },
    activeFilters: 'Filtres actifs',
    removeFilter: (label, value) => `Retirer le filtre ${label} : ${value}`,
    chipLabel: (label) => `${label} : `,
    clearAll: 'Tout effacer',
    articles: (count) => (count === 1 ? 'article' : 'articles'),
    showMore: (n) => `Afficher ${n} de plus`,
    showLess: 'Afficher moins',
    filters: 'Filtres',
    clearFilters: 'Effacer les filtres',
    more: 'Plus de résultats',
    untitled: 'Sans titre',
    unreachable: 'Le serveur de recherche est injoignable : il est peut-être arrêté, ou ce site n’est pas autorisé à l’interroger.',
    unreadable: 'Réponse illisible du serveur de recherche.',
    error: (status, message) => `Erreur ${status} : ${message}`,
    retry: 'Réessayer',
  },
  en: {
    locale: 'en-GB',
    label: 'Search the articles',
    placeholder: 'A topic, a person, a country…',
    submit: 'Search',
    suggestions: 'Suggestions',
    types: { person: 'person', country: 'country', organization: 'organisation', place: 'place', term: 'word' },
    searching: 'Searching…',
    results: (n, total) => (total === 0 ? 'No results' : `${n(total)} ${total === 1 ? 'result' : 'results'}`),
    relaxed: 'No article contains every word; showing close matches.',
    facets: { country: 'Countries', person: 'People', organization: 'Organisations', source: 'Sources', section: 'Sections' },
    facet: { country: 'Country', person: 'Person', organization: 'Organisation', source: 'Source', section: 'Section' },
    activeFilters: 'Active filters',
    removeFilter: (label, value) => `Remove the filter ${label}: ${value}`,
    chipLabel: (label) => `${label}: `,
    clearAll: 'Clear all',
    articles: (count) => (count === 1 ? 'article' : 'articles'),
    showMore: (n) => `Show ${n} more`,
    showLess: 'Show fewer',
    filters: 'Filters',
    clearFilters: 'Clear filters',
    more: 'More results',
    untitled: 'Untitled',
    unreachable: 'The search server cannot be reached: it may be down, or this site may not be allowed to query it.',
    unreadable: 'The search server sent an unreadable answer.',
    error: (status, message) => `Error ${status}: ${message}`,
    retry: 'Try again',
  },
};

const CSS = `
:host {
  --_accent: var(--loupe-accent, #8c1d18);
  --_muted: var(--loupe-muted, color-mix(in srgb, currentColor 68%, transparent));
  --_border: var(--loupe-border, color-mix(in srgb, currentColor 22%, transparent));
  --_radius: var(--loupe-radius, 0.375em);
  display: block;
  container-type: inline-size;
  font-family: var(--loupe-font, inherit);
  color: var(--loupe-text, inherit);
  line-height: 1.5;
}
:host([hidden]), [hidden] { display: none !important; }
*, *::before, *::after { box-sizing: border-box; }
input, button { font: inherit; color: inherit; }
:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }

.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; border: 0;
}

form { display: flex; gap: 0.5em; align-items: stretch; }
.combo { position: relative; flex: 1; min-width: 0; }
input[type="search"] {
  width: 100%; padding: 0.55em 0.75em; border: 1px solid var(--_border); border-radius: var(--_radius);
  background: var(--loupe-input-background, transparent);
}
input[type="search"]:focus-visible { outline-offset: 0; border-color: var(--_accent); }
button {
  cursor: pointer; border: 1px solid var(--_border); border-radius: var(--_radius);
  background: transparent; padding: 0.35em 0.8em;
}
button.primary { background: var(--_accent); border-color: var(--_accent); color: var(--loupe-accent-text, #fff); padding: 0.55em 1em; }
button.link {
  border: 0; padding: 0; background: none; color: var(--_accent); text-decoration: underline;
  text-underline-offset: 0.15em; font-size: 0.9em;
}

.suggestions {
  position: absolute; z-index: 10; inset-inline: 0; top: calc(100% + 0.25em); margin: 0; padding: 0.25em 0;
  list-style: none; background: var(--loupe-surface, Canvas); color: var(--loupe-surface-text, CanvasText);
  border: 1px solid var(--_border); border-radius: var(--_radius);
  box-shadow: 0 0.5em 1.5em rgb(0 0 0 / 0.15);
}
.suggestion { display: flex; justify-content: space-between; gap: 1em; padding: 0.35em 0.75em; cursor: pointer; }
.suggestion[aria-selected="true"] { background: color-mix(in srgb, var(--_accent) 14%, transparent); }
.suggestion-type { color: var(--_muted); font-size: 0.85em; white-space: nowrap; }

.status { margin: 0.75em 0 0; color: var(--_muted); font-size: 0.9em; min-height: 1.5em; }
.relaxed { margin: 0.25em 0 0; font-size: 0.9em; font-style: italic; }
.error {
  margin-top: 0.75em; padding: 0.6em 0.8em; border-radius: var(--_radius);
  color: var(--loupe-error, #7a1410); background: var(--loupe-error-background, #fdecea);
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em 1em;
}
.error p { margin: 0; flex: 1 1 16em; }
.error button { border-color: currentColor; }

.layout { display: grid; gap: 1em; margin-top: 0.5em; }
@container (min-width: 40rem) {
  .layout.has-facets { grid-template-columns: minmax(11rem, 14rem) 1fr; align-items: start; }
}
.facets:empty, .filters-toggle { display: none; }
@container (width < 40rem) {
  /* Narrow: the filters fold behind a button so the results come first. */
  .filters-toggle { display: inline-block; margin-bottom: 0.5em; }
  .facets:not(.is-open) { display: none; }
}
fieldset { border: 0; margin: 0 0 0.75em; padding: 0; min-width: 0; }
legend { padding: 0; font-weight: 600; font-size: 0.9em; margin-bottom: 0.25em; }
.facet-list { list-style: none; margin: 0; padding: 0; }
.facet-option { display: flex; align-items: baseline; gap: 0.4em; font-size: 0.9em; padding: 0.1em 0; cursor: pointer; }
.facet-option input { accent-color: var(--_accent); margin: 0; flex: none; }
.facet-value { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.facet-count { color: var(--_muted); font-variant-numeric: tabular-nums; }

.hits { list-style: none; margin: 0; padding: 0; min-width: 0; }
.hit { padding: 0.6em 0; border-top: 1px solid var(--_border); }
.hit:first-child { border-top: 0; padding-top: 0; }
.hit-title { margin: 0; font-weight: 600; font-size: 1.05em; overflow-wrap: anywhere; }
.hit-title a { color: var(--_accent); text-decoration: none; }
.hit-title a:hover { text-decoration: underline; }
.hit-meta { margin: 0.1em 0 0; color: var(--_muted); font-size: 0.85em; }
.hit-meta > * + *::before { content: " · "; }
.snippet { margin: 0.25em 0 0; font-size: 0.95em; overflow-wrap: anywhere; }
mark {
  background: var(--loupe-mark, color-mix(in srgb, var(--_accent) 18%, transparent));
  color: var(--loupe-mark-text, inherit); border-radius: 0.15em; padding: 0 0.05em;
}
.more { margin-top: 0.5em; }
.chips { display: flex; flex-wrap: wrap; align-items: center; gap: 0.35em 0.5em; list-style: none; margin: 0.5em 0 0; padding: 0; }
.chip {
  border-radius: 999px; border-color: var(--_accent); background: var(--_accent); color: var(--loupe-accent-text, #fff);
  padding: 0.1em 0.7em; font-size: 0.85em;
}
.chip-label { opacity: 0.85; }
:host([aria-busy="true"]) .hits { opacity: 0.6; }
@media (prefers-reduced-motion: no-preference) { .hits { transition: opacity 0.15s; } }
`;

let sharedSheet = null;

/** One constructed stylesheet shared by every instance, or null where the browser cannot adopt one. */
function styleSheet() {
  if (sharedSheet === null && 'adoptedStyleSheets' in ShadowRoot.prototype) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(CSS);
    } catch {
      sharedSheet = null;
    }
  }
  return sharedSheet;
}

let nextInstance = 0;

class ApiError extends Error {}

/** The search widget; each element keeps its own query, ticked facet values and requests. */
export class LoupeSearch extends HTMLElement {
  static observedAttributes = ['endpoint', 'facets', 'size', 'lang'];

  #root;
  #ui = null;
  #id = `loupe-${++nextInstance}`;
  #query = '';
  #selected = new Map(KNOWN_FACETS.map((name) => [name, new Set()]));
  #expanded = new Set();
  #filtersOpen = false; // only matters in a narrow container, where the filters fold
  #hits = [];
  #lastBody = null;
  #search = null; // AbortController of the search whose answer we wait for
  #suggest = null; // the same for suggestions
  #searchTimer = 0;
  #suggestTimer = 0;
  #suggestions = [];
  #active = -1; // index of the highlighted suggestion, -1 for none
  #typing = false; // whether the last search ran while a word was being typed (its last word a prefix)
  #warned = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    const sheet = styleSheet();
    if (sheet) this.#root.adoptedStyleSheets = [sheet];
  }

  connectedCallback() {
    if (this.#ui === null) this.#build();
    this.#checkHealth();
  }

  disconnectedCallback() {
    clearTimeout(this.#searchTimer);
    clearTimeout(this.#suggestTimer);
    this.#search?.abort();
    this.#suggest?.abort();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (this.#ui === null || oldValue === newValue) return;
    // Texts, facets and the server may all change: rebuild, keeping the query and the ticks.
    this.#build();
    if (name === 'endpoint') this.#checkHealth();
    if (this.#query || this.#tickedCount() > 0) this.#runSearch(false);
  }

  // -------------------------------------------------------------------------------------------
  // Attributes

  get #texts() {
    return (this.getAttribute('lang') ?? '').toLowerCase().startsWith('en') ? TEXTS.en : TEXTS.fr;
  }

  /** The server's base URL, ending with a slash; defaults to the server this module came from. */
  get #base() {
    const attribute = this.getAttribute('endpoint');
    let url;
    try {
      url = attribute ? new URL(attribute.trim(), document.baseURI) : new URL('../', import.meta.url);
    } catch {
      return null;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.search = '';
    url.hash = '';
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return url;
  }

  get #facets() {
    const attribute = this.getAttribute('facets');
    if (attribute === null) return KNOWN_FACETS;
    const names = attribute.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
    for (const name of names) {
      if (!KNOWN_FACETS.includes(name)) console.warn(`<loupe-search>: unknown facet "${name}" ignored (known: ${KNOWN_FACETS.join(', ')})`);
    }
    return KNOWN_FACETS.filter((name) => names.includes(name)).sort((a, b) => names.indexOf(a) - names.indexOf(b));
  }

  get #size() {
    const size = Number.parseInt(this.getAttribute('size') ?? '', 10);
    return Number.isSafeInteger(size) ? Math.min(Math.max(size, 1), MAX_SIZE) : DEFAULT_SIZE;
  }

  // -------------------------------------------------------------------------------------------
  // Building the shadow tree

  #build() {
    const t = this.#texts;
    const id = (suffix) => `${this.#id}-${suffix}`;
    const previous = this.#ui;

    const input = node('input', { type: 'search', id: id('q'), part: 'input' });
    setAttributes(input, {
      name: 'q', role: 'combobox', autocomplete: 'off', spellcheck: 'false', enterkeyhint: 'search',
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': id('suggestions'),
      placeholder: t.placeholder,
    });
    input.value = previous?.input.value ?? this.#query;
    const list = node('ul', { id: id('suggestions'), className: 'suggestions', part: 'suggestions', hidden: true });
    setAttributes(list, { role: 'listbox', 'aria-label': t.suggestions });
    const label = node('label', { className: 'visually-hidden', htmlFor: input.id }, t.label);
    const combo = node('div', { className: 'combo' }, label, input, list);
    const submit = node('button', { type: 'submit', className: 'primary' }, t.submit);
    const form = node('form', { role: 'search', noValidate: true }, combo, submit);
    form.setAttribute('aria-label', t.label);

    const error = node('div', { className: 'error', part: 'error', hidden: true });
    error.setAttribute('role', 'alert');
    const status = node('p', { className: 'status', part: 'status' });
    status.setAttribute('aria-live', 'polite');
    const relaxed = node('p', { className: 'relaxed', hidden: true }, t.relaxed);
    const chips = node('ul', { className: 'chips', part: 'chips', hidden: true });
    chips.setAttribute('aria-label', t.activeFilters);
    const facets = node('div', { id: id('facets'), className: 'facets', part: 'facets' });
    facets.classList.toggle('is-open', this.#filtersOpen);
    const filtersToggle = node('button', { type: 'button', className: 'filters-toggle', part: 'filters-toggle', hidden: true });
    setAttributes(filtersToggle, { 'aria-controls': facets.id, 'aria-expanded': String(this.#filtersOpen) });
    const hits = node('ol', { className: 'hits', part: 'results' });
    const more = node('button', { type: 'button', className: 'more', part: 'more', hidden: true }, t.more);
    const results = node('div', { className: 'results' }, hits, more);
    const layout = node('div', { className: 'layout' }, node('div', {}, filtersToggle, facets), results);

    this.#ui = { form, input, list, error, status, relaxed, chips, facets, filtersToggle, hits, more, layout };
    this.#root.replaceChildren(form, error, status, relaxed, chips, layout);
    if (!styleSheet()) this.#root.prepend(node('style', {}, CSS)); // old browsers; blocked by a strict CSP

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#closeSuggestions();
      this.#searchNow();
    });
    input.addEventListener('input', () => this.#typed());
    input.addEventListener('keydown', (event) => this.#keyDown(event));
    combo.addEventListener('focusout', (event) => {
      if (!combo.contains(event.relatedTarget)) this.#closeSuggestions();
    });
    // mousedown would move the focus out of the box and close the list before the click lands.
    list.addEventListener('mousedown', (event) => event.preventDefault());
    list.addEventListener('click', (event) => {
      const option = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
      if (option) this.#choose(Number(option.dataset.index));
    });
    facets.addEventListener('change', (event) => this.#ticked(event));
    facets.addEventListener('click', (event) => this.#facetButton(event));
    chips.addEventListener('click', (event) => this.#facetButton(event));
    more.addEventListener('click', () => this.#runSearch(true));
    filtersToggle.addEventListener('click', () => {
      this.#filtersOpen = !this.#filtersOpen;
      facets.classList.toggle('is-open', this.#filtersOpen);
      filtersToggle.setAttribute('aria-expanded', String(this.#filtersOpen));
    });

    if (this.#lastBody) this.#render(this.#lastBody, false);
  }

  // -------------------------------------------------------------------------------------------
  // User actions

  /** User types: suggestions follow quickly, results once typing pauses. */
  #typed() {
    clearTimeout(this.#searchTimer);
    clearTimeout(this.#suggestTimer);
    this.#searchTimer = setTimeout(() => this.#searchNow(true), SEARCH_DEBOUNCE_MS);
    this.#suggestTimer = setTimeout(() => this.#loadSuggestions(), SUGGEST_DEBOUNCE_MS);
  }

  /**
   * Searches what the box holds. While typing (typing=true) the last word is matched as a prefix
   * and never corrected; Enter or a pause after a space searches the words as they are.
   */
  #searchNow(typing = false) {
    clearTimeout(this.#searchTimer);
    const query = this.#ui.input.value.trim();
    // The same text again is no new search, unless a search made while typing is now confirmed.
    if (query === this.#query && this.#lastBody && (typing || !this.#typing)) return;
    this.#query = query;
    this.#typing = typing && !/\s$/.test(this.#ui.input.value);
    this.#refresh();
  }

  /** Searches the query and the ticked values; with neither, back to the idle widget. */
  #refresh() {
    if (this.#query === '' && this.#tickedCount() === 0) {
      this.#reset();
      return;
    }
    this.#runSearch(false);
  }

  #tickedCount() {
    return this.#facets.reduce((sum, name) => sum + this.#selected.get(name).size, 0);
  }

  #keyDown(event) {
    const open = !this.#ui.list.hidden;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (this.#suggestions.length === 0) return;
        event.preventDefault();
        if (!open) {
          this.#showSuggestions(event.key === 'ArrowDown' ? 0 : this.#suggestions.length - 1);
        } else {
          const n = this.#suggestions.length;
          const step = event.key === 'ArrowDown' ? 1 : -1;
          // Past either end the highlight returns to the box itself (-1), as in most comboboxes.
          const next = this.#active === -1 ? (step === 1 ? 0 : n - 1) : this.#active + step;
          this.#highlight(next >= n || next < 0 ? -1 : next);
        }
        break;
      case 'Enter':
        if (open && this.#active >= 0) {
          event.preventDefault();
          this.#choose(this.#active);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault(); // keep the text; a second Escape clears the box as usual
          this.#closeSuggestions();
        }
        break;
      default:
    }
  }

  /**
   * User picks a suggestion. A name of a facet the widget offers ticks that value and leaves in the
   * box the words typed before it, so the count shown beside the suggestion is the count found; a
   * word (or a name of a facet not offered) becomes the query.
   */
  #choose(index) {
    const suggestion = this.#suggestions[index];
    if (!suggestion) return;
    clearTimeout(this.#suggestTimer);
    this.#suggest?.abort();
    const facet = typeof suggestion.facet === 'string' && this.#facets.includes(suggestion.facet) ? suggestion.facet : null;
    const before = typeof suggestion.query === 'string' ? suggestion.query.trim() : '';
    if (facet) {
      this.#selected.get(facet).add(suggestion.text);
      this.#ui.input.value = before;
    } else {
      this.#ui.input.value = typeof suggestion.facet === 'string'
        ? [before, suggestion.text].filter((part) => part !== '').join(' ') : suggestion.text;
    }
    this.#closeSuggestions();
    this.#suggestions = [];
    clearTimeout(this.#searchTimer);
    this.#query = this.#ui.input.value.trim();
    this.#typing = false;
    this.#refresh();
    this.#ui.input.focus();
  }

  /** User ticks or unticks a value; values of one facet are OR-ed, facets AND-ed by the server. */
  #ticked(event) {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox' || !this.#selected.has(box.name)) return;
    const values = this.#selected.get(box.name);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    this.#query = this.#ui.input.value.trim();
    this.#typing = false;
    this.#refresh();
  }

  #facetButton(event) {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    if (button.dataset.action === 'clear') {
      for (const values of this.#selected.values()) values.clear();
      this.#ui.input.focus();
      this.#query = this.#ui.input.value.trim();
      this.#refresh();
    } else if (button.dataset.action === 'remove') {
      // A chip: that one value is unticked.
      this.#selected.get(button.dataset.facet)?.delete(button.dataset.value);
      this.#ui.input.focus();
      this.#query = this.#ui.input.value.trim();
      this.#refresh();
    } else if (button.dataset.facet) {
      const name = button.dataset.facet;
      if (this.#expanded.has(name)) this.#expanded.delete(name);
      else this.#expanded.add(name);
      this.#renderFacets(this.#lastBody?.facets);
      this.#ui.facets.querySelector(`button[data-facet="${name}"]`)?.focus();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Talking to the API

  /** Fetches JSON from the API; a failed network, CORS refusal or timeout all read as unreachable. */
  async #fetchJson(path, params, controller) {
    const base = this.#base;
    if (base === null) throw new ApiError(this.#texts.unreachable);
    const url = new URL(path, base);
    url.search = params.toString();
    let response;
    try {
      response = await fetch(url, {
        signal: 'any' in AbortSignal
          ? AbortSignal.any([controller.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]) : controller.signal,
        headers: { Accept: 'application/json' },
        credentials: 'omit',
      });
    } catch (error) {
      if (controller.signal.aborted) throw error;
      this.#warnUnreachable(base);
      throw new ApiError(this.#texts.unreachable);
    }
    let body = null;
    try {
      body = await response.json();
    } catch (error) {
      if (controller.signal.aborted) throw error;
    }
    if (!response.ok) {
      const status = Number.isInteger(body?.error?.status) ? body.error.status : response.status;
      const message = typeof body?.error?.message === 'string' && body.error.message.trim() !== ''
        ? body.error.message : response.statusText || '?';
      throw new ApiError(this.#texts.error(status, message));
    }
    if (body === null || typeof body !== 'object') throw new ApiError(this.#texts.unreadable);
    return body;
  }

  #warnUnreachable(base) {
    if (this.#warned) return;
    this.#warned = true;
    console.warn(`<loupe-search>: cannot reach ${base.origin}. Is Loupe running there, and is this page's origin `
      + `(${location.origin}) in its CORS list (serve --cors-origin ${location.origin})?`);
  }

  async #checkHealth() {
    const controller = new AbortController();
    try {
      await this.#fetchJson('api/health', new URLSearchParams(), controller);
    } catch (error) {
      // A search that already answered (or failed) says more than this early check.
      if (error instanceof ApiError && !this.#lastBody && this.#search === null) this.#showError(error.message);
    }
  }

  /** Searches the current query and ticks; more=true appends the next page to the list. */
  async #runSearch(more) {
    this.#search?.abort();
    const controller = new AbortController();
    this.#search = controller;
    const from = more ? this.#hits.length : 0;
    const params = new URLSearchParams({ q: this.#query, from: String(from), size: String(this.#size) });
    this.#appendFilters(params);
    // While a word is being typed it matches as a prefix (« pou » finds Poutine), never corrected.
    if (this.#typing) params.set('prefix_last', 'true');
    this.setAttribute('aria-busy', 'true');
    if (!more && !this.#lastBody) this.#ui.status.textContent = this.#texts.searching;
    try {
      const body = await this.#fetchJson('api/search', params, controller);
      if (controller.signal.aborted) return;
      this.#clearError();
      this.#render(body, more);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#showError(error instanceof ApiError ? error.message : this.#texts.unreachable);
      if (!more) this.#clearResults();
    } finally {
      if (this.#search === controller) {
        this.#search = null;
        this.removeAttribute('aria-busy');
      }
    }
  }

  async #loadSuggestions() {
    const query = this.#ui.input.value.trim();
    this.#suggest?.abort();
    if (query === '') {
      this.#suggestions = [];
      this.#closeSuggestions();
      return;
    }
    const controller = new AbortController();
    this.#suggest = controller;
    try {
      // The ticked values go along, so each suggestion is counted as the search will show it.
      const params = new URLSearchParams({ q: query, size: String(SUGGESTIONS_SHOWN) });
      this.#appendFilters(params);
      const body = await this.#fetchJson('api/suggest', params, controller);
      // The box may have moved on, or lost the focus, while the answer travelled.
      if (controller.signal.aborted || this.#ui.input.value.trim() !== query) return;
      this.#suggestions = (Array.isArray(body.suggestions) ? body.suggestions : [])
        .filter((s) => s && typeof s.text === 'string' && s.text.trim() !== '')
        .filter((s) => s.text.trim().toLowerCase() !== query.toLowerCase())
        .slice(0, SUGGESTIONS_SHOWN);
      if (this.#suggestions.length > 0 && this.#root.activeElement === this.#ui.input) this.#showSuggestions(-1);
      else this.#closeSuggestions();
    } catch {
      // Suggestions are a nicety; the search request reports an unreachable server.
      if (!controller.signal.aborted) this.#closeSuggestions();
    } finally {
      if (this.#suggest === controller) this.#suggest = null;
    }
  }

  #appendFilters(params) {
    for (const name of this.#facets) {
      for (const value of this.#selected.get(name)) params.append(name, value);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  #render(body, more) {
    const t = this.#texts;
    const numbers = new Intl.NumberFormat(t.locale);
    const total = Number.isSafeInteger(body.total) && body.total >= 0 ? body.total : 0;
    const hits = (Array.isArray(body.hits) ? body.hits : []).filter((hit) => hit && typeof hit === 'object');
    this.#lastBody = body;
    this.#hits = more ? [...this.#hits, ...hits] : hits;

    this.#ui.status.textContent = t.results((n) => numbers.format(n), total);
    this.#ui.relaxed.hidden = body.relaxed !== true || total === 0;
    const items = hits.map((hit) => this.#renderHit(hit));
    if (more) this.#ui.hits.append(...items);
    else this.#ui.hits.replaceChildren(...items);
    this.#ui.more.hidden = hits.length === 0 || this.#hits.length >= total;
    this.#renderFacets(body.facets);
    this.#renderChips();
  }

  /** The ticked values above the results, each removable, and « Tout effacer » when there are two or more. */
  #renderChips() {
    const t = this.#texts;
    const items = [];
    for (const name of this.#facets) {
      for (const value of this.#selected.get(name)) {
        const chip = node('button', { type: 'button', className: 'chip' },
          node('span', { className: 'chip-label' }, t.chipLabel(t.facet[name])), value, node('span', {}, ' ×'));
        chip.dataset.action = 'remove';
        chip.dataset.facet = name;
        chip.dataset.value = value;
        chip.setAttribute('aria-label', t.removeFilter(t.facet[name], value));
        items.push(node('li', {}, chip));
      }
    }
    if (items.length > 1) {
      const clear = node('button', { type: 'button', className: 'link' }, t.clearAll);
      clear.dataset.action = 'clear';
      items.push(node('li', {}, clear));
    }
    this.#ui.chips.replaceChildren(...items);
    this.#ui.chips.hidden = items.length === 0;
  }

  #renderHit(hit) {
    const t = this.#texts;
    return renderHit(hit, { locale: t.locale, untitled: t.untitled, snippets: SNIPPETS_SHOWN, titleTag: 'p', part: 'hit' });
  }

  #renderFacets(facets) {
    const t = this.#texts;
    const numbers = new Intl.NumberFormat(t.locale);
    const container = this.#ui.facets;
    // Re-rendering replaces the checkboxes; keep the keyboard focus on the same value.
    const active = this.#root.activeElement;
    const focused = active instanceof HTMLInputElement && container.contains(active) ? [active.name, active.value] : null;

    const fieldsets = [];
    for (const name of this.#facets) {
      const selected = this.#selected.get(name);
      const values = (Array.isArray(facets?.[name]) ? facets[name] : [])
        .filter((v) => v && typeof v.value === 'string' && v.value !== '')
        .map((v) => ({ value: v.value, count: Number.isSafeInteger(v.count) && v.count >= 0 ? v.count : 0 }));
      // A ticked value stays listed, so it can be unticked, even when the server leaves it out.
      for (const value of selected) {
        if (!values.some((v) => v.value === value)) values.push({ value, count: 0 });
      }
      if (values.length === 0) continue;
      const kept = values.filter((v, i) => i < FACET_VALUES_SHOWN || selected.has(v.value));
      const expanded = this.#expanded.has(name);
      const shown = expanded ? values : kept;
      const list = node('ul', { className: 'facet-list' }, ...shown.map((v) => {
        const box = node('input', { type: 'checkbox', name, value: v.value, checked: selected.has(v.value) });
        const count = node('span', { className: 'facet-count' },
          node('span', { className: 'visually-hidden' }, ', '),
          numbers.format(v.count),
          node('span', { className: 'visually-hidden' }, ` ${t.articles(v.count)}`));
        return node('li', {}, node('label', { className: 'facet-option' }, box,
          node('span', { className: 'facet-value' }, v.value), count));
      }));
      const fieldset = node('fieldset', { className: 'facet' }, node('legend', {}, t.facets[name]), list);
      fieldset.dataset.facet = name;
      const hidden = values.length - kept.length;
      if (hidden > 0) {
        const toggle = node('button', { type: 'button', className: 'link' }, expanded ? t.showLess : t.showMore(hidden));
        toggle.dataset.facet = name;
        toggle.setAttribute('aria-expanded', String(expanded));
        fieldset.append(toggle);
      }
      fieldsets.push(fieldset);
    }
    const ticked = [...this.#selected.values()].reduce((sum, values) => sum + values.size, 0);
    this.#ui.filtersToggle.hidden = fieldsets.length === 0;
    this.#ui.filtersToggle.textContent = ticked > 0 ? `${t.filters} (${numbers.format(ticked)})` : t.filters;
    if (ticked > 0 && fieldsets.length > 0) {
      const clear = node('button', { type: 'button', className: 'link' }, t.clearFilters);
      clear.dataset.action = 'clear';
      fieldsets.push(clear);
    }
    container.replaceChildren(...fieldsets);
    this.#ui.layout.classList.toggle('has-facets', fieldsets.length > 0);

    if (focused) {
      for (const box of container.querySelectorAll('input[type="checkbox"]')) {
        if (box.name === focused[0] && box.value === focused[1]) box.focus();
      }
    }
  }

  #showSuggestions(active) {
    const t = this.#texts;
    const numbers = new Intl.NumberFormat(t.locale);
    const options = this.#suggestions.map((s, i) => {
      const type = typeof s.type === 'string' ? (t.types[s.type] ?? s.type) : '';
      const count = Number.isSafeInteger(s.count) && s.count > 0 ? numbers.format(s.count) : '';
      const detail = [type, count].filter((x) => x !== '').join(' · ');
      const option = node('li', { id: `${this.#id}-s${i}`, className: 'suggestion' },
        node('span', {}, s.text.trim()), node('span', { className: 'suggestion-type' }, detail));
      option.setAttribute('role', 'option');
      option.dataset.index = String(i);
      return option;
    });
    this.#ui.list.replaceChildren(...options);
    this.#ui.list.hidden = false;
    this.#ui.input.setAttribute('aria-expanded', 'true');
    this.#highlight(active);
  }

  #highlight(index) {
    this.#active = index;
    for (const option of this.#ui.list.children) {
      option.setAttribute('aria-selected', String(Number(option.dataset.index) === index));
    }
    if (index >= 0) this.#ui.input.setAttribute('aria-activedescendant', `${this.#id}-s${index}`);
    else this.#ui.input.removeAttribute('aria-activedescendant');
  }

  #closeSuggestions() {
    if (!this.#ui) return;
    this.#ui.list.hidden = true;
    this.#ui.list.replaceChildren();
    this.#ui.input.setAttribute('aria-expanded', 'false');
    this.#ui.input.removeAttribute('aria-activedescendant');
    this.#active = -1;
  }

  #showError(message) {
    const retry = node('button', { type: 'button' }, this.#texts.retry);
    retry.addEventListener('click', () => {
      this.#clearError();
      this.#warned = false;
      this.#query = this.#ui.input.value.trim();
      if (this.#query || this.#tickedCount() > 0) this.#runSearch(false);
      else this.#checkHealth();
    });
    this.#ui.error.replaceChildren(node('p', {}, message), retry);
    this.#ui.error.hidden = false;
  }

  #clearError() {
    this.#ui.error.hidden = true;
    this.#ui.error.replaceChildren();
  }

  #clearResults() {
    this.#lastBody = null;
    this.#hits = [];
    this.#ui.status.textContent = '';
    this.#ui.relaxed.hidden = true;
    this.#ui.hits.replaceChildren();
    this.#ui.more.hidden = true;
    this.#ui.facets.replaceChildren();
    this.#ui.chips.replaceChildren();
    this.#ui.chips.hidden = true;
    this.#ui.filtersToggle.hidden = true;
    this.#ui.layout.classList.remove('has-facets');
  }

  /** The box was emptied: back to the idle widget, with no filter left ticked out of sight. */
  #reset() {
    this.#search?.abort();
    this.#search = null;
    this.removeAttribute('aria-busy');
    for (const values of this.#selected.values()) values.clear();
    this.#clearResults();
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function setAttributes(element, attributes) {
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
}

if (!customElements.get('loupe-search')) customElements.define('loupe-search', LoupeSearch);
