// Large campaigns for the canvas benchmarks: chains of 8 activities (build audience, deduplication,
// enrichment, split, wait, save audience, wait, end), one chain per row. Deterministic.
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

/** A campaign of `count` activities (the last chain is cut short when 8 does not divide it). */
export function largeCampaign(count, { id = `cmp_bench_${count}`, name = `Benchmark: ${count} activities` } = {}) {
  const activities = [];
  const transitions = [];
  for (let chain = 0; chain * chainTypes.length < count; chain++) {
    let previous = null;
    chainTypes.forEach((type, step) => {
      if (activities.length >= count) return;
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
  return {
    id,
    name,
    description: `${Math.ceil(count / chainTypes.length)} chains of up to ${chainTypes.length} activities, for measuring the canvas.`,
    schemaVersion: 1,
    settings: { orientation: 'horizontal', defaultTargetDimension: 'profiles', seed: 42 },
    activities,
    transitions,
  };
}
