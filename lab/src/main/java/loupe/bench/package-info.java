/**
 * Benchmarks that measure Loupe against plain Lucene run in the same process on the same input, so
 * a noisy machine still yields stable ratios: indexing, querying over HTTP, a synthetic million
 * articles, and the smallest heap that works.
 *
 * <p>Reads from: the article and query files under {@code ../shared/data} and the facade
 * {@code loupe.Loupe} with its server. Feeds: the {@code bench} command and docs/performance.md.
 */
package loupe.bench;
