// Generates the 200-activity campaign used to measure canvas frame times while dragging.
// Deterministic: same file every time. Run: node bench/make-large-campaign.mjs > bench/campaign-200.json
import { largeCampaign } from './large-campaign.mjs';

const doc = largeCampaign(200, { id: 'cmp_bench_200', name: 'Benchmark: 200 activities' });
doc.description = '25 chains of 8 activities, for measuring canvas frame times.';
process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
