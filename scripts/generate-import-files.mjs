// Writes large, valid import files for measuring imports against a bare psql \copy of the same file.
//   node scripts/generate-import-files.mjs <dir> [--customers N] [--events N] [--seed S]
// Customer ids are 1..N, so on a fresh database (identity starting at 1) customers.id equals the external id and the
// events file loads unchanged with `\copy events(customer_id, type, occurred_at, value, name) from ... csv header`.
// Plain ESM, no dependencies: streams rows to disk with backpressure, so memory stays flat at any size.
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';

const argv = process.argv.slice(2);
const dir = argv[0];
const flag = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
if (!dir) {
  console.error('usage: node scripts/generate-import-files.mjs <dir> [--customers N] [--events N] [--seed S]');
  process.exit(2);
}
const customers = flag('customers', 100_000);
const eventCount = flag('events', 1_000_000);

// mulberry32: deterministic for a given --seed, so that two runs measure the same file.
let state = flag('seed', 1) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const SEGMENTS = ['b2b_enterprise', 'b2b_smb', 'b2c'];
const PLANS = ['starter', 'growth', 'scale', 'enterprise'];
const COUNTRIES = ['BR', 'US', 'DE', 'PT', 'MX', 'GB', 'IN'];
const INDUSTRIES = ['retail', 'banking', 'telecom', 'it', 'insurance', 'media'];
const EVENT_TYPES = ['login', 'usage', 'feature_use'];
const FEATURES = ['reports', 'export', 'dashboards', 'alerts', ''];
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

async function writeFile(name, header, count, row) {
  const file = path.join(dir, name);
  const out = fs.createWriteStream(file);
  out.write(`${header}\n`);
  let chunk = '';
  for (let i = 1; i <= count; i++) {
    chunk += `${row(i)}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  console.log(`${file}: ${count} rows`);
}

fs.mkdirSync(dir, { recursive: true });
await writeFile(
  'customers.csv',
  'id,name,email,company,segment,plan,country,industry,acquired_at',
  customers,
  (i) =>
    `${i},Customer ${i},customer${i}@example.test,Company ${i % 5000},${pick(SEGMENTS)},${pick(PLANS)},${pick(COUNTRIES)},${pick(INDUSTRIES)},` +
    new Date(START + Math.floor(random() * 700) * DAY).toISOString().slice(0, 10),
);
// Events are spread one second apart so that no two rows share the natural key (customer, type, time, name).
await writeFile('events.csv', 'customer_id,type,occurred_at,value,name', eventCount, (i) => {
  const type = pick(EVENT_TYPES);
  const value = type === 'usage' ? Math.floor(random() * 120) : '';
  const name = type === 'feature_use' ? pick(FEATURES) : '';
  return `${1 + Math.floor(random() * customers)},${type},${new Date(START + i * 1000).toISOString()},${value},${name}`;
});
