/**
 * Second-stage ranking (issue 20): features only Loupe has (query entities resolved with the
 * extraction lexicons, title and lead matches) combined by learned weights, applied to the best
 * articles of the first stage so totals and facet counts keep their meaning.
 */
package loupe.rank;
