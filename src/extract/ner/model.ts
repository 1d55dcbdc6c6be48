// A trained tagger: feature extraction, scoring, Viterbi decoding and per-token confidence over fixed weights.
import { sentenceFeatures } from './features.js';
import { emissionScores, featureRows, marginals, tagCount, viterbi, type PerceptronWeights } from './perceptron.js';
import { nerTags, type NerTag } from './tags.js';

export interface TaggedToken {
  tag: NerTag;
  /** Marginal probability of this tag at this token (forward–backward over the model's scores). */
  confidence: number;
}

export interface NerModel {
  /** Features that carry weight. */
  readonly featureCount: number;
  tag(tokens: readonly string[]): TaggedToken[];
  /** Tags only, without the forward–backward pass: what training and evaluation need. */
  decode(tokens: readonly string[]): NerTag[];
}

export function createNerModel(weights: PerceptronWeights): NerModel {
  const scoresOf = (tokens: readonly string[]) => emissionScores(weights.emissions, featureRows(weights, sentenceFeatures(tokens)));
  return {
    featureCount: weights.features.size,
    decode(tokens) {
      return Array.from(viterbi(scoresOf(tokens), weights.transitions), (t) => nerTags[t]!);
    },
    tag(tokens) {
      const scores = scoresOf(tokens);
      const path = viterbi(scores, weights.transitions);
      const probabilities = marginals(scores, weights.transitions, weights.temperature);
      return Array.from(path, (t, i) => ({ tag: nerTags[t]!, confidence: probabilities[i * tagCount + t]! }));
    },
  };
}
