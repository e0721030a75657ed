/**
 * Groups similar questions, deterministically: the same questions always give the same groups in
 * the same order, whatever order they come in.
 *
 * Method (leader clustering on term sets):
 * 1. Each question becomes a set of terms (normalised, stemmed content words, via the
 *    {@link QuestionTermExtractor} port); questions with the same set are one *variant*.
 * 2. Variants are taken most frequent first (ties by their key). Each joins the existing group
 *    whose *leader* variant is most similar to it — Jaccard similarity of the term sets at least
 *    the threshold — or else leads a new group.
 * Comparing with the leader only (not with every member) avoids the chaining of single-link
 * clustering, where "A ~ B ~ C" would merge A and C that have nothing in common.
 */

/** Port: the content terms of a question (e.g. stems without stop words), implemented in src/nlp. */
export interface QuestionTermExtractor {
  /** Distinct terms of the text; empty when it has no content word. Never throws. */
  terms(text: string): readonly string[];
}

/** What clustering needs of a question. */
export interface ClusterableQuestion {
  readonly id: string;
  readonly text: string;
  /** ISO timestamp. */
  readonly askedAt: string;
}

/** One group of similar questions. */
export interface QuestionCluster<Q extends ClusterableQuestion> {
  /** Key of the leader variant: its sorted terms joined by spaces (stable while the leader stays). */
  readonly key: string;
  /** Keys of all variants in the group, the leader first. */
  readonly variantKeys: readonly string[];
  /** The leader variant's terms. */
  readonly terms: readonly string[];
  /** The question that stands for the group (see {@link clusterQuestions}). */
  readonly representative: Q;
  /** All questions of the group, newest first (ties by id). */
  readonly members: readonly Q[];
}

export interface ClusterOptions {
  /** Minimum Jaccard similarity (0-1] to the leader for a variant to join a group; default 0.5. */
  readonly threshold?: number;
}

export const DEFAULT_SIMILARITY_THRESHOLD = 0.5;

interface Variant<Q> {
  readonly key: string;
  readonly terms: ReadonlySet<string>;
  readonly questions: Q[];
}

interface Group<Q> {
  readonly leader: Variant<Q>;
  readonly variants: Variant<Q>[];
}

/** Jaccard similarity |A ∩ B| / |A ∪ B|; 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let common = 0;
  for (const term of a) if (b.has(term)) common += 1;
  return common / (a.size + b.size - common);
}

/** Text compared case- and space-insensitively (for counting identical phrasings). */
export function phrasingKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first, ties by id: a total order independent of the input order. */
function newestFirst(a: ClusterableQuestion, b: ClusterableQuestion): number {
  return compareStrings(b.askedAt, a.askedAt) || compareStrings(a.id, b.id);
}

function toVariants<Q extends ClusterableQuestion>(questions: readonly Q[], extractor: QuestionTermExtractor): Variant<Q>[] {
  const byKey = new Map<string, Variant<Q>>();
  for (const question of questions) {
    const terms = [...new Set(extractor.terms(question.text))].sort(compareStrings);
    // Without content words only the identical phrasing is the same question.
    const key = terms.length > 0 ? terms.join(' ') : `#${phrasingKey(question.text)}`;
    let variant = byKey.get(key);
    if (!variant) {
      variant = { key, terms: new Set(terms), questions: [] };
      byKey.set(key, variant);
    }
    variant.questions.push(question);
  }
  return [...byKey.values()].sort((a, b) => b.questions.length - a.questions.length || compareStrings(a.key, b.key));
}

function bestGroup<Q>(variant: Variant<Q>, groups: readonly Group<Q>[], byTerm: Map<string, number[]>, threshold: number): Group<Q> | undefined {
  const seen = new Set<number>();
  let best: { index: number; similarity: number } | undefined;
  for (const term of variant.terms) {
    for (const index of byTerm.get(term) ?? []) {
      if (seen.has(index)) continue;
      seen.add(index);
      const similarity = jaccard(variant.terms, groups[index]!.leader.terms);
      const better = !best || similarity > best.similarity || (similarity === best.similarity && index < best.index);
      if (similarity >= threshold && better) best = { index, similarity };
    }
  }
  return best ? groups[best.index] : undefined;
}

/**
 * The representative: the most frequent phrasing of the leader variant (case and spaces aside);
 * ties go to the phrasing asked first, then to the smaller id.
 */
function representativeOf<Q extends ClusterableQuestion>(leader: Variant<Q>): Q {
  const phrasings = new Map<string, { count: number; first: Q }>();
  for (const question of leader.questions) {
    const key = phrasingKey(question.text);
    const entry = phrasings.get(key);
    if (!entry) phrasings.set(key, { count: 1, first: question });
    else {
      entry.count += 1;
      const earlier = compareStrings(question.askedAt, entry.first.askedAt) || compareStrings(question.id, entry.first.id);
      if (earlier < 0) entry.first = question;
    }
  }
  const ranked = [...phrasings.values()].sort(
    (a, b) => b.count - a.count || compareStrings(a.first.askedAt, b.first.askedAt) || compareStrings(a.first.id, b.first.id),
  );
  return ranked[0]!.first;
}

/**
 * Groups the questions (see the module comment). Groups come largest first, then by newest
 * question, then by key.
 */
export function clusterQuestions<Q extends ClusterableQuestion>(
  questions: readonly Q[],
  extractor: QuestionTermExtractor,
  options: ClusterOptions = {},
): QuestionCluster<Q>[] {
  const threshold = options.threshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  const groups: Group<Q>[] = [];
  const byTerm = new Map<string, number[]>();
  for (const variant of toVariants(questions, extractor)) {
    const group = variant.terms.size > 0 ? bestGroup(variant, groups, byTerm, threshold) : undefined;
    if (group) {
      group.variants.push(variant);
      continue;
    }
    const index = groups.push({ leader: variant, variants: [variant] }) - 1;
    for (const term of variant.terms) {
      const list = byTerm.get(term);
      if (list) list.push(index);
      else byTerm.set(term, [index]);
    }
  }
  const clusters = groups.map((group): QuestionCluster<Q> => ({
    key: group.leader.key,
    variantKeys: group.variants.map((variant) => variant.key),
    terms: [...group.leader.terms],
    representative: representativeOf(group.leader),
    members: group.variants.flatMap((variant) => variant.questions).sort(newestFirst),
  }));
  return clusters.sort(
    (a, b) => b.members.length - a.members.length || compareStrings(b.members[0]!.askedAt, a.members[0]!.askedAt) || compareStrings(a.key, b.key),
  );
}
