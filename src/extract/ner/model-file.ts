// The shipped weights file: gzip of
//   "VGNER001" | u32 header length | header JSON | u32 names length | feature names, one a line |
//   per feature: a byte whose bit t says tag t has a weight, then that many int8 weights (× header.scale).
// Weights that round to zero are pruned, and features left with none are dropped; names are sorted so gzip
// finds their shared prefixes.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tagCount, type PerceptronWeights } from './perceptron.js';
import { nerTags } from './tags.js';

const magic = 'VGNER001';

interface ModelHeader {
  tags: string[];
  scale: number;
  temperature: number;
  transitions: number[];
  featureCount: number;
  /** Free-form provenance: data, epochs, seed. */
  trainedOn: Record<string, unknown>;
}

export function encodeModel(weights: PerceptronWeights, trainedOn: Record<string, unknown> = {}): Buffer {
  let maxAbs = 0;
  for (const v of weights.emissions) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = maxAbs === 0 ? 1 : maxAbs / 127;
  const kept: { name: string; values: number[] }[] = [];
  for (const [name, row] of weights.features) {
    if (name.includes('\n')) throw new Error(`feature ${JSON.stringify(name)} holds a line break`);
    const values: number[] = [];
    for (let t = 0; t < tagCount; t++) values.push(Math.round(weights.emissions[row * tagCount + t]! / scale));
    if (values.some((v) => v !== 0)) kept.push({ name, values });
  }
  kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const header: ModelHeader = {
    tags: [...nerTags],
    scale,
    temperature: weights.temperature,
    transitions: Array.from(weights.transitions, (v) => Math.round(v * 1e4) / 1e4),
    featureCount: kept.length,
    trainedOn,
  };
  const body: number[] = [];
  for (const { values } of kept) {
    let mask = 0;
    values.forEach((v, t) => (mask |= v !== 0 ? 1 << t : 0));
    body.push(mask);
    for (const v of values) if (v !== 0) body.push(v & 0xff);
  }
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const names = Buffer.from(kept.map((k) => k.name).join('\n'), 'utf8');
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    return b;
  };
  return gzipSync(Buffer.concat([Buffer.from(magic), u32(headerBytes.length), headerBytes, u32(names.length), names, Buffer.from(body)]), { level: 9 });
}

export function decodeModel(file: Buffer, source = 'model'): PerceptronWeights & { trainedOn: Record<string, unknown> } {
  const bytes = gunzipSync(file);
  if (bytes.subarray(0, magic.length).toString('latin1') !== magic) throw new Error(`${source}: not a Vigil NER model (no ${magic} header)`);
  let at = magic.length;
  const headerLength = bytes.readUInt32LE(at);
  const header = JSON.parse(bytes.subarray(at + 4, (at += 4 + headerLength)).toString('utf8')) as ModelHeader;
  if (header.tags.join(',') !== nerTags.join(',')) throw new Error(`${source}: tags ${header.tags.join(',')} are not ${nerTags.join(',')}`);
  const namesLength = bytes.readUInt32LE(at);
  const names = bytes.subarray(at + 4, (at += 4 + namesLength)).toString('utf8').split('\n');
  if (names.length !== header.featureCount) throw new Error(`${source}: ${names.length} feature names, header says ${header.featureCount}`);
  const features = new Map<string, number>();
  const emissions = new Float32Array(names.length * tagCount);
  names.forEach((name, row) => {
    features.set(name, row);
    const mask = bytes[at++]!;
    for (let t = 0; t < tagCount; t++) {
      if (mask & (1 << t)) emissions[row * tagCount + t] = ((bytes[at++]! << 24) >> 24) * header.scale;
    }
  });
  if (at !== bytes.length) throw new Error(`${source}: ${bytes.length - at} bytes left after the weights`);
  return { features, emissions, transitions: Float64Array.from(header.transitions), temperature: header.temperature, trainedOn: header.trainedOn };
}

export function saveModel(path: string, weights: PerceptronWeights, trainedOn: Record<string, unknown> = {}): number {
  const bytes = encodeModel(weights, trainedOn);
  writeFileSync(path, bytes);
  return bytes.length;
}

export function readModel(path: string): PerceptronWeights & { trainedOn: Record<string, unknown> } {
  return decodeModel(readFileSync(path), path);
}
