// The shipped weights file: gzip of
//   "VGNER003" | u32 header length | header JSON | u32 names length | known names (see KnownEntities.encode) |
//   u32 clusters length | word classes (see WordClusters.encode; empty for a model without them) |
//   feature keys, ascending as unsigned 32-bit numbers, each as the LEB128 varint of its gap from the previous |
//   per feature: a byte whose bit t says tag t has a weight, then that many int8 weights (× header.scale).
// Weights that round to zero are pruned, and features left with none are dropped. The header names the
// feature version: a file written for other features is refused rather than read as nonsense.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FeatureTable } from './feature-hash.js';
import { featureVersion } from './features.js';
import { KnownEntities } from './known-entities.js';
import type { NerWeights } from './model.js';
import { tagCount } from './perceptron.js';
import { nerTags } from './tags.js';
import { WordClusters } from './word-clusters.js';

const magic = 'VGNER003';

interface ModelHeader {
  tags: string[];
  featureVersion: number;
  scale: number;
  temperature: number;
  transitions: number[];
  featureCount: number;
  /** Free-form provenance: data, epochs, seed. */
  trainedOn: Record<string, unknown>;
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

export function encodeModel(weights: NerWeights, trainedOn: Record<string, unknown> = {}): Buffer {
  let maxAbs = 0;
  for (const v of weights.emissions) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs === 0 ? 1 : maxAbs / 127;
  const keysByRow = weights.table.keysByRow();
  const kept: { key: number; values: number[] }[] = [];
  for (let row = 0; row < keysByRow.length; row++) {
    const values: number[] = [];
    for (let t = 0; t < tagCount; t++) values.push(Math.round(weights.emissions[row * tagCount + t]! / scale));
    if (values.some((v) => v !== 0)) kept.push({ key: keysByRow[row]! >>> 0, values });
  }
  kept.sort((a, b) => a.key - b.key);
  const header: ModelHeader = {
    tags: [...nerTags],
    featureVersion,
    scale,
    temperature: weights.temperature,
    transitions: Array.from(weights.transitions, (v) => Math.round(v * 1e4) / 1e4),
    featureCount: kept.length,
    trainedOn,
  };
  const keys: number[] = [];
  let previous = 0;
  for (const { key } of kept) {
    for (let gap = key - previous; ; gap = Math.floor(gap / 128)) {
      if (gap < 128) {
        keys.push(gap);
        break;
      }
      keys.push((gap % 128) | 128);
    }
    previous = key;
  }
  const body: number[] = [];
  for (const { values } of kept) {
    let mask = 0;
    values.forEach((v, t) => (mask |= v !== 0 ? 1 << t : 0));
    body.push(mask);
    for (const v of values) if (v !== 0) body.push(v & 0xff);
  }
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const names = Buffer.from(weights.known?.encode() ?? '', 'utf8');
  const clusters = Buffer.from(weights.clusters?.encode() ?? '', 'utf8');
  const parts = [Buffer.from(magic), u32(headerBytes.length), headerBytes, u32(names.length), names, u32(clusters.length), clusters, Buffer.from(keys), Buffer.from(body)];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function decodeModel(file: Buffer, source = 'model'): NerWeights & { trainedOn: Record<string, unknown> } {
  const bytes = gunzipSync(file);
  const found = bytes.subarray(0, magic.length).toString('latin1');
  if (found !== magic) throw new Error(`${source}: not a Vigil NER model of this version (starts "${found}", expected ${magic}); run npm run train:ner`);
  let at = magic.length;
  const headerLength = bytes.readUInt32LE(at);
  const header = JSON.parse(bytes.subarray(at + 4, (at += 4 + headerLength)).toString('utf8')) as ModelHeader;
  if (header.tags.join(',') !== nerTags.join(',')) throw new Error(`${source}: tags ${header.tags.join(',')} are not ${nerTags.join(',')}`);
  if (header.featureVersion !== featureVersion) {
    throw new Error(`${source}: written for feature version ${header.featureVersion}, this code computes version ${featureVersion}; run npm run train:ner`);
  }
  const namesLength = bytes.readUInt32LE(at);
  const names = bytes.subarray(at + 4, (at += 4 + namesLength)).toString('utf8');
  const clustersLength = bytes.readUInt32LE(at);
  const clusters = bytes.subarray(at + 4, (at += 4 + clustersLength)).toString('utf8');
  const table = new FeatureTable(header.featureCount);
  let key = 0;
  for (let row = 0; row < header.featureCount; row++) {
    let gap = 0;
    for (let factor = 1; ; factor *= 128) {
      if (at >= bytes.length) throw new Error(`${source}: ends inside the feature keys`);
      const byte = bytes[at++]!;
      gap += (byte & 127) * factor;
      if (byte < 128) break;
    }
    key += gap;
    if (table.intern(key | 0) !== row) throw new Error(`${source}: feature key ${key} appears twice`);
  }
  const emissions = new Float32Array(header.featureCount * tagCount);
  for (let row = 0; row < header.featureCount; row++) {
    const mask = bytes[at++]!;
    for (let t = 0; t < tagCount; t++) {
      if (mask & (1 << t)) emissions[row * tagCount + t] = ((bytes[at++]! << 24) >> 24) * header.scale;
    }
  }
  if (at !== bytes.length) throw new Error(`${source}: ${bytes.length - at} bytes left after the weights`);
  return {
    table,
    emissions,
    transitions: Float64Array.from(header.transitions),
    temperature: header.temperature,
    known: namesLength > 0 ? KnownEntities.decode(names) : null,
    clusters: clustersLength > 0 ? WordClusters.decode(clusters) : null,
    trainedOn: header.trainedOn,
  };
}

export function saveModel(path: string, weights: NerWeights, trainedOn: Record<string, unknown> = {}): number {
  const bytes = encodeModel(weights, trainedOn);
  writeFileSync(path, bytes);
  return bytes.length;
}

export function readModel(path: string): NerWeights & { trainedOn: Record<string, unknown> } {
  return decodeModel(readFileSync(path), path);
}
