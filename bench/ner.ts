// npm run bench:ner [-- --megabytes 5 --rounds 3 --model path]
// NER tagging speed on English report text: the sample corpus (samples/corpus, read through the ingest parsers)
// repeated to at least 5 MB and split into sentences, then tagged by findModelEntities. The baseline, in the same
// process over the same sentences, is the tokenizer pass alone (what any tagger must at least do). "Warm" is the
// steady state of one long-running tagger; "cold" gives each copy of the corpus a freshly loaded model, so every
// word is first met inside a document of ~40 KB, as it is when a haul's vocabulary is new.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences, type Span } from '../src/extract/index.js';
import { readModel } from '../src/extract/ner/model-file.js';
import { createNerModel } from '../src/extract/ner/model.js';
import { findModelEntities, loadNerModel, shippedModelPath, tokenizeSpan } from '../src/extract/ner/index.js';
import { parserForPath } from '../src/ingest/index.js';
import { packageRoot } from '../src/package-root.js';

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const megabytes = argument('--megabytes', 5);
const rounds = argument('--rounds', 3);
const modelPath = process.argv.includes('--model') ? process.argv[process.argv.indexOf('--model') + 1]! : shippedModelPath;

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

async function corpusTexts(): Promise<string[]> {
  const texts: string[] = [];
  for (const path of filesUnder(join(packageRoot, 'samples', 'corpus'))) {
    const parser = parserForPath(path);
    if (!parser) continue;
    const bytes = readFileSync(path);
    for await (const document of parser.parse(bytes, { path, mediaType: parser.mediaType, size: bytes.length })) texts.push(document.text);
  }
  return texts;
}

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

const texts = await corpusTexts();
const corpus = texts.join('\n\n');
const copies = Math.ceil((megabytes * 1e6) / utf8Bytes(corpus));
const copySentences = splitSentences(corpus);
const totalBytes = copies * utf8Bytes(corpus);
const tokensPerCopy = copySentences.reduce((n, s) => n + tokenizeSpan(corpus, s).length, 0);
const totalTokens = copies * tokensPerCopy;

/** Best of `rounds` timings of `pass` over every copy, in seconds. */
function best(pass: (copy: number) => number): { seconds: number; found: number } {
  let seconds = Infinity;
  let found = 0;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    found = 0;
    for (let copy = 0; copy < copies; copy++) found += pass(copy);
    seconds = Math.min(seconds, (performance.now() - started) / 1000);
  }
  return { seconds, found };
}

const tokenizeOnly = (sentences: readonly Span[]) => () => sentences.reduce((n, s) => n + tokenizeSpan(corpus, s).length, 0);
const modelLoadStarted = performance.now();
const shipped = loadNerModel(modelPath);
const loadMs = performance.now() - modelLoadStarted;
shipped.decode(['warm', 'up']);
const tagWith = (model = shipped) => copySentences.reduce((n, s) => n + findModelEntities(corpus, s, model).length, 0);

const splitting = best(() => splitSentences(corpus).length);
const baseline = best(tokenizeOnly(copySentences));
const warm = best(() => tagWith());
// A fresh model per copy of the corpus: loading is not timed, tagging with an empty word cache is.
const freshModels = Array.from({ length: Math.min(copies, 40) }, () => createNerModel(readModel(modelPath)));
const cold = best((copy) => (copy < freshModels.length ? tagWith(freshModels[copy]) : 0));
const coldBytes = Math.min(copies, freshModels.length) * utf8Bytes(corpus);

const rows = [
  ['sentence split (not in the ratio)', splitting.seconds, totalBytes, totalTokens],
  ['tokenizer only (baseline)', baseline.seconds, totalBytes, totalTokens],
  ['findModelEntities, warm', warm.seconds, totalBytes, totalTokens],
  ['findModelEntities, cold', cold.seconds, coldBytes, (coldBytes / totalBytes) * totalTokens],
] as const;
console.log(`NER tagging benchmark (node ${process.version}, one thread; best of ${rounds})`);
console.log(`text: samples/corpus (${texts.length} documents, ${(utf8Bytes(corpus) / 1e3).toFixed(0)} KB) × ${copies} = ${(totalBytes / 1e6).toFixed(1)} MB, ${totalTokens.toLocaleString('en')} tokens, ${(copies * copySentences.length).toLocaleString('en')} sentences`);
console.log(`model: ${shipped.featureCount.toLocaleString('en')} features, loaded in ${loadMs.toFixed(0)} ms; ${warm.found / copies} mentions per copy`);
console.log('');
console.log(`${'pass'.padEnd(36)}  ${'MB/s'.padStart(7)}  ${'tokens/s'.padStart(11)}  ${'time vs baseline'.padStart(16)}`);
for (const [name, seconds, bytes, tokens] of rows) {
  const perByte = seconds / bytes / (baseline.seconds / totalBytes);
  console.log(`${name.padEnd(36)}  ${(bytes / seconds / 1e6).toFixed(2).padStart(7)}  ${Math.round(tokens / seconds).toLocaleString('en').padStart(11)}  ${('×' + perByte.toFixed(1)).padStart(16)}`);
}
