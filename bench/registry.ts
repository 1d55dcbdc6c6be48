// npm run bench:registry [-- --rows 1000000 --lookups 200000]
// Document registry lookups against a scan of every row: see registry-bench.ts.
import { benchRegistry } from './registry-bench.js';

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
benchRegistry(argument('--rows', 1_000_000), argument('--lookups', 200_000));
