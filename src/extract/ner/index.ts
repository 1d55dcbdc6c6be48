// extract/ner: the statistical PERSON / ORG / LOCATION tagger Vigil trains itself (averaged perceptron, BIO,
// Viterbi) and ships in models/. Pure apart from reading the weights file once, on first use.
// Must not depend on ../shared data at run time: that is for training (`npm run train:ner`) and evaluation only.
import { join } from 'node:path';
import { VigilError } from '../../errors.js';
import { packageRoot } from '../../package-root.js';
import type { ExtractedMention } from '../mention.js';
import type { Span } from '../sentences.js';
import { readModel } from './model-file.js';
import { createNerModel, type NerModel } from './model.js';
import { entityTypeOf } from './tags.js';
import { tokenizeSpan } from './tokenize.js';

export type { NerModel, ScoredSpan, TaggedToken } from './model.js';
export { nerTags, spansFromTags, type NerTag, type TagSpan } from './tags.js';
export { tokenizeSpan, type TextToken } from './tokenize.js';

export const shippedModelPath = join(packageRoot, 'models', 'ner-perceptron.bin.gz');

// The weights are read-only data, so one cached copy per file is shared rather than passed around.
const loaded = new Map<string, NerModel>();

/** The model in `path` (the shipped one by default), read on first call and cached. */
export function loadNerModel(path: string = shippedModelPath): NerModel {
  let model = loaded.get(path);
  if (!model) {
    try {
      model = createNerModel(readModel(path));
    } catch (error) {
      throw new VigilError('internal', 'extract.ner-model', `cannot load the NER model ${path}: ${(error as Error).message}`, { cause: error });
    }
    loaded.set(path, model);
  }
  return model;
}

/**
 * PERSON / ORG / LOCATION mentions the model finds in one sentence of `text`; a mention's confidence is
 * the lowest per-token marginal inside it.
 */
export function findModelEntities(text: string, sentence: Span, model: NerModel = loadNerModel()): ExtractedMention[] {
  const tokens = tokenizeSpan(text, sentence);
  if (tokens.length === 0) return [];
  return model.spans(tokens.map((t) => t.text)).map((span) => {
    const start = tokens[span.start]!.start;
    const end = tokens[span.end - 1]!.end;
    const confidence = Math.round(span.confidence * 1000) / 1000;
    return { type: entityTypeOf[span.type], text: text.slice(start, end), start, end, confidence, method: 'model:perceptron' };
  });
}
