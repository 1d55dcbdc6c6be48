// `npm run train:ner`: trains the shipped NER weights from WikiANN English and WNUT-17 (train splits),
// keeps the epoch with the best dev F1, calibrates the confidence temperature on dev, and writes
// models/ner-perceptron.bin.gz. Deterministic for a given seed; no network. Test splits are never read.
// Usage: node dist/src/extract/ner/train-cli.js [--epochs 15] [--seed 17] [--out path]
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { sharedData } from '../../package-root.js';
import { f1, readConll, scoreTagger, type TaggedSentence } from './conll.js';
import { sentenceFeatures } from './features.js';
import { readModel, saveModel } from './model-file.js';
import { createNerModel } from './model.js';
import { emissionScores, featureRows, marginals, tagCount, trainPerceptron, type PerceptronWeights } from './perceptron.js';
import { tagId } from './tags.js';
import { shippedModelPath } from './index.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

/** Mean negative log-likelihood of the gold tags under the token marginals at `temperature`. */
function tokenLogLoss(weights: PerceptronWeights, sentences: readonly TaggedSentence[], temperature: number): number {
  let loss = 0;
  let count = 0;
  for (const s of sentences) {
    const scores = emissionScores(weights.emissions, featureRows(weights, sentenceFeatures(s.tokens)));
    const p = marginals(scores, weights.transitions, temperature);
    s.tags.forEach((tag, i) => {
      loss -= Math.log(Math.max(1e-12, p[i * tagCount + tagId(tag)]!));
      count++;
    });
  }
  return loss / count;
}

function main(): number {
  const files = {
    wikiannTrain: sharedData('ner', 'wikiann-en', 'train.conll'),
    wikiannDev: sharedData('ner', 'wikiann-en', 'dev.conll'),
    wnutTrain: sharedData('ner', 'wnut17', 'train.conll'),
    wnutDev: sharedData('ner', 'wnut17', 'dev.conll'),
  };
  const missing = Object.entries(files).filter(([, path]) => path === null).map(([name]) => name);
  if (missing.length > 0) {
    console.error(`train:ner needs ../shared/data/ner (WikiANN English and WNUT-17); missing: ${missing.join(', ')}`);
    return 1;
  }
  const epochs = Number(option('epochs', '15'));
  const seed = Number(option('seed', '17'));
  const out = option('out', shippedModelPath);
  if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`--epochs must be a positive whole number, got "${option('epochs', '')}"`);

  const started = Date.now();
  const train = [...readConll(files.wikiannTrain!), ...readConll(files.wnutTrain!)];
  const dev = { wikiann: readConll(files.wikiannDev!), wnut: readConll(files.wnutDev!) };
  const sentences = train.map((s) => ({ features: sentenceFeatures(s.tokens), tags: Uint8Array.from(s.tags, tagId) }));
  const tokenCount = train.reduce((n, s) => n + s.tokens.length, 0);
  console.log(`${train.length} training sentences, ${tokenCount} tokens; features extracted in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log('epoch  seconds  dev F1: WikiANN  WNUT-17  both');

  let epochStarted = Date.now();
  const best = trainPerceptron(sentences, {
    epochs,
    seed,
    afterEpoch(epoch, averaged) {
      const model = createNerModel(averaged);
      const wikiann = scoreTagger(dev.wikiann, (t) => model.decode(t)).ALL;
      const wnut = scoreTagger(dev.wnut, (t) => model.decode(t)).ALL;
      const both = { gold: wikiann.gold + wnut.gold, predicted: wikiann.predicted + wnut.predicted, correct: wikiann.correct + wnut.correct };
      const seconds = ((Date.now() - epochStarted) / 1000).toFixed(1);
      console.log(`${String(epoch).padStart(5)}  ${seconds.padStart(7)}  ${pct(f1(wikiann).f1).padStart(14)}  ${pct(f1(wnut).f1).padStart(7)}  ${pct(f1(both).f1)}`);
      epochStarted = Date.now();
      return f1(both).f1;
    },
  });

  const devAll = [...dev.wikiann, ...dev.wnut];
  const temperatures = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32];
  const losses = temperatures.map((t) => tokenLogLoss(best, devAll, t));
  best.temperature = temperatures[losses.indexOf(Math.min(...losses))]!;
  console.log(`kept epoch ${best.epoch}; confidence temperature ${best.temperature} (dev token log-loss ${Math.min(...losses).toFixed(4)})`);

  mkdirSync(dirname(out), { recursive: true });
  const bytes = saveModel(out, best, { data: ['wikiann-en/train', 'wnut17/train'], epoch: best.epoch, epochs, seed });
  const shipped = createNerModel(readModel(out));
  const check = f1(scoreTagger(dev.wikiann, (t) => shipped.decode(t)).ALL).f1;
  console.log(`wrote ${out}: ${(bytes / 1e6).toFixed(2)} MB, ${shipped.featureCount} of ${best.features.size} features kept; WikiANN dev F1 after pruning ${pct(check)}`);
  console.log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return 0;
}

process.exitCode = main();
