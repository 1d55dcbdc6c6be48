// Named-entity quality of the shipped perceptron on WikiANN English and WNUT-17 (test splits by default) and on
// our own in-domain sentences (data/ner/in-domain-test.conll, never trained on): conlleval-style exact-span
// precision, recall and F1 per type and overall, side by side with a capitalisation + gazetteer baseline run in
// the same process.
// Usage: npm run eval:ner [-- --split dev] (WikiANN and WNUT-17 come from ../shared/data/ner and are skipped with
// one line when it is absent; the in-domain test is in the repository and always runs).
import { join } from 'node:path';
import { normaliseText } from '../src/names/index.js';
import { packageRoot, sharedData } from '../src/package-root.js';
import { f1, readConll, scoreTagger, type SpanScores } from '../src/extract/ner/conll.js';
import { loadNerModel } from '../src/extract/ner/index.js';
import { givenNames, notNames } from '../src/extract/gazetteer/names.js';
import { placeNames } from '../src/extract/gazetteer/places.js';

const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : 'test';
if (split !== 'test' && split !== 'dev') throw new Error(`--split must be "test" or "dev", got "${split}"`);

const places = new Set(placeNames.map((p) => normaliseText(p)));

/**
 * Maximal runs of capitalised tokens (leading sentence words such as "The" or "According" dropped), typed
 * LOCATION when the run is a gazetteer place, PERSON when it starts with a known given name, else ORG.
 */
function baselineTags(tokens: readonly string[]): string[] {
  const tags = tokens.map(() => 'O');
  let i = 0;
  while (i < tokens.length) {
    if (!/^\p{Lu}/u.test(tokens[i]!) || notNames.has(tokens[i]!.toLowerCase())) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && /^\p{Lu}/u.test(tokens[j]!)) j++;
    const run = tokens.slice(i, j);
    const type = places.has(normaliseText(run.join(' '))) ? 'LOC' : givenNames.has(normaliseText(run[0]!)) ? 'PER' : 'ORG';
    for (let k = i; k < j; k++) tags[k] = `${k === i ? 'B' : 'I'}-${type}`;
    i = j;
  }
  return tags;
}

const shared = [
  { name: 'WikiANN en', path: sharedData('ner', 'wikiann-en', `${split}.conll`) },
  { name: 'WNUT-17', path: sharedData('ner', 'wnut17', `${split}.conll`) },
];
const datasets: { name: string; path: string }[] = [];
if (shared.some((d) => d.path === null)) console.log('eval:ner: WikiANN and WNUT-17 skipped: ../shared/data/ner is not on this machine.');
else datasets.push(...shared.map((d) => ({ name: d.name, path: d.path! })));
datasets.push({ name: 'in-domain', path: join(packageRoot, 'data', 'ner', 'in-domain-test.conll') });

const loadStarted = Date.now();
const model = loadNerModel();
console.log(`model: ${model.featureCount} features, loaded in ${Date.now() - loadStarted} ms; ${split} splits (in-domain: its test file)`);
const cell = (x: number) => (100 * x).toFixed(1).padStart(5);
for (const { name, path } of datasets) {
  const sentences = readConll(path);
  const started = Date.now();
  const modelScores = scoreTagger(sentences, (t) => model.decode(t));
  const seconds = (Date.now() - started) / 1000;
  const baseline = scoreTagger(sentences, baselineTags);
  const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
  console.log(`\n${name} ${name === 'in-domain' ? 'test' : split}: ${sentences.length} sentences, ${tokens} tokens (model tags ${Math.round(tokens / seconds)} tokens/s)`);
  console.log('type   gold |  model P     R    F1 | baseline P     R    F1 | F1 ratio');
  for (const type of ['PER', 'ORG', 'LOC', 'ALL'] as const) row(type, modelScores, baseline);
}

function row(type: keyof SpanScores, m: SpanScores, b: SpanScores): void {
  const mf = f1(m[type]);
  const bf = f1(b[type]);
  const ratio = bf.f1 === 0 ? '   -' : (mf.f1 / bf.f1).toFixed(2);
  console.log(
    `${type.padEnd(4)} ${String(m[type].gold).padStart(6)} |  ${cell(mf.precision)} ${cell(mf.recall)} ${cell(mf.f1)} |    ${cell(bf.precision)} ${cell(bf.recall)} ${cell(bf.f1)} |  ${ratio.padStart(6)}`,
  );
}
