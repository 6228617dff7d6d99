// Generates the 200-activity campaign used to measure canvas frame times while dragging.
// Deterministic: same file every time. Run: node bench/make-large-campaign.mjs > bench/campaign-200.json
const chainTypes = ['build-audience', 'deduplication', 'enrichment', 'split', 'wait', 'save-audience', 'wait', 'end'];
const titles = {
  'build-audience': 'Build audience',
  deduplication: 'Deduplication',
  enrichment: 'Enrichment',
  split: 'Split',
  wait: 'Wait',
  'save-audience': 'Save audience',
  end: 'End',
};

const activities = [];
const transitions = [];
for (let chain = 0; chain < 25; chain++) {
  let previous = null;
  chainTypes.forEach((type, step) => {
    const id = `act_${chain}_${step}`;
    const config =
      type === 'save-audience'
        ? { audienceName: `Audience ${chain + 1}` }
        : type === 'split'
          ? {
              subsets: [
                { id: 'subset-1', label: 'Gold', filter: null, limit: null },
                { id: 'subset-2', label: 'Others', filter: null, limit: null },
              ],
            }
          : type === 'enrichment'
          ? { attributes: [{ id: 'e1', path: ['loyalty_tier'], alias: 'tier' }] }
          : {};
    activities.push({
      id,
      type,
      label: `${titles[type]} ${chain + 1}.${step + 1}`,
      position: { x: step * 260, y: chain * 140 },
      config,
      configVersion: 1,
      disabled: false,
    });
    if (previous) {
      transitions.push({
        id: `tr_${chain}_${step}`,
        source: { activityId: previous.id, port: previous.type === 'split' ? 'subset-1' : 'out' },
        target: { activityId: id, port: 'in' },
        label: '',
      });
    }
    previous = { id, type };
  });
}

const doc = {
  id: 'cmp_bench_200',
  name: 'Benchmark: 200 activities',
  description: '25 chains of 8 activities, for measuring canvas frame times.',
  schemaVersion: 1,
  settings: { orientation: 'horizontal', defaultTargetDimension: 'profiles', seed: 42 },
  activities,
  transitions,
};
process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
